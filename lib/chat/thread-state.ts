/**
 * What the open conversation is made of, and the two rules every operation on it keeps. Its
 * signals: the conversation, its messages on screen, the one running answer, a storage problem.
 * Operations run one after another (`serial`, a queue of promises), never interleaved: each
 * starts from the state the one before left. A write that fails keeps what it was about and
 * offers Retry through `storageProblem` (`attempt`).
 */
import { batch, signal } from '@preact/signals';
import { lastConversation } from '../config/side-panel-memory';
import type { RunningAnswer } from './answer-runner';
import { type LiveMessage, recordOf } from './live-message';
import type { ConversationRecord } from './records';
import { storageProblemFrom } from './storage-problem';
import type { ChatStore } from './store';

export interface StorageNotice {
  message: string;
  retry: () => Promise<unknown>;
}

export function createThreadState(store: ChatStore) {
  const conversation = signal<ConversationRecord | null>(null);
  const messages = signal<LiveMessage[]>([]);
  const hasEarlier = signal(false);
  const running = signal<RunningAnswer | null>(null);
  const storageProblem = signal<StorageNotice | null>(null);
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `operation` after every earlier one has settled. */
  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  /** Shows no conversation; `forget` also stops the next panel from reopening it. */
  function showEmpty(forget = true): void {
    batch(() => {
      conversation.value = null;
      messages.value = [];
      hasEarlier.value = false;
    });
    if (forget) void lastConversation.setValue(null);
  }

  /** Runs a write; a failure is shown with Retry (which runs `retry`) and resolves false. */
  async function attempt(work: () => Promise<unknown>, retry: () => Promise<unknown>) {
    try {
      await work();
      storageProblem.value = null;
      return true;
    } catch (error) {
      const problem = storageProblemFrom(error);
      if (problem.code === 'gone') showEmpty();
      storageProblem.value = { message: problem.message, retry };
      return false;
    }
  }

  return {
    conversation,
    messages,
    hasEarlier,
    running,
    storageProblem,
    serial,
    attempt,
    showEmpty,
    save: (message: LiveMessage, conversationId: string) =>
      store.saveMessage(recordOf(message, conversationId)),
    /** Stops the running answer, if any, and resolves once it has ended. */
    async stopAnswer(): Promise<void> {
      await running.peek()?.stop();
    },
    /** Resolves once every operation so far and the running answer have ended. */
    async idle(): Promise<void> {
      await queue;
      await running.peek()?.done;
      await queue;
    },
  };
}

export type ThreadState = ReturnType<typeof createThreadState>;
