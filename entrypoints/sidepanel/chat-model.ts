/**
 * The side panel's state, composed of parts with one job each: the model choice, the account's
 * conversation list, the inbox of page actions, and the open conversation with at most one
 * running answer (see lib/chat/answer-runner.ts). Every operation that changes the open
 * conversation runs after the one before it has settled, so clicks in any order leave every
 * question stored and every answer finished, stopped or failed.
 */
import { batch, computed, signal } from '@preact/signals';
import { type PageAction, pendingActions, takeActions } from '../../lib/actions/page-action';
import { type AuthStatus, authStatus, providerNameOf } from '../../lib/auth/status';
import { createActionInbox, questionFor } from '../../lib/chat/action-inbox';
import { createConversationList } from '../../lib/chat/conversation-list';
import {
  type ConversationThread,
  createConversationThread,
} from '../../lib/chat/conversation-thread';
import type { LiveMessage } from '../../lib/chat/live-message';
import { recordOf } from '../../lib/chat/live-message';
import { createModelChoice } from '../../lib/chat/model-choice';
import { accountOf, type ImageWork, type MessageContext } from '../../lib/chat/records';
import { titleFrom } from '../../lib/chat/titles';
import { imageToggleText } from '../../lib/i18n/messages/image-toggle';
import { panelText } from '../../lib/i18n/messages/panel';
import { type ChatDeps, defaultChatDeps } from './chat-deps';

export function createChatModel(deps: ChatDeps = defaultChatDeps()) {
  const auth = signal<AuthStatus | null>(null);
  const choice = createModelChoice(
    deps.fetchModelIds,
    () => auth.peek()?.provider,
    () => providerNameOf(auth.peek()),
  );
  const list = createConversationList(deps.store);
  const thread: ConversationThread = createConversationThread({
    store: deps.store,
    stream: deps.stream,
    list,
    model: () => choice.model.peek(),
    // Only a provider with a balance can say what an answer cost.
    afterAnswer: () => (auth.peek()?.provider?.hasBalance ? deps.afterAnswer?.() : undefined),
    startImageJob: (question, answer, conversationId) =>
      deps.startImageJob(
        question,
        answer,
        (message) => deps.store.saveMessage(recordOf(message, conversationId)),
        (images) => deps.store.saveImages(conversationId, images),
      ),
  });
  /** What the composer makes: text answers, or pictures (its image half loads on first use). */
  const composerMode = signal<'chat' | 'image'>('chat');
  /** The pictures the next image request changes: a right-clicked image, a generated one. */
  const editSources = signal<Array<{ id: string; blob: Blob }>>([]);
  /** A prompt typed as `/image …`, made as soon as the image composer is ready. */
  const imageCommand = signal<string | null>(null);

  /** Opens the image composer on `blob`, asking what to change. */
  function startEditing(id: string, blob: Blob): void {
    batch(() => {
      editSources.value = [{ id, blob }];
      composerMode.value = 'image';
    });
  }
  /**
   * The composer sends one question at a time: Enter pressed again (or Send clicked) before the
   * first has been stored and its answer started is refused, not queued behind it. Queued, it
   * would still hold the text it was sent with after the composer was cleared, and go out as a
   * second question if the first answer had ended by its turn (as when the model list is being
   * fetched again meanwhile).
   */
  let sendUnderWay = false;
  async function oneSendAtATime(send: () => Promise<boolean>): Promise<boolean> {
    if (sendUnderWay) return false;
    sendUnderWay = true;
    try {
      return await send();
    } finally {
      sendUnderWay = false;
    }
  }
  const inbox = createActionInbox(runAction, () => auth.peek()?.signedIn === true);
  const isStreaming = computed(() => thread.running.value !== null);

  async function runAction(action: PageAction): Promise<void> {
    if (choice.state.peek() !== 'ready') await choice.load();
    switch (action.kind) {
      case 'explain':
      case 'summarize': {
        const { title, text, context } = questionFor(action);
        await thread.askInNewConversation(title, text, [], context);
        return;
      }
      case 'describe-image': {
        const title = panelText('imageTitle', { page: action.page.title || action.page.url });
        const context: MessageContext = {
          kind: 'image',
          pageTitle: action.page.title,
          pageUrl: action.page.url,
        };
        // Downloading runs outside the thread's queue: a slow image holds up no other click.
        const image = await deps.imageFor(action).then(
          (dataUrl) => ({ dataUrl }),
          (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
        );
        if ('dataUrl' in image)
          await thread.askInNewConversation(
            title,
            'Describe this image.',
            [image.dataUrl],
            context,
          );
        else await thread.reportFailedAction(title, image.problem, context);
        return;
      }
      case 'edit-image': {
        const source = await deps.editSourceFor(action).then(
          (blob) => ({ blob }),
          (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
        );
        if ('blob' in source) {
          await thread.startNew();
          startEditing(crypto.randomUUID(), source.blob);
        } else
          await thread.reportFailedAction(imageToggleText('editTitle'), source.problem, {
            kind: 'image',
            pageTitle: action.page.title,
            pageUrl: action.page.url,
          });
        return;
      }
      case 'failed':
        return thread.reportFailedAction(action.title, action.message, {
          kind: 'page',
          pageTitle: action.page.title,
          pageUrl: action.page.url,
        });
    }
  }

  async function showAuth(status: AuthStatus): Promise<void> {
    const before = accountOf(auth.peek());
    const wasSignedIn = auth.peek()?.signedIn === true;
    auth.value = status;
    const account = accountOf(status);
    if (before?.provider !== account?.provider || before?.sub !== account?.sub) {
      await thread.close();
      await list.showAccount(account);
      // Another provider (or account) has other models: ask again.
      if (account) void choice.load();
    }
    if (status.signedIn && !wasSignedIn) inbox.release();
  }

  /** Shows the other pages' changes as they make them; returns the cleanup. */
  function listen(): () => void {
    return (
      deps.sync?.watch((change) => {
        deps.store.heard(change); // what searching reads follows it too
        thread.hear(change);
      }) ?? (() => {})
    );
  }

  /** Loads what was there before and starts watching the session; returns the cleanup. */
  function start(): () => void {
    let windowId: number | undefined;
    const collect = async () => {
      if (windowId === undefined) return;
      for (const entry of await takeActions(windowId)) inbox.enqueue(entry);
    };
    const unwatchAuth = authStatus.watch((status) => void showAuth(status));
    const unwatchActions = pendingActions.watch(() => void collect());
    const unwatchChanges = listen();
    void deps.requestPersistentStorage?.();
    void (async () => {
      await showAuth(await authStatus.getValue());
      if (auth.peek()?.signedIn) await thread.openLast();
      windowId = await deps.windowId();
      await collect();
    })();
    return () => {
      unwatchAuth();
      unwatchActions();
      unwatchChanges();
      void thread.stop();
    };
  }

  return {
    auth,
    models: choice.models,
    modelsState: choice.state,
    modelsError: choice.error,
    model: choice.model,
    conversations: list.visible,
    allConversations: list.all,
    search: list.search,
    searchText: list.searchText,
    searchMatches: list.textMatches,
    activeConversation: thread.conversation,
    messages: thread.messages,
    hasEarlier: thread.hasEarlier,
    loadEarlier: thread.loadEarlier,
    streamingId: computed(() => thread.running.value?.answer.id ?? null),
    isStreaming,
    storageProblem: thread.storageProblem,
    deferredActions: inbox.waiting,
    enqueueAction: inbox.enqueue,
    actionsIdle: inbox.idle,
    idle: thread.idle,
    start,
    listen,
    showAuth,
    loadModels: choice.load,
    selectModel: choice.select,
    openConversation: thread.open,
    newConversation: thread.startNew,
    send(text: string, images: string[] = [], onStored?: () => void): Promise<boolean> {
      if (!text.trim() && images.length === 0) return Promise.resolve(false);
      return oneSendAtATime(async () => {
        // Sent as the panel opens, before the model list has arrived: it waits for the list
        // rather than going out without a model.
        if (choice.state.peek() !== 'ready') await choice.load();
        return thread.ask(
          titleFrom(text || panelText('imageOnlyTitle')),
          text,
          images,
          undefined,
          onStored,
        );
      });
    },
    composerMode,
    editSources,
    imageCommand,
    /** Asks for pictures: made from `prompt`, or the edit sources changed as it says. */
    askForImage(
      prompt: string,
      options: Pick<ImageWork, 'model' | 'size' | 'count'>,
      onStored?: () => void,
    ): Promise<boolean> {
      const sources = editSources.peek();
      const work: ImageWork = {
        mode: sources.length > 0 ? 'edit' : 'generate',
        imageIds: sources.map((source) => source.id),
        ...options,
      };
      // The pictures are taken once the request is stored; if storage refuses it, they stay.
      const stored = () => {
        editSources.value = editSources.peek().filter((source) => !sources.includes(source));
        onStored?.();
      };
      return oneSendAtATime(() =>
        thread.ask(titleFrom(prompt), prompt, [], undefined, stored, { work, blobs: sources }),
      );
    },
    loadImage: (id: string) => deps.store.loadImage(id),
    fetchModelIds: deps.fetchModelIds,
    /** "Edit this image" on a picture kept in the conversation. */
    async editKeptImage(id: string): Promise<void> {
      const blob = await deps.store.loadImage(id);
      if (blob) startEditing(id, blob);
    },
    /** Keeps a picture that was shown as a link, once its site let Passlight read it. */
    async keepLinkedPicture(message: LiveMessage, url: string, blob: Blob): Promise<void> {
      const open = thread.conversation.peek();
      const work = message.imageWork.peek();
      if (!open || !work) return;
      const id = crypto.randomUUID();
      await deps.store.saveImages(open.id, [{ id, blob }]);
      const links = work.links?.filter((link) => link !== url);
      message.imageWork.value = {
        ...work,
        imageIds: [...work.imageIds, id],
        links: links?.length ? links : undefined,
      };
      await deps.store.saveMessage(recordOf(message, open.id));
    },
    regenerate: thread.regenerate,
    editLastQuestion: thread.editLastQuestion,
    stop: thread.stop,
    rename: thread.rename,
    /** The conversation as a Markdown file's text and name. */
    async markdownOf(id: string): Promise<{ text: string; fileName: string } | null> {
      const conversation = list.find(id);
      if (!conversation) return null;
      const [{ conversationToMarkdown, fileNameFor }, messages] = await Promise.all([
        import('../../lib/chat/markdown-export'),
        deps.store.loadMessages(id),
      ]);
      const text = conversationToMarkdown(conversation, messages);
      return { text, fileName: fileNameFor(conversation.title, 'md') };
    },
    remove: thread.remove,
    signIn: deps.signIn,
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
