/**
 * A spoken question's life: idle → opening the microphone (→ waiting for the Passlight tab that
 * asks, where the panel cannot) → recording → sending → idle, with its text handed over, or with
 * a problem named by a code. Cancel works in every state. Each press starts an attempt of its
 * own; whatever an older attempt's promises bring after it was cancelled is dropped.
 *
 * Browser work (the microphone, MediaRecorder, the API) comes in through `VoiceDeps`, so the
 * order of events can be set by tests.
 */
import { signal } from '@preact/signals';
import { ApiError } from '../api/errors';
import { fitsUploadLimit } from './size-limit';

/** RMS below this (about −46 dBFS) is a quiet room, not a voice. */
export const SILENCE_LEVEL = 0.005;

export type VoiceStatus = 'idle' | 'opening' | 'waiting-for-tab' | 'recording' | 'sending';

export type VoiceProblemCode =
  | 'denied'
  | 'no-microphone'
  | 'microphone-busy'
  | 'microphone-error'
  | 'no-model'
  | 'silence'
  | 'nothing-heard'
  | 'too-large'
  /** The server refused or failed: `detail` is its message in words; `apiCode` says how. */
  | 'transcription';

export interface VoiceProblem {
  code: VoiceProblemCode;
  apiCode?: ApiError['code'];
  detail?: string;
  sizeBytes?: number;
}

export interface RecordedAudio {
  blob: Blob;
  /** The loudest moment, as RMS from 0 to 1. */
  peak: number;
  /** Recording stopped by itself because the next part would pass the size limit. */
  cutAtLimit: boolean;
}

export interface Recording {
  /** Loudness now, as RMS from 0 to 1, for the level meter. */
  level(): number;
  /** Resolves once the size limit stopped the recording by itself. */
  readonly reachedLimit: Promise<void>;
  /** Stops and resolves with everything recorded; the microphone is released. */
  finish(): Promise<RecordedAudio>;
  /** Stops and drops everything; the microphone is released. */
  discard(): void;
}

export type MicrophonePermission = 'granted' | 'denied' | 'prompt' | 'unknown';

export interface VoiceDeps {
  permission(): Promise<MicrophonePermission>;
  openMicrophone(): Promise<MediaStream>;
  /** Opens the Passlight tab that asks for the microphone; resolves whether it was allowed. */
  askInTab(): Promise<boolean>;
  record(stream: MediaStream): Promise<Recording>;
  /** The model to send to, or undefined when the gateway offers none. */
  model(): Promise<string | undefined>;
  transcribe(audio: Blob, model: string, signal: AbortSignal): Promise<string>;
  limitBytes: number;
}

function problemOfMicrophone(error: unknown): VoiceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { code: 'denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { code: 'no-microphone' };
  if (name === 'NotReadableError' || name === 'AbortError') return { code: 'microphone-busy' };
  return { code: 'microphone-error' };
}

function isNotAllowed(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotAllowedError';
}

export function createVoiceInput(deps: VoiceDeps, onText: (text: string) => void) {
  const status = signal<VoiceStatus>('idle');
  const problem = signal<VoiceProblem | null>(null);
  /** Set when the last recording stopped at the size limit and what came before was sent. */
  const cutAtLimit = signal(false);
  /** The attempt in progress; a cancelled one finds itself replaced and stops. */
  let attempt: { recording?: Recording; abort: AbortController } | null = null;

  const fail = (own: typeof attempt, found: VoiceProblem) => {
    if (attempt !== own) return;
    attempt = null;
    problem.value = found;
    status.value = 'idle';
  };

  async function open(own: NonNullable<typeof attempt>): Promise<MediaStream | undefined> {
    const permission = await deps.permission();
    if (attempt !== own) return undefined;
    if (permission === 'denied') return void fail(own, { code: 'denied' });
    try {
      return await deps.openMicrophone();
    } catch (error) {
      if (!(isNotAllowed(error) && permission === 'prompt')) {
        return void fail(own, problemOfMicrophone(error));
      }
    }
    // The page could not show the browser's question (a side panel cannot): a tab asks instead.
    if (attempt !== own) return undefined;
    status.value = 'waiting-for-tab';
    const allowed = await deps.askInTab();
    if (attempt !== own) return undefined;
    if (!allowed) return void fail(own, { code: 'denied' });
    try {
      return await deps.openMicrophone();
    } catch (error) {
      return void fail(own, problemOfMicrophone(error));
    }
  }

  async function start(): Promise<void> {
    if (status.peek() !== 'idle') return;
    const own = { abort: new AbortController() } as NonNullable<typeof attempt>;
    attempt = own;
    problem.value = null;
    cutAtLimit.value = false;
    status.value = 'opening';
    const stream = await open(own);
    if (!stream) return;
    if (attempt !== own) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    let recording: Recording;
    try {
      recording = await deps.record(stream);
    } catch {
      for (const track of stream.getTracks()) track.stop();
      return fail(own, { code: 'microphone-error' });
    }
    if (attempt !== own) return recording.discard();
    own.recording = recording;
    status.value = 'recording';
    void recording.reachedLimit.then(() => {
      if (attempt === own && status.peek() === 'recording') void stop();
    });
  }

  async function stop(): Promise<void> {
    const own = attempt;
    if (!own) return;
    if (status.peek() === 'opening' || status.peek() === 'waiting-for-tab') return cancel();
    if (status.peek() !== 'recording' || !own.recording) return;
    status.value = 'sending';
    const audio = await own.recording.finish();
    if (attempt !== own) return;
    if (audio.peak < SILENCE_LEVEL) return fail(own, { code: 'silence' });
    if (!fitsUploadLimit(audio.blob.size, deps.limitBytes)) {
      return fail(own, { code: 'too-large', sizeBytes: audio.blob.size });
    }
    cutAtLimit.value = audio.cutAtLimit;
    let text: string;
    try {
      const model = await deps.model();
      if (attempt !== own) return;
      if (!model) return fail(own, { code: 'no-model' });
      text = await deps.transcribe(audio.blob, model, own.abort.signal);
    } catch (error) {
      if (attempt !== own) return;
      return fail(
        own,
        error instanceof ApiError
          ? { code: 'transcription', apiCode: error.code, detail: error.message }
          : { code: 'transcription' },
      );
    }
    if (attempt !== own) return;
    if (!text.trim()) return fail(own, { code: 'nothing-heard' });
    attempt = null;
    status.value = 'idle';
    onText(text.trim());
  }

  /** Ends whatever is under way, keeping nothing of it; a no-op when idle. */
  function cancel(): void {
    const own = attempt;
    attempt = null;
    own?.abort.abort();
    own?.recording?.discard();
    status.value = 'idle';
  }

  /** The button's press: start when idle, stop when recording. */
  function toggle(): Promise<void> {
    return status.peek() === 'idle' ? start() : stop();
  }

  return {
    status,
    problem,
    cutAtLimit,
    start,
    stop,
    cancel,
    toggle,
    /** Loudness now, 0 when not recording. */
    level: () => attempt?.recording?.level() ?? 0,
    dismissProblem: () => {
      problem.value = null;
    },
  };
}

export type VoiceInput = ReturnType<typeof createVoiceInput>;
