/**
 * Asking in the open conversation: a question (or a request for pictures) is stored first, with
 * its conversation, and only then shown and answered; asked again (Regenerate, Retry) or edited.
 * Every operation here runs in the thread's queue, and refuses while an answer is running.
 */
import { batch } from '@preact/signals';
import { lastConversation } from '../config/side-panel-memory';
import type { ConversationList } from './conversation-list';
import type { ConversationRecord, ImageWork, MessageContext } from './records';
import { StorageProblem } from './storage-problem';
import type { ChatStore } from './store';
import type { StartAnswer } from './thread-answers';
import { messageMaker } from './thread-parts';
import type { ThreadState } from './thread-state';

/** A request for pictures: what is asked, and the pictures to change, kept with the question. */
export interface PictureRequest {
  work: ImageWork;
  blobs: Array<{ id: string; blob: Blob }>;
}

export interface QuestionDeps {
  store: ChatStore;
  list: ConversationList;
  model: () => string | undefined;
  run: StartAnswer;
}

export function threadQuestions(state: ThreadState, { store, list, model, run }: QuestionDeps) {
  const { conversation, messages, running, serial, attempt, showEmpty, save, stopAnswer } = state;
  const newMessage = messageMaker();

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

  return {
    ask,
    /** A page action's question, in a conversation of its own: any running answer is stopped. */
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
        const shown = messages.peek();
        const index = shown.findLastIndex((m) => m.role === 'user');
        const question = shown[index];
        if (!open || !question || running.peek() || !text.trim()) return false;
        const stale = shown.slice(index);
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
  };
}
