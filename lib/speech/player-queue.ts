/**
 * Reads segments aloud in order, fetching segment n+1 while segment n plays: the first sound
 * comes after the first segment, and never more than one segment is fetched ahead. Pure logic:
 * fetching and playing are handed in, so it runs in unit tests without a browser.
 */
import { ApiError } from '../api/errors';
import { speechText } from '../i18n/messages/speech';
import type { SpeechState } from './state';

/** Plays one clip at a time. */
export interface ClipPlayer<Clip> {
  /**
   * Plays the clip to its end, calling `onPlaying` when sound starts. Resolves when the clip has
   * ended or `stop()` was called; rejects if the clip cannot be played.
   */
  play(clip: Clip, onPlaying: () => void): Promise<void>;
  pause(): void;
  /** Carries on with a paused clip; does nothing when no clip is being played. */
  resume(): void;
  stop(): void;
}

/** Makes the audio of segment `index` (from 0); must give up when `signal` aborts. */
export type FetchClip<Clip> = (text: string, index: number, signal: AbortSignal) => Promise<Clip>;

export interface SpeechQueueOptions<Clip> {
  player: ClipPlayer<Clip>;
  /** Frees a clip once it has been played or will never be (an object URL, for instance). */
  releaseClip(clip: Clip): void;
  onState(state: SpeechState): void;
}

export interface SpeechQueue<Clip> {
  /** Reads these segments, replacing whatever was being read. */
  start(segments: string[], fetchClip: FetchClip<Clip>): void;
  pause(): void;
  resume(): void;
  /** Stops reading: aborts the fetch in flight and fetches nothing more. */
  stop(): void;
}

const IDLE: SpeechState = { status: 'idle', segment: 0, total: 0 };

interface Reading {
  readonly controller: AbortController;
  readonly total: number;
  /** From 1. */
  segment: number;
  phase: 'loading' | 'playing';
  paused: boolean;
  /** Lets a reading paused before its next clip started carry on. */
  wake?: () => void;
}

/** A fetch under way, and whether it has settled (then no "loading" is worth showing). */
interface PendingClip<Clip> {
  readonly clip: Promise<Clip>;
  settled: boolean;
}

/** What is shown when reading stops: the API's words, or that the audio would not play. */
function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : speechText('playbackFailed');
}

export function createSpeechQueue<Clip>({
  player,
  releaseClip,
  onState,
}: SpeechQueueOptions<Clip>): SpeechQueue<Clip> {
  let current: Reading | undefined;

  /** Only the current reading speaks: a replaced or stopped one finishes quietly. */
  const report = (reading: Reading) => {
    if (reading !== current) return;
    onState({
      status: reading.paused ? 'paused' : reading.phase,
      segment: reading.segment,
      total: reading.total,
    });
  };

  const halt = (reading: Reading) => {
    reading.controller.abort();
    reading.wake?.();
    player.stop();
  };

  const finish = (reading: Reading, state: SpeechState) => {
    if (reading !== current) return;
    current = undefined;
    halt(reading);
    onState(state);
  };

  const untilResumed = (reading: Reading) =>
    reading.paused
      ? new Promise<void>((resolve) => {
          reading.wake = resolve;
        })
      : Promise.resolve();

  async function read(reading: Reading, segments: string[], fetchClip: FetchClip<Clip>) {
    const { signal } = reading.controller;
    const fetchSegment = (index: number): PendingClip<Clip> => {
      const pending = { clip: fetchClip(segments[index] ?? '', index, signal), settled: false };
      // Also marks a failure as handled until the loop gets to it, after the clip before it.
      pending.clip.then(
        () => {
          pending.settled = true;
        },
        () => {
          pending.settled = true;
        },
      );
      return pending;
    };

    let upcoming: PendingClip<Clip> | undefined = fetchSegment(0);
    try {
      for (let index = 0; upcoming; index += 1) {
        const pending: PendingClip<Clip> = upcoming;
        reading.segment = index + 1;
        reading.phase = 'loading';
        if (!pending.settled) report(reading);
        const clip = await pending.clip;
        upcoming = undefined;
        try {
          if (signal.aborted) return;
          if (index + 1 < segments.length) upcoming = fetchSegment(index + 1);
          await untilResumed(reading);
          if (signal.aborted) return;
          await player.play(clip, () => {
            reading.phase = 'playing';
            report(reading);
          });
        } finally {
          releaseClip(clip);
        }
        if (signal.aborted) return;
      }
      finish(reading, IDLE);
    } catch (error) {
      if (signal.aborted) return; // stopped or replaced: not a failure
      finish(reading, {
        status: 'error',
        segment: reading.segment,
        total: reading.total,
        message: messageOf(error),
      });
    } finally {
      // A clip fetched ahead that will never be played.
      upcoming?.clip.then(releaseClip, () => undefined);
    }
  }

  return {
    start(segments, fetchClip) {
      if (current) halt(current);
      current = undefined;
      if (segments.length === 0) {
        onState(IDLE);
        return;
      }
      const reading: Reading = {
        controller: new AbortController(),
        total: segments.length,
        segment: 1,
        phase: 'loading',
        paused: false,
      };
      current = reading;
      void read(reading, segments, fetchClip);
    },

    pause() {
      if (!current || current.paused) return;
      current.paused = true;
      player.pause();
      report(current);
    },

    resume() {
      if (!current?.paused) return;
      const reading = current;
      reading.paused = false;
      const wake = reading.wake;
      reading.wake = undefined;
      wake?.();
      player.resume();
      report(reading);
    },

    stop() {
      const reading = current;
      current = undefined;
      if (reading) halt(reading);
      onState(IDLE);
    },
  };
}
