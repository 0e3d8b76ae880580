/**
 * The open conversation: its messages, at most one running answer, and the operations a person
 * can do on it, put together from parts with one job each: thread-state.ts holds the state and
 * the queue every operation waits its turn in, thread-answers.ts starts answers,
 * thread-questions.ts asks, thread-view.ts opens and shows, conversation-edits.ts renames and
 * deletes.
 *
 * Operations run one after another, never interleaved: each starts from the state the one before
 * left. An answer runs outside the queue, so Stop is immediate; anything that needs the
 * conversation settled stops the answer and awaits it first. A write that fails keeps what it
 * was about (the question stays in the composer, the answer in memory) and offers Retry through
 * `storageProblem`.
 */

import { conversationEdits } from './conversation-edits';
import type { ConversationList } from './conversation-list';
import { type AnswerStarterDeps, answerStarter } from './thread-answers';
import { threadQuestions } from './thread-questions';
import { createThreadState } from './thread-state';
import { threadView } from './thread-view';

export interface ThreadDeps extends AnswerStarterDeps {
  list: ConversationList;
}

export function createConversationThread(deps: ThreadDeps) {
  const { store, list, model } = deps;
  const state = createThreadState(store);
  const run = answerStarter(state, deps);
  return {
    conversation: state.conversation,
    messages: state.messages,
    hasEarlier: state.hasEarlier,
    running: state.running,
    storageProblem: state.storageProblem,
    ...threadQuestions(state, { store, list, model, run }),
    ...threadView(state, store, list),
    ...conversationEdits(state, store, list),
    stop: state.stopAnswer,
    idle: state.idle,
  };
}

export type ConversationThread = ReturnType<typeof createConversationThread>;
