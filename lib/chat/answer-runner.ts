/**
 * One answer's life: it streams into its own LiveMessage, owns its AbortController and its
 * promise, and always ends finished, stopped or failed. Stopping it resolves once it has ended
 * and its last state was written, so whatever runs next starts from a settled conversation.
 */
import { batch } from '@preact/signals';
import type { ChatMessage } from '../api/chat';
import { ApiError } from '../api/errors';
import { chatErrorText } from '../i18n/messages/chat-errors';
import type { LiveMessage } from './live-message';
import { StorageProblem } from './storage-problem';

/** How often a streaming answer is written to IndexedDB: what a sudden close can lose at most. */
export const SAVE_EVERY_MS = 500;

export interface AnswerRequest {
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  /** The ceiling on output tokens for this kind of answer. */
  maxTokens?: number;
}

export interface AnswerDeps {
  stream: (request: AnswerRequest) => AsyncIterable<string>;
  /** Writes the answer as it stands; rejects with a StorageProblem. */
  save: (answer: LiveMessage) => Promise<void>;
  now?: () => number;
  /**
   * Calls back before the next paint (`requestAnimationFrame` in a page). Pieces that arrive in
   * between are shown together, so an answer arriving faster than the screen can follow costs one
   * update per frame, not one per piece.
   */
  nextFrame?: (callback: () => void) => void;
}

export interface RunningAnswer {
  readonly answer: LiveMessage;
  /** Resolves when the answer has ended; never rejects. */
  readonly done: Promise<AnswerOutcome>;
  /** Stops it and waits until it has ended. */
  stop(): Promise<AnswerOutcome>;
}

export interface AnswerOutcome {
  /** The last write failed: the answer is whole in memory but not on disk. */
  unsaved?: StorageProblem;
}

/** A frame where there is a screen; elsewhere (a unit test, a hidden page's fallback) a tick. */
function defaultNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
}

function errorOf(
  error: unknown,
  fallback: string,
): { code: string; message: string; retryAfterSeconds?: number } {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof StorageProblem) return { code: 'storage', message: error.message };
  return { code: 'server', message: fallback };
}

/**
 * Ends an answer whose work threw: stopped when the person stopped it, otherwise with the error in
 * words (the API's or storage's own, else `fallback`). Chat answers and pictures end alike.
 */
export function endFailedAnswer(
  answer: LiveMessage,
  error: unknown,
  stopped: boolean,
  fallback: () => string,
): void {
  if (stopped) {
    answer.status.value = 'stopped';
    return;
  }
  batch(() => {
    answer.status.value = 'error';
    answer.error.value = errorOf(error, fallback());
  });
}

/** Writes an answer's final state; a failed write is reported, never thrown. */
export async function saveLastState(
  save: (answer: LiveMessage) => Promise<void>,
  answer: LiveMessage,
): Promise<AnswerOutcome> {
  try {
    await save(answer);
    return {};
  } catch (error) {
    return { unsaved: error instanceof StorageProblem ? error : new StorageProblem('unknown') };
  }
}

/** Starts streaming `messages` into `answer` (its text starts over). */
export function startAnswer(
  deps: AnswerDeps,
  answer: LiveMessage,
  model: string | undefined,
  messages: ChatMessage[],
): RunningAnswer {
  const controller = new AbortController();
  const now = deps.now ?? Date.now;
  const nextFrame = deps.nextFrame ?? defaultNextFrame;
  batch(() => {
    answer.text.value = '';
    answer.arrived.value = null;
    answer.status.value = 'streaming';
    answer.error.value = undefined;
    answer.cost.value = undefined;
    answer.model.value = model;
  });

  /** Pieces not shown yet: adding one costs the same however long the answer has grown. */
  const unshown: string[] = [];
  let frameAsked = false;

  /** Shows the pieces that arrived since the last frame, as one change of `text`. */
  function show(): void {
    frameAsked = false;
    if (unshown.length === 0) return;
    const added = unshown.join('');
    unshown.length = 0;
    batch(() => {
      answer.text.value += added;
      answer.arrived.value = { text: added };
    });
  }

  async function run(): Promise<AnswerOutcome> {
    let lastSave = now();
    try {
      if (!model) throw new ApiError('model-unavailable', chatErrorText('pickModelFirst'));
      await deps.save(answer);
      for await (const delta of deps.stream({ model, messages, signal: controller.signal })) {
        if (controller.signal.aborted) break;
        unshown.push(delta);
        if (!frameAsked) {
          frameAsked = true;
          nextFrame(show);
        }
        if (now() - lastSave > SAVE_EVERY_MS) {
          lastSave = now();
          show(); // what is written is what was shown
          // A heartbeat: one that fails is made up for by the last write, which is reported.
          deps.save(answer).catch((error: unknown) => {
            if (error instanceof StorageProblem && error.code === 'gone') controller.abort();
          });
        }
      }
      show();
      answer.status.value = controller.signal.aborted ? 'stopped' : 'complete';
    } catch (error) {
      show();
      endFailedAnswer(answer, error, controller.signal.aborted, () =>
        chatErrorText('answerFailed'),
      );
    }
    return saveLastState(deps.save, answer);
  }

  const done = run();
  return {
    answer,
    done,
    stop() {
      controller.abort();
      return done;
    },
  };
}
