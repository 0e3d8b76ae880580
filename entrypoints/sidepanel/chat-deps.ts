/**
 * What the panel's model needs from outside, gathered in one place so unit tests can hand it a
 * paced fake stream and a store of their own.
 */
import { browser } from 'wxt/browser';
import { refreshBalance } from '../../lib/account/balance';
import { fetchUsageSummary } from '../../lib/api/account';
import { fetchModelIds, streamChat } from '../../lib/api/chat';
import { authStatus } from '../../lib/auth/status';
import type { AnswerDeps, RunningAnswer } from '../../lib/chat/answer-runner';
import type { LiveMessage } from '../../lib/chat/live-message';
import { type ChatStore, openChatStore } from '../../lib/chat/store';
import { type ChatSync, createChatSync } from '../../lib/chat/sync';
import type { ImageLocation } from '../../lib/media/image-source';
import { sendMessageLater } from '../../lib/send-message-later';

/**
 * The words for an image that failed for a reason of its own: the media catalog loads with the
 * image code (already there by now), not with the panel's first paint.
 */
async function couldNotRead(): Promise<Error> {
  const { mediaText } = await import('../../lib/i18n/messages/media');
  return new Error(mediaText('couldNotRead'));
}

export interface ChatDeps {
  store: ChatStore;
  sync?: ChatSync;
  stream: AnswerDeps['stream'];
  fetchModelIds: () => Promise<unknown>;
  /** The compressed `data:` URL of a right-clicked image; rejects with the reason in words. */
  imageFor: (location: ImageLocation) => Promise<string>;
  /** A right-clicked image as it will be sent to be edited; rejects with the reason in words. */
  editSourceFor: (location: ImageLocation) => Promise<Blob>;
  /** Answers a request for pictures; the code for it loads on first use. */
  startImageJob: (
    question: LiveMessage,
    answer: LiveMessage,
    save: (answer: LiveMessage) => Promise<void>,
    saveImages: (images: Array<{ id: string; blob: Blob }>) => Promise<void>,
  ) => Promise<RunningAnswer>;
  /**
   * Called as an answer starts; resolves after it ended with what to do then (the cost of an
   * answer is known only from the balance before and after).
   */
  afterAnswer?: () => Promise<(answer: LiveMessage, save: () => Promise<void>) => void>;
  windowId: () => Promise<number | undefined>;
  requestPersistentStorage?: () => Promise<unknown>;
  signIn: () => unknown;
}

/** Shows what an answer cost, when the provider has a balance and the charge has landed. */
async function costNoter(): Promise<(answer: LiveMessage, save: () => Promise<void>) => void> {
  const spent = await fetchUsageSummary().catch(() => null);
  return (answer, save) =>
    void (async () => {
      const status = await authStatus.getValue();
      if (!status.signedIn || !status.provider.hasBalance) return;
      try {
        const after = await refreshBalance(status.user.sub);
        const cost = spent ? after.summary.totalCost - spent.totalCost : undefined;
        // No difference yet means the charge has not landed: unknown, so nothing is shown.
        if (cost !== undefined && cost > 0 && answer.status.peek() !== 'error') {
          answer.cost.value = cost;
          await save();
        }
      } catch {
        // The balance is a nicety here; the answer stands without it.
      }
    })();
}

export function defaultChatDeps(): ChatDeps {
  const sync = createChatSync();
  const store = openChatStore({ announce: sync.announce });
  return {
    store,
    sync,
    stream: (request) => streamChat(request),
    fetchModelIds,
    imageFor: async (location) => {
      // Reading and compressing images comes after first paint, with the first image.
      const [{ ImageProblem, prepareImage }, { acquireImage }] = await Promise.all([
        import('../../lib/media/compress-image'),
        import('../../lib/media/image-source'),
      ]);
      try {
        return (await prepareImage(await acquireImage(location))).dataUrl;
      } catch (error) {
        throw error instanceof ImageProblem ? error : await couldNotRead();
      }
    },
    editSourceFor: async (location) => {
      const [{ ImageProblem }, { acquireImage }, { editSourceFrom }] = await Promise.all([
        import('../../lib/media/compress-image'),
        import('../../lib/media/image-source'),
        import('../../lib/images/edit-source'),
      ]);
      try {
        return await editSourceFrom(await acquireImage(location));
      } catch (error) {
        throw error instanceof ImageProblem ? error : await couldNotRead();
      }
    },
    startImageJob: async (question, answer, save, saveImages) => {
      const { startImageJob } = await import('../../lib/images/image-job');
      return startImageJob({ loadImage: store.loadImage, saveImages, save }, question, answer);
    },
    afterAnswer: () => costNoter(),
    windowId: async () => (await browser.windows.getCurrent()).id,
    requestPersistentStorage: () => navigator.storage?.persist?.() ?? Promise.resolve(false),
    signIn: () => sendMessageLater('auth.signIn', { mode: 'login' }),
  };
}
