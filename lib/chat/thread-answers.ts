/**
 * Starting the answer to the open conversation's last question: a chat answer asked with as
 * much of the conversation as fits the model, or the pictures a picture request asks for. The
 * answer runs outside the thread's queue, so Stop is immediate; this follows it until it ends,
 * then notes its cost or offers Retry for its last write.
 */
import { maxTokensFor } from '../config/output-ceilings';
import { chatErrorText } from '../i18n/messages/chat-errors';
import { assertSeesImages, contextTokensOf } from '../models/picker';
import {
  type AnswerDeps,
  endFailedAnswer,
  type RunningAnswer,
  saveLastState,
  startAnswer,
} from './answer-runner';
import { budgetFor, fitToContext, shareAfterRefusal } from './context-window';
import { type LiveMessage, liveMessage } from './live-message';
import { conversationForModel } from './prompt';
import type { ChatStore } from './store';
import type { ThreadState } from './thread-state';

/**
 * Called as an answer starts; resolves, once it has noted what it needs from before (the
 * balance), with what is called when the answer has ended and was saved.
 */
type AfterAnswer = (answer: LiveMessage, save: () => Promise<void>) => void;

export interface AnswerStarterDeps {
  store: ChatStore;
  stream: AnswerDeps['stream'];
  model: () => string | undefined;
  afterAnswer?: () => Promise<AfterAnswer> | undefined;
  /** Answers a request for pictures (its code loads on first use; see lib/images/image-job.ts). */
  startImageJob?: (
    question: LiveMessage,
    answer: LiveMessage,
    conversationId: string,
  ) => Promise<RunningAnswer>;
}

export function answerStarter(
  state: ThreadState,
  { store, stream, model, afterAnswer, startImageJob }: AnswerStarterDeps,
) {
  const { messages, hasEarlier, running, storageProblem, attempt, save } = state;
  /** Per conversation, the part of the model's context to fill: less after each "too long". */
  const contextShare = new Map<string, number>();

  async function historyBefore(answer: LiveMessage, conversationId: string) {
    const loaded = messages.peek();
    const before = loaded.slice(0, loaded.indexOf(answer));
    if (!hasEarlier.peek()) return before;
    // Not all on screen: the earlier ones come from the store, as many as fit.
    const first = before[0]?.createdAt ?? Infinity;
    const earlier = (await store.loadMessages(conversationId)).filter((m) => m.createdAt < first);
    return [...earlier.map(liveMessage), ...before];
  }

  /** Shows `current` as the running answer until it ends, then notes its cost or its problem. */
  function follow(
    current: RunningAnswer,
    conversationId: string,
    after: Promise<AfterAnswer> | undefined,
  ): void {
    const { answer } = current;
    running.value = current;
    void current.done.then(({ unsaved }) => {
      if (running.peek() === current) running.value = null;
      // So that Retry sends less, not the same request again.
      if (answer.error.peek()?.code === 'context-too-long')
        contextShare.set(conversationId, shareAfterRefusal(contextShare.get(conversationId)));
      if (unsaved && unsaved.code !== 'gone') {
        const retry = () => attempt(() => save(answer, conversationId), retry);
        storageProblem.value = { message: unsaved.message, retry };
      } else if (!unsaved)
        void after?.then((noteAfter) => noteAfter(answer, () => save(answer, conversationId)));
    });
  }

  /**
   * Starts `answer` (already the last message on screen) in `conversationId`. If it cannot start
   * (the picture code does not load, the earlier messages cannot be read), it ends at once with
   * the error, kept as a failed answer is, with Retry: never left "streaming" with nothing behind.
   */
  return async function run(answer: LiveMessage, conversationId: string): Promise<void> {
    try {
      await begin(answer, conversationId);
    } catch (error) {
      endFailedAnswer(answer, error, false, () => chatErrorText('answerFailed'));
      const done = saveLastState((message) => save(message, conversationId), answer);
      follow({ answer, done, stop: () => done }, conversationId, undefined);
    }
  };

  async function begin(answer: LiveMessage, conversationId: string): Promise<void> {
    const loaded = messages.peek();
    const question = loaded[loaded.indexOf(answer) - 1];
    if (question?.imageWork.peek() && startImageJob) {
      // A picture is charged at once: the balance before it must be known before it is asked
      // for. A chat answer is charged as it ends, so it does not wait for the balance.
      const after = afterAnswer?.();
      await after;
      follow(await startImageJob(question, answer, conversationId), conversationId, after);
      return;
    }
    const history = await historyBefore(answer, conversationId);
    const chosenModel = model();
    const { budget, maxTokens } = budgetFor({
      contextTokens: contextTokensOf(chosenModel),
      maxTokens: await maxTokensFor(history),
      share: contextShare.get(conversationId),
    });
    const fitted = fitToContext(conversationForModel(history), budget);
    answer.earlierLeftOut.value = fitted.leftOut;
    const after = afterAnswer?.();
    const current = startAnswer(
      {
        // Inside the answer, so a model that cannot see the images fails it with that message.
        stream: (request) => {
          assertSeesImages(request.model, history);
          return stream({ ...request, maxTokens });
        },
        save: (message) => save(message, conversationId),
      },
      answer,
      chosenModel,
      fitted.messages,
    );
    follow(current, conversationId, after);
  }
}

export type StartAnswer = ReturnType<typeof answerStarter>;
