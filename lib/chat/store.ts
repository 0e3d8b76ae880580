/**
 * Conversations in IndexedDB, not `chrome.storage`: large histories stay fast, and nothing is
 * lost when the panel closes, the worker stops or the browser restarts.
 *
 * Every failure comes out as a StorageProblem. A connection the browser closed (storage
 * cleared, `terminated`, a failed open) is forgotten and opened again on the next call, once.
 * Writes of a message or a conversation that no longer exists are refused, so a late save from
 * another window never brings back a deleted conversation. Each committed write is announced to
 * the other pages through `sync`.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ArchivedConversation } from './archive';
import { type Account, belongsTo, type ConversationRecord, type MessageRecord } from './records';
import { createSearchIndex } from './search-index';
import { isClosedConnection, StorageProblem, storageProblemFrom } from './storage-problem';
import type { ChatChange } from './sync';

interface ChatSchema extends DBSchema {
  conversations: { key: string; value: ConversationRecord; indexes: { updatedAt: number } };
  messages: {
    key: string;
    value: MessageRecord;
    indexes: { conversation: [string, number] };
  };
  /** Pictures made or edited in a conversation (since version 2). */
  images: { key: string; value: StoredImage; indexes: { conversation: string } };
}

/** A picture kept with its conversation, as the bytes it came as. */
export interface StoredImage {
  id: string;
  conversationId: string;
  blob: Blob;
  createdAt: number;
}

/** 1: conversations and messages. 2: an `images` store of pictures by conversation. */
export const SCHEMA_VERSION = 2;

export const DATABASE = 'passlight-chat';
/** A streaming message whose heartbeat is older than this lost its panel. */
export const HEARTBEAT_STALE_MS = 10_000;

export interface ChatStoreOptions {
  database?: string;
  announce?: (change: ChatChange) => void;
}

export type ChatStore = ReturnType<typeof openChatStore>;

function messagesOf(conversationId: string): IDBKeyRange {
  return IDBKeyRange.bound([conversationId, -Infinity], [conversationId, Infinity]);
}

export function openChatStore({
  database = DATABASE,
  announce: announceToOthers = () => {},
}: ChatStoreOptions = {}) {
  let connection: Promise<IDBPDatabase<ChatSchema>> | undefined;
  /** Test builds only: a write fault to show, as if the browser's storage were full. */
  let writeFault: 'quota' | null = null;

  function forget(): void {
    connection = undefined;
  }

  function db(): Promise<IDBPDatabase<ChatSchema>> {
    connection ??= openDB<ChatSchema>(database, SCHEMA_VERSION, {
      // One step per version, each run once: a database of any older version is brought up.
      upgrade(upgrade, oldVersion) {
        if (oldVersion < 1) {
          const conversations = upgrade.createObjectStore('conversations', { keyPath: 'id' });
          conversations.createIndex('updatedAt', 'updatedAt');
          const messages = upgrade.createObjectStore('messages', { keyPath: 'id' });
          messages.createIndex('conversation', ['conversationId', 'createdAt']);
        }
        if (oldVersion < 2) {
          const images = upgrade.createObjectStore('images', { keyPath: 'id' });
          images.createIndex('conversation', 'conversationId');
        }
      },
      // A newer version in another page waits for us: step aside, the next call reopens.
      blocking() {
        const open = connection;
        forget();
        void open?.then((opened) => opened.close());
      },
      terminated: forget,
    }).catch((error: unknown) => {
      forget(); // a failed open is not kept for the life of the page
      throw error;
    });
    return connection;
  }

  /** Runs `work` on the connection; a closed one is reopened and the work tried once more. */
  async function withDb<T>(work: (opened: IDBPDatabase<ChatSchema>) => Promise<T>): Promise<T> {
    try {
      return await work(await db());
    } catch (error) {
      if (!isClosedConnection(error)) throw storageProblemFrom(error);
      forget();
      try {
        return await work(await db());
      } catch (again) {
        throw storageProblemFrom(again);
      }
    }
  }

  // One getAll is far quicker than a cursor stepping through every message.
  const searchIndex = createSearchIndex(() => withDb((opened) => opened.getAll('messages')));

  /** A committed write: the search index follows it, and the other pages hear of it. */
  function announce(change: ChatChange): void {
    searchIndex.note(change);
    announceToOthers(change);
  }

  async function write<T>(work: (opened: IDBPDatabase<ChatSchema>) => Promise<T>): Promise<T> {
    if (writeFault) throw storageProblemFrom(new DOMException('Quota', 'QuotaExceededError'));
    return withDb(work);
  }

  /**
   * The account's conversations, newest first. Those kept before accounts were recorded are
   * given to the account that lists them first, once.
   */
  async function listConversations(account: Account): Promise<ConversationRecord[]> {
    const all = await withDb((opened) => opened.getAllFromIndex('conversations', 'updatedAt'));
    const unowned = all.filter((conversation) => conversation.provider === undefined);
    if (unowned.length > 0) {
      await write(async (opened) => {
        const transaction = opened.transaction('conversations', 'readwrite');
        for (const conversation of unowned) {
          Object.assign(conversation, { provider: account.provider, sub: account.sub });
          void transaction.store.put(conversation);
        }
        await transaction.done;
      });
    }
    return all.filter((conversation) => belongsTo(conversation, account)).reverse();
  }

  async function getConversation(id: string): Promise<ConversationRecord | undefined> {
    return withDb((opened) => opened.get('conversations', id));
  }

  async function createConversation(conversation: ConversationRecord): Promise<void> {
    await write((opened) => opened.add('conversations', conversation));
    announce({ kind: 'conversation', id: conversation.id });
  }

  /**
   * Changes only the given fields, read and written in one transaction: a rename here and a new
   * answer in another window never undo each other. Refused with `gone` if it was deleted.
   */
  async function updateConversation(
    id: string,
    change: Partial<Pick<ConversationRecord, 'title' | 'updatedAt' | 'model'>>,
  ): Promise<ConversationRecord> {
    const updated = await write(async (opened) => {
      const transaction = opened.transaction('conversations', 'readwrite');
      const current = await transaction.store.get(id);
      if (!current) throw new StorageProblem('gone');
      const next = { ...current, ...change };
      await Promise.all([transaction.store.put(next), transaction.done]);
      return next;
    });
    announce({ kind: 'conversation', id });
    return updated;
  }

  async function deleteConversations(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await write(async (opened) => {
      const transaction = opened.transaction(['conversations', 'messages', 'images'], 'readwrite');
      const messages = transaction.objectStore('messages');
      const images = transaction.objectStore('images');
      for (const id of ids) {
        void transaction.objectStore('conversations').delete(id);
        for (const key of await messages.index('conversation').getAllKeys(messagesOf(id)))
          void messages.delete(key);
        for (const key of await images.index('conversation').getAllKeys(id))
          void images.delete(key);
      }
      await transaction.done;
    });
    announce({ kind: 'conversations-deleted', ids });
  }

  /** Deletes every conversation of the account; resolves with how many there were. */
  async function deleteAllConversations(account: Account): Promise<number> {
    const ids = (await listConversations(account)).map((conversation) => conversation.id);
    await deleteConversations(ids);
    return ids.length;
  }

  /** In order. Answers left "streaming" by a panel that is gone are marked interrupted. */
  async function loadMessages(conversationId: string, now = Date.now()): Promise<MessageRecord[]> {
    const messages = await withDb((opened) =>
      opened.getAllFromIndex('messages', 'conversation', messagesOf(conversationId)),
    );
    return markOrphans(messages, now);
  }

  /**
   * The last `limit` messages before `before` (a `createdAt`), in order: a long conversation
   * opens at its end and loads earlier messages as they are scrolled to.
   */
  async function loadRecentMessages(
    conversationId: string,
    limit: number,
    before = Infinity,
    now = Date.now(),
  ): Promise<MessageRecord[]> {
    const range = IDBKeyRange.bound(
      [conversationId, -Infinity],
      [conversationId, before],
      false,
      true,
    );
    const newestFirst = await withDb(async (opened) => {
      const found: MessageRecord[] = [];
      let cursor = await opened
        .transaction('messages')
        .store.index('conversation')
        .openCursor(range, 'prev');
      while (cursor && found.length < limit) {
        found.push(cursor.value);
        cursor = await cursor.continue();
      }
      return found;
    });
    return markOrphans(newestFirst.reverse(), now);
  }

  async function markOrphans(messages: MessageRecord[], now: number): Promise<MessageRecord[]> {
    for (const message of messages) {
      if (message.status !== 'streaming' || now - (message.heartbeatAt ?? 0) <= HEARTBEAT_STALE_MS)
        continue;
      message.status = 'interrupted';
      await saveMessage(message).catch(() => undefined); // shown as interrupted either way
    }
    return messages;
  }

  /** Refused with `gone` when its conversation was deleted: a late save never re-creates it. */
  async function saveMessage(message: MessageRecord): Promise<void> {
    await write(async (opened) => {
      const transaction = opened.transaction(['conversations', 'messages'], 'readwrite');
      if (!(await transaction.objectStore('conversations').getKey(message.conversationId)))
        throw new StorageProblem('gone');
      await Promise.all([transaction.objectStore('messages').put(message), transaction.done]);
    });
    announce({ kind: 'message', record: message });
  }

  /** Keeps pictures with a conversation; refused with `gone` when it was deleted. */
  async function saveImages(
    conversationId: string,
    images: Array<{ id: string; blob: Blob }>,
  ): Promise<void> {
    if (images.length === 0) return;
    await write(async (opened) => {
      const transaction = opened.transaction(['conversations', 'images'], 'readwrite');
      if (!(await transaction.objectStore('conversations').getKey(conversationId)))
        throw new StorageProblem('gone');
      const createdAt = Date.now();
      for (const { id, blob } of images)
        void transaction.objectStore('images').put({ id, conversationId, blob, createdAt });
      await transaction.done;
    });
  }

  /** A kept picture's bytes, or undefined when it is gone. */
  async function loadImage(id: string): Promise<Blob | undefined> {
    return (await withDb((opened) => opened.get('images', id)))?.blob;
  }

  async function deleteMessage(conversationId: string, id: string): Promise<void> {
    await write((opened) => opened.delete('messages', id));
    announce({ kind: 'message-deleted', conversationId, id });
  }

  /**
   * The account's conversations with a message whose text contains `query` (any case), each
   * with the words around the first match.
   */
  async function conversationsMentioning(
    account: Account,
    query: string,
  ): Promise<Map<string, string>> {
    if (!query.trim()) return new Map();
    searchIndex.warm(); // loads while the account's conversations are listed
    const owned = await listConversations(account);
    return searchIndex.search(new Set(owned.map((c) => c.id)), query);
  }

  /** Every conversation of the account with its messages, for an export. */
  async function exportAll(account: Account): Promise<ArchivedConversation[]> {
    const conversations = await listConversations(account);
    return Promise.all(
      conversations.map(async (conversation) => ({
        conversation,
        messages: await loadMessages(conversation.id),
      })),
    );
  }

  /**
   * Writes conversations into the account, in one transaction: by id, so importing a file twice
   * adds nothing the second time. Resolves with how many conversations were new.
   */
  async function importAll(account: Account, entries: ArchivedConversation[]): Promise<number> {
    const added = await write(async (opened) => {
      const transaction = opened.transaction(['conversations', 'messages'], 'readwrite');
      const conversations = transaction.objectStore('conversations');
      let fresh = 0;
      for (const { conversation, messages } of entries) {
        if (!(await conversations.getKey(conversation.id))) fresh++;
        void conversations.put({ ...conversation, provider: account.provider, sub: account.sub });
        for (const message of messages) void transaction.objectStore('messages').put(message);
      }
      await transaction.done;
      return fresh;
    });
    announce({ kind: 'conversations-added' });
    return added;
  }

  return {
    exportAll,
    importAll,
    listConversations,
    conversationsMentioning,
    /** Loads what searching reads, ahead of the first search (the drawer is opening). */
    /** A change another page made: the search index follows it. */
    heard: (change: ChatChange) => searchIndex.note(change),
    getConversation,
    createConversation,
    updateConversation,
    deleteConversations,
    deleteAllConversations,
    loadMessages,
    loadRecentMessages,
    saveMessage,
    saveImages,
    loadImage,
    deleteMessage,
    /** Test hook: makes every write fail as if storage were full, until set back to null. */
    setWriteFault(fault: 'quota' | null) {
      writeFault = fault;
    },
    /** Test hook: closes the connection as the browser would, so the next call must reopen. */
    async closeConnection() {
      (await db()).close();
    },
  };
}
