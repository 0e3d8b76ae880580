import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import { speechText } from '../../lib/i18n/messages/speech';
import { type ClipPlayer, createSpeechQueue, type FetchClip } from '../../lib/speech/player-queue';
import type { SpeechState } from '../../lib/speech/state';

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

interface FetchCall {
  text: string;
  index: number;
  signal: AbortSignal;
  resolve(): void;
  reject(error: unknown): void;
}

/** A fetch the test answers by hand; the clip is the segment's text. Aborts like fetch does. */
function fakeFetch() {
  const calls: FetchCall[] = [];
  const fetchClip: FetchClip<string> = (text, index, signal) =>
    new Promise<string>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      calls.push({ text, index, signal, resolve: () => resolve(text), reject });
    });
  return { calls, fetchClip };
}

/** A player whose clips start and end when the test says so. */
function fakePlayer() {
  const log: string[] = [];
  let current: { clip: string; onPlaying: () => void; done: (error?: unknown) => void } | undefined;
  const player: ClipPlayer<string> = {
    play(clip, onPlaying) {
      log.push(`play ${clip}`);
      return new Promise<void>((resolve, reject) => {
        current = {
          clip,
          onPlaying,
          done: (error) => {
            current = undefined;
            if (error === undefined) resolve();
            else reject(error);
          },
        };
      });
    },
    pause: () => log.push('pause'),
    resume: () => log.push('resume'),
    stop: () => {
      log.push('stop');
      current?.done();
    },
  };
  return {
    player,
    log,
    playing: () => current?.clip,
    /** Sound starts for the clip being played. */
    sounds: () => current?.onPlaying(),
    ends: () => current?.done(),
    fails: (error: unknown) => current?.done(error),
  };
}

function setUp() {
  const fetch = fakeFetch();
  const audio = fakePlayer();
  const states: SpeechState[] = [];
  const released: string[] = [];
  const queue = createSpeechQueue<string>({
    player: audio.player,
    releaseClip: (clip) => released.push(clip),
    onState: (state) => states.push(state),
  });
  const last = () => states.at(-1);
  return { queue, fetch, audio, states, released, last };
}

const SEGMENTS = ['one', 'two', 'three'];

describe('speech queue', () => {
  it('fetches only the first segment before the first sound', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    await settle();
    expect(fetch.calls.map((call) => call.text)).toEqual(['one']);
    expect(last()).toEqual({ status: 'loading', segment: 1, total: 3 });

    fetch.calls[0]?.resolve();
    await settle();
    expect(audio.playing()).toBe('one');
    audio.sounds();
    expect(last()).toEqual({ status: 'playing', segment: 1, total: 3 });
  });

  it('fetches segment n+1 while segment n plays, never more than one ahead', async () => {
    const { queue, fetch, audio, last, released } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    expect(fetch.calls.map((call) => call.text)).toEqual(['one', 'two']);

    fetch.calls[1]?.resolve();
    await settle();
    // Segment two is ready, but three waits until two starts playing.
    expect(fetch.calls).toHaveLength(2);

    audio.ends();
    await settle();
    expect(audio.playing()).toBe('two');
    expect(fetch.calls.map((call) => call.text)).toEqual(['one', 'two', 'three']);
    audio.sounds();
    expect(last()).toEqual({ status: 'playing', segment: 2, total: 3 });

    fetch.calls[2]?.resolve();
    audio.ends();
    await settle();
    audio.sounds();
    expect(last()).toEqual({ status: 'playing', segment: 3, total: 3 });
    audio.ends();
    await settle();

    expect(audio.log.filter((entry) => entry.startsWith('play'))).toEqual([
      'play one',
      'play two',
      'play three',
    ]);
    expect(fetch.calls.map((call) => call.index)).toEqual([0, 1, 2]);
    expect(released).toEqual(['one', 'two', 'three']);
    expect(last()).toEqual({ status: 'idle', segment: 0, total: 0 });
  });

  it('says it is loading when the next segment is late, and not when it is ready', async () => {
    const { queue, fetch, audio, states } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.sounds();
    audio.ends();
    await settle();
    expect(states.at(-1)).toEqual({ status: 'loading', segment: 2, total: 3 });

    fetch.calls[1]?.resolve();
    await settle();
    audio.sounds();
    fetch.calls[2]?.resolve();
    await settle();
    audio.ends();
    await settle();
    audio.sounds();
    expect(states.filter((state) => state.segment === 3).map((state) => state.status)).toEqual([
      'playing',
    ]);
  });

  it('pauses and resumes the clip being played', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.sounds();

    queue.pause();
    expect(audio.log.at(-1)).toBe('pause');
    expect(last()).toEqual({ status: 'paused', segment: 1, total: 3 });

    queue.resume();
    expect(audio.log.at(-1)).toBe('resume');
    expect(last()).toEqual({ status: 'playing', segment: 1, total: 3 });
  });

  it('holds a clip that arrives during a pause until resumed', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    queue.pause();
    expect(last()).toEqual({ status: 'paused', segment: 1, total: 3 });

    fetch.calls[0]?.resolve();
    await settle();
    expect(audio.playing()).toBeUndefined();

    queue.resume();
    await settle();
    expect(audio.playing()).toBe('one');
    audio.sounds();
    expect(last()).toEqual({ status: 'playing', segment: 1, total: 3 });
  });

  it('stops: aborts the fetch in flight, fetches nothing more, frees every clip', async () => {
    const { queue, fetch, audio, last, released } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.sounds();
    const inFlight = fetch.calls[1];
    expect(inFlight?.signal.aborted).toBe(false);

    queue.stop();
    expect(inFlight?.signal.aborted).toBe(true);
    expect(audio.log.at(-1)).toBe('stop');
    expect(last()).toEqual({ status: 'idle', segment: 0, total: 0 });
    await settle();

    expect(fetch.calls).toHaveLength(2);
    expect(audio.playing()).toBeUndefined();
    expect(released).toEqual(['one']);
    expect(last()).toEqual({ status: 'idle', segment: 0, total: 0 });
  });

  it('frees a clip fetched ahead that is never played', async () => {
    const { queue, fetch, audio, released } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    fetch.calls[1]?.resolve();
    await settle();
    queue.stop();
    await settle();
    expect(audio.log.filter((entry) => entry.startsWith('play'))).toEqual(['play one']);
    expect(released.sort()).toEqual(['one', 'two']);
    expect(fetch.calls).toHaveLength(2);
  });

  it('stops on an API error and reports its message', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    const budget = new ApiError('budget-exhausted', 'Your AI Pass balance is used up.');
    fetch.calls[0]?.reject(budget);
    await settle();
    expect(last()).toEqual({
      status: 'error',
      segment: 1,
      total: 3,
      message: 'Your AI Pass balance is used up.',
    });
    expect(audio.log.filter((entry) => entry.startsWith('play'))).toEqual([]);
    expect(fetch.calls).toHaveLength(1);
  });

  it('plays the segment it has, then stops at the one that failed', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.sounds();
    fetch.calls[1]?.reject(new ApiError('network', 'AI Pass could not be reached.'));
    await settle();
    expect(last()?.status).toBe('playing');

    audio.ends();
    await settle();
    expect(last()).toEqual({
      status: 'error',
      segment: 2,
      total: 3,
      message: 'AI Pass could not be reached.',
    });
    expect(fetch.calls).toHaveLength(2);
  });

  it('reports a clip that cannot be played', async () => {
    const { queue, fetch, audio, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.fails(new DOMException('Not allowed', 'NotAllowedError'));
    await settle();
    expect(last()).toEqual({
      status: 'error',
      segment: 1,
      total: 3,
      message: speechText('playbackFailed'),
    });
    expect(fetch.calls[1]?.signal.aborted).toBe(true);
  });

  it('replaces the reading in progress with a new one', async () => {
    const { queue, fetch, audio, states } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.resolve();
    await settle();
    audio.sounds();
    const oldPrefetch = fetch.calls[1];

    queue.start(['new'], fetch.fetchClip);
    expect(oldPrefetch?.signal.aborted).toBe(true);
    await settle();
    expect(fetch.calls.map((call) => call.text)).toEqual(['one', 'two', 'new']);
    fetch.calls[2]?.resolve();
    await settle();
    audio.sounds();
    audio.ends();
    await settle();

    const afterReplacement = states.slice(states.findIndex((state) => state.total === 1));
    expect(afterReplacement).toEqual([
      { status: 'loading', segment: 1, total: 1 },
      { status: 'playing', segment: 1, total: 1 },
      { status: 'idle', segment: 0, total: 0 },
    ]);
  });

  it('clears an error when stopped, so the controls can be dismissed', async () => {
    const { queue, fetch, last } = setUp();
    queue.start(SEGMENTS, fetch.fetchClip);
    fetch.calls[0]?.reject(new ApiError('model-unavailable', 'That model is not available.'));
    await settle();
    expect(last()?.status).toBe('error');
    queue.stop();
    expect(last()).toEqual({ status: 'idle', segment: 0, total: 0 });
  });
});
