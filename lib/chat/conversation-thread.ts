/**
 * The open conversation: its messages, at most one running answer, and the operations a person
 * can do on it. Operations run one after another (a queue of promises), never interleaved: each
 * starts from the state the one before left. An answer runs outside the queue, so Stop is
 * immediate; anything that needs the conversation settled stops the answer and awaits it first.
 * A write that fails keeps what it was about (the question stays in the composer, the answer
 * in memory) and offers Retry through `storageProblem`.
 */
import { batch, signal } from '@preact/signals';
import { maxTokensFor } from '../config/output-ceilings';
import { lastConversation } from '../config/side-panel-memory';
import { assertSeesImages, contextTokensOf } from '../models/picker';
import { type AnswerDeps, type RunningAnswer, startAnswer } from './answer-runner';
import { budgetFor, fitToContext, shareAfterRefusal } from './context-window';
import type { ConversationList } from './conversation-list';
import { type LiveMessage, liveMessage, recordOf } from './live-message';
import { conversationForModel } from './prompt';
import type { ConversationRecord, ImageWork, MessageContext, MessageRecord } from './records';
import { StorageProblem, storageProblemFrom } from './storage-problem';
import type { ChatStore } from './store';
import type { ChatChange } from './sync';
import { messageMaker } from './thread-parts';
import { applyChange } from './thread-sync';

/** How many messages a conversation opens with; earlier ones load as the person scrolls up. */
export const PAGE_SIZE = 60;

export interface StorageNotice {
  message: string;
  retry: () => Promise<unknown>;
}

export interface ThreadDeps {
  store: ChatStore;
  stream: AnswerDeps['stream'];
  list: ConversationList;
  model: () => string | undefined;
  afterAnswer?: () => ((answer: LiveMessage, save: () => Promise<void>) => void) | undefined;
  /** Answers a request for pictures (its code loads on first use; see lib/images/image-job.ts). */
  startImageJob?: (
    question: LiveMessage,
    answer: LiveMessage,
    conversationId: string,
  ) => Promise<RunningAnswer>;
}

/** A request for pictures: what is asked, and the pictures to change, kept with the question. */
export interface PictureRequest {
  work: ImageWork;
  blobs: Array<{ id: string; blob: Blob }>;
}

export function createConversationThread({
  store,
  stream,
  list,
  model,
  afterAnswer,
  startImageJob,
}: ThreadDeps) {
  const conversation = signal<ConversationRecord | null>(null);
  const messages = signal<LiveMessage[]>([]);
  const hasEarlier = signal(false);
  const running = signal<RunningAnswer | null>(null);
  const storageProblem = signal<StorageNotice | null>(null);
  const newMessage = messageMaker();
  /** Per conversation, the part of the model's context to fill: less after each "too long". */
  const contextShare = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `operation` after every earlier one has settled. */
  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
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

  /** Shows no conversation; `forget` also stops the next panel from reopening it. */
  function showEmpty(forget = true): void {
    batch(() => {
      conversation.value = null;
      messages.value = [];
      hasEarlier.value = false;
    });
    if (forget) void lastConversation.setValue(null);
  }

  const save = (message: LiveMessage, conversationId: string) =>
    store.saveMessage(recordOf(message, conversationId));

  async function historyBefore(answer: LiveMessage, conversationId: string) {
    const loaded = messages.peek();
    const before = loaded.slice(0, loaded.indexOf(answer));
    if (!hasEarlier.peek()) return before;
    // Not all on screen: the earlier ones come from the store, as many as fit.
    const first = before[0]?.createdAt ?? Infinity;
    const earlier = (await store.loadMessages(conversationId)).filter((m) => m.createdAt < first);
    return [...earlier.map(liveMessage), ...before];
  }

  /** Starts `answer` (already the last message) in `conversationId`. */
  async function run(answer: LiveMessage, conversationId: string): Promise<void> {
    const loaded = messages.peek();
    const question = loaded[loaded.indexOf(answer) - 1];
    if (question?.imageWork.peek() && startImageJob) {
      const after = afterAnswer?.();
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

  /** Shows `current` as the running answer until it ends, then notes its cost or its problem. */
  function follow(
    current: RunningAnswer,
    conversationId: string,
    after: ((answer: LiveMessage, save: () => Promise<void>) => void) | undefined,
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
      } else if (!unsaved) after?.(answer, () => save(answer, conversationId));
    });
  }

  async function stopAnswer(): Promise<void> {
    await running.peek()?.stop();
  }

  /** The open conversation, touched; or a new one, created for the signed-in account. */
  async function conversationFor(title: string): Promise<ConversationRecord> {
    const now = Date.now();
    const current = conversation.peek();
    if (current) return store.updateConversation(current.id, { updatedAt: now, model: model() });
    const account = list.account.peek();
    if (!account) throw new StorageProblem('gone');
    const created: ConversationRecord = {
      id: crypto.randomUUID(),
      title,
      createdAt: now,
      updatedAt: now,
      model: model(),
      provider: account.provider,
      sub: account.sub,
    };
    await store.createConversation(created);
    return created;
  }

  /** Stores the question (and its conversation) first; only then shows it and answers. */
  async function askNow(
    title: string,
    text: string,
    images: string[],
    context: MessageContext | undefined,
    onStored?: () => void,
    picture?: PictureRequest,
  ): Promise<boolean> {
    if (running.peek()) return false;
    const question = newMessage('user', text, images, context, picture?.work);
    const answer = newMessage(
      'assistant',
      '',
      [],
      undefined,
      picture ? { mode: picture.work.mode, imageIds: [] } : undefined,
    );
    let target: ConversationRecord | undefined;
    const stored = await attempt(
      async () => {
        target = await conversationFor(title);
        if (picture) await store.saveImages(target.id, picture.blobs);
        await save(question, target.id);
      },
      () => ask(title, text, images, context, onStored, picture),
    );
    if (!stored || !target) return false;
    onStored?.();
    const id = target.id;
    batch(() => {
      conversation.value = target ?? null;
      messages.value = [...messages.peek(), question, answer];
    });
    void lastConversation.setValue(id);
    void list.refresh().catch(() => undefined);
    await run(answer, id);
    return true;
  }

  function ask(
    title: string,
    text: string,
    images: string[],
    context?: MessageContext,
    onStored?: () => void,
    picture?: PictureRequest,
  ): Promise<boolean> {
    return serial(() => askNow(title, text, images, context, onStored, picture));
  }

  async function openNow(id: string, records?: MessageRecord[]): Promise<void> {
    const found = list.find(id) ?? (await store.getConversation(id));
    if (!found) return;
    const recent = records ?? (await store.loadRecentMessages(id, PAGE_SIZE + 1));
    const earlier = recent.length > PAGE_SIZE;
    batch(() => {
      conversation.value = found;
      messages.value = (earlier ? recent.slice(1) : recent).map(liveMessage);
      hasEarlier.value = earlier;
    });
    void lastConversation.setValue(id);
  }

  /** A conversation saying why a page action could not start; there is nothing to retry. */
  function reportFailedAction(title: string, text: string, context: MessageContext) {
    return serial(async () => {
      await stopAnswer();
      showEmpty();
      const question = newMessage('user', title, [], context);
      const answer = newMessage('assistant', '');
      batch(() => {
        answer.status.value = 'error';
        answer.error.value = { code: 'action-failed', message: text };
      });
      await attempt(
        async () => {
          const target = await conversationFor(title);
          await save(question, target.id);
          await save(answer, target.id);
          batch(() => {
            conversation.value = target;
            messages.value = [question, answer];
          });
          void list.refresh();
        },
        () => reportFailedAction(title, text, context),
      );
    });
  }

  function rename(id: string, title: string): Promise<void> {
    const trimmed = title.trim();
    if (!trimmed) return Promise.resolve();
    return serial(async () => {
      await attempt(
        async () => {
          const renamed = await store.updateConversation(id, { title: trimmed });
          if (conversation.peek()?.id === id) conversation.value = renamed;
          await list.refresh();
        },
        () => rename(id, title),
      );
    });
  }

  /** Deletes a conversation; one being answered is stopped first. */
  function remove(id: string): Promise<void> {
    return serial(async () => {
      if (conversation.peek()?.id === id) {
        await stopAnswer();
        showEmpty();
      }
      await attempt(
        async () => {
          await store.deleteConversations([id]);
          await list.refresh();
        },
        () => remove(id),
      );
    });
  }

  /** Changes another page made: shown here at once, never written back. */
  function hear(change: ChatChange): void {
    applyChange(change, {
      conversation,
      messages,
      runningAnswerId: () => running.peek()?.answer.id,
      refreshList: () => void list.refresh().catch(() => undefined),
      reread: (id) => store.getConversation(id),
      dropOpen: () =>
        void serial(async () => {
          await stopAnswer();
          showEmpty();
        }),
    });
  }

  return {
    conversation,
    messages,
    hasEarlier,
    running,
    storageProblem,
    ask,
    askInNewConversation(
      title: string,
      text: string,
      images: string[],
      context: MessageContext,
    ): Promise<unknown> {
      return serial(async () => {
        await stopAnswer();
        showEmpty();
        return askNow(title, text, images, context);
      });
    },
    reportFailedAction,
    /** Answers the last question again (Regenerate, or Retry after an error). */
    regenerate(): Promise<void> {
      return serial(async () => {
        const open = conversation.peek();
        const last = messages.peek().at(-1);
        if (!open || running.peek() || last?.role !== 'assistant') return;
        await run(last, open.id);
      });
    },
    /** Replaces the last question with new text and asks it again. */
    editLastQuestion(text: string): Promise<boolean> {
      return serial(async () => {
        const open = conversation.peek();
        const list = messages.peek();
        const index = list.findLastIndex((m) => m.role === 'user');
        const question = list[index];
        if (!open || !question || running.peek() || !text.trim()) return false;
        const stale = list.slice(index);
        const removed = await attempt(
          async () => {
            for (const message of stale) await store.deleteMessage(open.id, message.id);
          },
          async () => undefined,
        );
        if (!removed) return false;
        messages.value = messages.peek().filter((m) => !stale.includes(m));
        // The conversation keeps its title; what the question was about (a quote, an image) stays.
        const work = question.imageWork.peek();
        return askNow(
          open.title,
          text,
          question.images,
          question.context,
          undefined,
          work && {
            work,
            blobs: [],
          },
        );
      });
    },
    stop: stopAnswer,
    open(id: string): Promise<void> {
      return serial(async () => {
        if (!running.peek()) await openNow(id);
      });
    },
    /** Opens the conversation open last time, if it is the signed-in account's. */
    openLast(): Promise<void> {
      return serial(async () => {
        const id = await lastConversation.getValue();
        if (id && list.find(id) && !conversation.peek()) await openNow(id);
      });
    },
    loadEarlier(): Promise<void> {
      return serial(async () => {
        const open = conversation.peek();
        const first = messages.peek()[0];
        if (!open || !first || !hasEarlier.peek()) return;
        const earlier = await store.loadRecentMessages(open.id, PAGE_SIZE + 1, first.createdAt);
        const more = earlier.length > PAGE_SIZE;
        batch(() => {
          messages.value = [
            ...(more ? earlier.slice(1) : earlier).map(liveMessage),
            ...messages.peek(),
          ];
          hasEarlier.value = more;
        });
      });
    },
    startNew(): Promise<void> {
      return serial(async () => {
        if (!running.peek()) showEmpty();
      });
    },
    rename,
    remove,
    /** Stops any answer and shows nothing: for a sign-out or another account. */
    close(): Promise<void> {
      return serial(async () => {
        await stopAnswer();
        showEmpty(false);
        storageProblem.value = null;
      });
    },
    /** Resolves once every operation so far and the running answer have ended. */
    async idle(): Promise<void> {
      await queue;
      await running.peek()?.done;
      await queue;
    },
    hear,
  };
}

export type ConversationThread = ReturnType<typeof createConversationThread>;
