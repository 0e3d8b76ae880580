/**
 * The side panel's state and actions: conversations, the model picker and the answer being
 * streamed. Markup lives in the components; this file talks to the API and to IndexedDB.
 */
import { batch, computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { refreshBalance } from '../../lib/account/balance';
import {
  type PageAction,
  type PendingAction,
  pendingActions,
  takeActions,
} from '../../lib/actions/page-action';
import { fetchUsageSummary, type UsageSummary } from '../../lib/api/account';
import { fetchModelIds, streamChat } from '../../lib/api/chat';
import { ApiError } from '../../lib/api/errors';
import { type AuthStatus, accountKey, authStatus, providerNameOf } from '../../lib/auth/status';
import { type LiveMessage, liveMessage, recordOf } from '../../lib/chat/live-message';
import { conversationForModel } from '../../lib/chat/prompt';
import {
  type ConversationRecord,
  type MessageContext,
  type MessageRecord,
  titleFrom,
} from '../../lib/chat/records';
import {
  deleteConversation,
  deleteMessage,
  listConversations,
  loadMessages,
  saveConversation,
  saveMessage,
} from '../../lib/chat/store';
import { maxTokensFor } from '../../lib/config/output-ceilings';
import { lastConversation, rememberedModel } from '../../lib/config/side-panel-memory';
import { ImageProblem, prepareImage } from '../../lib/media/compress-image';
import { acquireImage } from '../../lib/media/image-source';
import { sendMessage } from '../../lib/messages';
import { chooseModel } from '../../lib/models';
import { assertSeesImages, pickerModelIds } from '../../lib/models/picker';

/** How often a streaming answer is written to IndexedDB: what a sudden close can lose at most. */
const SAVE_EVERY_MS = 500;

export function createChatModel() {
  const auth = signal<AuthStatus | null>(null);
  const models = signal<string[]>([]);
  const modelsState = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const modelsError = signal('');
  const model = signal<string | undefined>(undefined);
  const conversations = signal<ConversationRecord[]>([]);
  const activeConversation = signal<ConversationRecord | null>(null);
  const messages = signal<LiveMessage[]>([]);
  const streamingId = signal<string | null>(null);
  const search = signal('');
  /** Page actions that arrived while signed out: they run once the person signs in. */
  const deferredActions = signal<PendingAction[]>([]);
  let abortController: AbortController | null = null;
  let currentAnswer: Promise<void> | null = null;
  let actionChain: Promise<void> = Promise.resolve();
  let windowId: number | undefined;

  const isStreaming = computed(() => streamingId.value !== null);
  const visibleConversations = computed(() => {
    const query = search.value.trim().toLowerCase();
    return query
      ? conversations.value.filter((c) => c.title.toLowerCase().includes(query))
      : conversations.value;
  });

  let modelsRequest: Promise<void> | null = null;

  /** Asks for the model list once, however many callers want it at the same time. */
  function loadModels(): Promise<void> {
    modelsRequest ??= fetchModels().finally(() => {
      modelsRequest = null;
    });
    return modelsRequest;
  }

  async function fetchModels(): Promise<void> {
    modelsState.value = 'loading';
    modelsError.value = '';
    try {
      const chat = await pickerModelIds(await fetchModelIds(), auth.peek()?.provider);
      const chosen = chooseModel(chat, await rememberedModel.getValue());
      batch(() => {
        models.value = chat;
        model.value = chosen;
        modelsState.value = 'ready';
      });
      if (chat.length === 0)
        modelsError.value = `${providerNameOf(auth.peek())} offers no chat model right now.`;
    } catch (error) {
      modelsState.value = 'error';
      modelsError.value =
        error instanceof ApiError ? error.message : 'The models could not be loaded.';
    }
  }

  function selectModel(id: string): void {
    model.value = id;
    void rememberedModel.setValue(id);
  }

  async function refreshConversations(): Promise<void> {
    conversations.value = await listConversations();
  }

  async function openConversation(id: string): Promise<void> {
    if (isStreaming.peek()) return;
    const conversation = conversations.peek().find((c) => c.id === id);
    if (!conversation) return;
    const records = await loadMessages(id);
    batch(() => {
      activeConversation.value = conversation;
      messages.value = records.map(liveMessage);
    });
    void lastConversation.setValue(id);
  }

  function newConversation(): void {
    if (isStreaming.peek()) return;
    batch(() => {
      activeConversation.value = null;
      messages.value = [];
    });
    void lastConversation.setValue(null);
  }

  async function ensureConversation(question: string): Promise<ConversationRecord> {
    const current = activeConversation.peek();
    const now = Date.now();
    const conversation = current
      ? { ...current, updatedAt: now, model: model.peek() }
      : {
          id: crypto.randomUUID(),
          title: titleFrom(question),
          createdAt: now,
          updatedAt: now,
          model: model.peek(),
        };
    await saveConversation(conversation);
    activeConversation.value = conversation;
    void lastConversation.setValue(conversation.id);
    await refreshConversations();
    return conversation;
  }

  /**
   * Saves a message in its conversation: the open one unless told otherwise. An answer names
   * its own, since it may be saved again (with its cost) after another conversation was opened.
   */
  function persist(
    message: LiveMessage,
    conversationId = activeConversation.peek()?.id,
  ): Promise<void> {
    return conversationId ? saveMessage(recordOf(message, conversationId)) : Promise.resolve();
  }

  /** Streams an answer into `answer`, which must be the last message. */
  async function runAnswer(answer: LiveMessage): Promise<void> {
    const chosenModel = model.peek();
    const conversationId = activeConversation.peek()?.id;
    const history = messages.peek().filter((m) => m !== answer);
    batch(() => {
      answer.text.value = '';
      answer.arrived.value = null;
      answer.status.value = 'streaming';
      answer.error.value = undefined;
      answer.cost.value = undefined;
      answer.model.value = chosenModel;
      streamingId.value = answer.id;
    });
    abortController = new AbortController();
    const hasBalance = auth.peek()?.provider?.hasBalance ?? false;
    const spentBefore: Promise<UsageSummary | null> = hasBalance
      ? fetchUsageSummary().catch(() => null)
      : Promise.resolve(null);
    let lastSave = 0;
    try {
      if (!chosenModel) throw new ApiError('model-unavailable', 'Pick a model first.');
      assertSeesImages(chosenModel, history);
      await persist(answer, conversationId);
      for await (const delta of streamChat({
        model: chosenModel,
        messages: conversationForModel(history),
        maxTokens: await maxTokensFor(history),
        signal: abortController.signal,
      })) {
        batch(() => {
          answer.text.value += delta;
          answer.arrived.value = { text: delta };
        });
        if (Date.now() - lastSave > SAVE_EVERY_MS) {
          lastSave = Date.now();
          void persist(answer, conversationId);
        }
      }
      answer.status.value = 'complete';
    } catch (error) {
      if (abortController.signal.aborted) {
        answer.status.value = 'stopped';
      } else {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('server', 'Something went wrong with this answer.');
        batch(() => {
          answer.status.value = 'error';
          answer.error.value = {
            code: apiError.code,
            message: apiError.message,
            retryAfterSeconds: apiError.retryAfterSeconds,
          };
        });
      }
    } finally {
      streamingId.value = null;
      abortController = null;
      await persist(answer, conversationId);
    }
    if (hasBalance) void noteCost(answer, conversationId, await spentBefore);
  }

  /** Refreshes the balance after an answer and shows what the answer cost, when that can be known. */
  async function noteCost(
    answer: LiveMessage,
    conversationId: string | undefined,
    before: UsageSummary | null,
  ): Promise<void> {
    const status = auth.peek();
    if (!status?.signedIn) return;
    try {
      const after = await refreshBalance(status.user.sub);
      const cost = before ? after.summary.totalCost - before.totalCost : undefined;
      // No difference yet means the charge has not landed: unknown, so nothing is shown.
      if (cost !== undefined && cost > 0 && answer.status.peek() !== 'error') {
        answer.cost.value = cost;
        await persist(answer, conversationId);
      }
    } catch {
      // The balance is a nicety here; the answer stands without it.
    }
  }

  function newMessage(
    role: 'user' | 'assistant',
    text: string,
    images: string[] = [],
    context?: MessageContext,
  ): LiveMessage {
    const record: MessageRecord = {
      id: crypto.randomUUID(),
      conversationId: '',
      role,
      text,
      images,
      context,
      status: role === 'user' ? 'complete' : 'streaming',
      createdAt: Date.now(),
    };
    return liveMessage(record);
  }

  async function ask(
    title: string,
    text: string,
    images: string[],
    context?: MessageContext,
  ): Promise<void> {
    await ensureConversation(title);
    const question = newMessage('user', text, images, context);
    const answer = newMessage('assistant', '');
    messages.value = [...messages.peek(), question, answer];
    await persist(question);
    currentAnswer = runAnswer(answer);
    await currentAnswer;
  }

  async function send(text: string, images: string[] = []): Promise<void> {
    if (isStreaming.peek() || (!text.trim() && images.length === 0)) return;
    await ask(titleFrom(text || 'Image'), text, images);
  }

  /** A conversation that says why a page action could not start; there is nothing to retry. */
  async function reportFailedAction(
    title: string,
    message: string,
    context: MessageContext,
  ): Promise<void> {
    await ensureConversation(title);
    const question = newMessage('user', title, [], context);
    const answer = newMessage('assistant', '');
    answer.status.value = 'error';
    answer.error.value = { code: 'action-failed', message };
    messages.value = [...messages.peek(), question, answer];
    await persist(question);
    await persist(answer);
  }

  async function runAction(action: PageAction): Promise<void> {
    if (isStreaming.peek()) {
      stop();
      await currentAnswer;
    }
    if (modelsState.peek() !== 'ready') await loadModels();
    newConversation();
    const page = { pageTitle: action.page.title, pageUrl: action.page.url };
    switch (action.kind) {
      case 'explain':
        return ask(`Explain: ${titleFrom(action.text)}`, 'Explain this.', [], {
          kind: 'selection',
          ...page,
          quote: action.text,
          omitted: action.omitted,
        });
      case 'summarize':
        return ask(`Summary: ${action.page.title || action.page.url}`, 'Summarize this page.', [], {
          kind: 'page',
          ...page,
          quote: action.text,
          omitted: action.omitted,
        });
      case 'describe-image': {
        const title = `Image: ${action.page.title || action.page.url}`;
        try {
          const image = await prepareImage(await acquireImage(action));
          return ask(title, 'Describe this image.', [image.dataUrl], { kind: 'image', ...page });
        } catch (error) {
          const message =
            error instanceof ImageProblem ? error.message : 'This image could not be read.';
          return reportFailedAction(title, message, { kind: 'image', ...page });
        }
      }
      case 'failed':
        return reportFailedAction(action.title, action.message, { kind: 'page', ...page });
    }
  }

  function enqueueAction(entry: PendingAction): void {
    if (!auth.peek()?.signedIn && entry.action.kind !== 'failed') {
      deferredActions.value = [...deferredActions.peek(), entry];
      return;
    }
    actionChain = actionChain.then(() => runAction(entry.action)).catch(() => undefined);
  }

  async function collectActions(): Promise<void> {
    if (windowId === undefined) return;
    for (const entry of await takeActions(windowId)) enqueueAction(entry);
  }

  function lastAnswer(): LiveMessage | undefined {
    const last = messages.peek().at(-1);
    return last?.role === 'assistant' ? last : undefined;
  }

  /** Answers the last question again (Regenerate, or Retry after an error). */
  async function regenerate(): Promise<void> {
    const answer = lastAnswer();
    if (answer && !isStreaming.peek()) await runAnswer(answer);
  }

  /** Replaces the last question with new text and asks it again. */
  async function editLastQuestion(text: string): Promise<void> {
    const list = messages.peek();
    const questionIndex = list.findLastIndex((m) => m.role === 'user');
    const question = list[questionIndex];
    if (!question || isStreaming.peek() || !text.trim()) return;
    for (const stale of list.slice(questionIndex)) await deleteMessage(stale.id);
    messages.value = list.slice(0, questionIndex);
    // The conversation keeps its title; what the question was about (a quote, an image) stays.
    await ask(
      activeConversation.peek()?.title ?? titleFrom(text),
      text,
      question.images,
      question.context,
    );
  }

  function stop(): void {
    abortController?.abort();
  }

  async function rename(id: string, title: string): Promise<void> {
    const conversation = conversations.peek().find((c) => c.id === id);
    const trimmed = title.trim();
    if (!conversation || !trimmed) return;
    const renamed = { ...conversation, title: trimmed };
    await saveConversation(renamed);
    if (activeConversation.peek()?.id === id) activeConversation.value = renamed;
    await refreshConversations();
  }

  async function remove(id: string): Promise<void> {
    if (activeConversation.peek()?.id === id) {
      if (isStreaming.peek()) return;
      newConversation();
    }
    await deleteConversation(id);
    await refreshConversations();
  }

  function showAuth(status: AuthStatus): void {
    const wasSignedIn = auth.peek()?.signedIn;
    const before = accountKey(auth.peek());
    auth.value = status;
    // Another provider (or account) has other models: ask again.
    if (status.signedIn && accountKey(status) !== before) void loadModels();
    if (status.signedIn && !wasSignedIn) {
      const waiting = deferredActions.peek();
      deferredActions.value = [];
      for (const entry of waiting) enqueueAction(entry);
    }
  }

  /** Loads what was there before and starts watching the session; returns the cleanup. */
  function start(): () => void {
    const unwatchAuth = authStatus.watch(showAuth);
    const unwatchActions = pendingActions.watch(() => void collectActions());
    void (async () => {
      await refreshConversations();
      const last = await lastConversation.getValue();
      if (last) await openConversation(last);
      showAuth(await authStatus.getValue());
      windowId = (await browser.windows.getCurrent()).id;
      await collectActions();
    })();
    return () => {
      unwatchAuth();
      unwatchActions();
      stop();
    };
  }

  return {
    auth,
    models,
    modelsState,
    modelsError,
    model,
    conversations: visibleConversations,
    allConversations: conversations,
    activeConversation,
    messages,
    streamingId,
    isStreaming,
    search,
    deferredActions,
    start,
    loadModels,
    selectModel,
    openConversation,
    newConversation,
    send,
    regenerate,
    editLastQuestion,
    stop,
    rename,
    remove,
    signIn: () => sendMessage('auth.signIn', { mode: 'login' }),
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
