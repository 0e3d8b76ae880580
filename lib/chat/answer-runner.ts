/**
 * One answer's life: it streams into its own LiveMessage, owns its AbortController and its
 * promise, and always ends finished, stopped or failed. Stopping it resolves once it has ended
 * and its last state was written, so whatever runs next starts from a settled conversation.
 */
import { batch } from '@preact/signals';
import type { ChatMessage } from '../api/chat';
import { ApiError } from '../api/errors';
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

function errorOf(error: unknown): { code: string; message: string; retryAfterSeconds?: number } {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof StorageProblem) return { code: 'storage', message: error.message };
  return { code: 'server', message: 'Something went wrong with this answer.' };
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
  batch(() => {
    answer.text.value = '';
    answer.arrived.value = null;
    answer.status.value = 'streaming';
    answer.error.value = undefined;
    answer.cost.value = undefined;
    answer.model.value = model;
  });

  async function run(): Promise<AnswerOutcome> {
    let lastSave = now();
    try {
      if (!model) throw new ApiError('model-unavailable', 'Pick a model first.');
      await deps.save(answer);
      for await (const delta of deps.stream({ model, messages, signal: controller.signal })) {
        if (controller.signal.aborted) break;
        batch(() => {
          answer.text.value += delta;
          answer.arrived.value = { text: delta };
        });
        if (now() - lastSave > SAVE_EVERY_MS) {
          lastSave = now();
          // A heartbeat: one that fails is made up for by the last write, which is reported.
          deps.save(answer).catch((error: unknown) => {
            if (error instanceof StorageProblem && error.code === 'gone') controller.abort();
          });
        }
      }
      answer.status.value = controller.signal.aborted ? 'stopped' : 'complete';
    } catch (error) {
      if (controller.signal.aborted) {
        answer.status.value = 'stopped';
      } else {
        batch(() => {
          answer.status.value = 'error';
          answer.error.value = errorOf(error);
        });
      }
    }
    try {
      await deps.save(answer);
      return {};
    } catch (error) {
      return { unsaved: error instanceof StorageProblem ? error : new StorageProblem('unknown') };
    }
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
