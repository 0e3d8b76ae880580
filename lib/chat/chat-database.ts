/**
 * The chat database itself: its schema, the upgrade from each older version, and the one
 * connection a page keeps. A connection the browser closed (storage cleared, `terminated`, a
 * failed open) is forgotten and opened again on the next call, once. Every failure comes out as
 * a StorageProblem. What is kept in it, and how, is up to the stores built on top.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ConversationRecord, MessageRecord } from './records';
import { isClosedConnection, storageProblemFrom } from './storage-problem';

export interface ChatSchema extends DBSchema {
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

export type ChatConnection = IDBPDatabase<ChatSchema>;

/** Every message of a conversation, on the `conversation` index. */
export function messagesOf(conversationId: string): IDBKeyRange {
  return IDBKeyRange.bound([conversationId, -Infinity], [conversationId, Infinity]);
}

export function openChatDatabase(database: string) {
  let connection: Promise<ChatConnection> | undefined;
  /** Test builds only: a write fault to show, as if the browser's storage were full. */
  let writeFault: 'quota' | null = null;

  function forget(): void {
    connection = undefined;
  }

  function db(): Promise<ChatConnection> {
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
  async function read<T>(work: (opened: ChatConnection) => Promise<T>): Promise<T> {
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

  /** As `read`, for work that writes: refused while a test's write fault is set. */
  async function write<T>(work: (opened: ChatConnection) => Promise<T>): Promise<T> {
    if (writeFault) throw storageProblemFrom(new DOMException('Quota', 'QuotaExceededError'));
    return read(work);
  }

  return {
    read,
    write,
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

export type ChatDatabase = ReturnType<typeof openChatDatabase>;
