/**
 * The side panel's state, composed of parts with one job each: the model choice, the account's
 * conversation list, the inbox of page actions and what runs them (page-action-runner.ts), the
 * picture half of the composer (image-composer-state.ts), and the open conversation with at most
 * one running answer (see lib/chat/answer-runner.ts). Every operation that changes the open
 * conversation runs after the one before it has settled, so clicks in any order leave every
 * question stored and every answer finished, stopped or failed.
 */
import { computed, signal } from '@preact/signals';
import { pendingActions, takeActions } from '../../lib/actions/page-action';
import { type AuthStatus, authStatus, providerNameOf } from '../../lib/auth/status';
import { createActionInbox } from '../../lib/chat/action-inbox';
import { createConversationList } from '../../lib/chat/conversation-list';
import {
  type ConversationThread,
  createConversationThread,
} from '../../lib/chat/conversation-thread';
import { recordOf } from '../../lib/chat/live-message';
import { createModelChoice } from '../../lib/chat/model-choice';
import { accountOf } from '../../lib/chat/records';
import { titleFrom } from '../../lib/chat/titles';
import { panelText } from '../../lib/i18n/messages/panel';
import { type ChatDeps, defaultChatDeps } from './chat-deps';
import { imageComposerState } from './image-composer-state';
import { oneSendAtATime } from './one-send-at-a-time';
import { pageActionRunner } from './page-action-runner';

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
  const sendOnce = oneSendAtATime();
  const pictures = imageComposerState(thread, deps.store, sendOnce);
  const runAction = pageActionRunner({
    thread,
    choice,
    imageFor: deps.imageFor,
    editSourceFor: deps.editSourceFor,
    startEditing: pictures.startEditing,
  });
  const inbox = createActionInbox(runAction, () => auth.peek()?.signedIn === true);
  const isStreaming = computed(() => thread.running.value !== null);

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
      return sendOnce(async () => {
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
    composerMode: pictures.composerMode,
    editSources: pictures.editSources,
    imageCommand: pictures.imageCommand,
    askForImage: pictures.askForImage,
    loadImage: pictures.loadImage,
    fetchModelIds: deps.fetchModelIds,
    editKeptImage: pictures.editKeptImage,
    keepLinkedPicture: pictures.keepLinkedPicture,
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
