/**
 * Conversations in IndexedDB, not `chrome.storage`: large histories stay fast, and nothing is
 * lost when the panel closes, the worker stops or the browser restarts.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ConversationRecord, MessageRecord } from './records';

interface ChatSchema extends DBSchema {
  conversations: { key: string; value: ConversationRecord; indexes: { updatedAt: number } };
  messages: {
    key: string;
    value: MessageRecord;
    indexes: { conversation: [string, number] };
  };
}

const DATABASE = 'passlight-chat';
/** A streaming message whose heartbeat is older than this lost its panel. */
export const HEARTBEAT_STALE_MS = 10_000;

let database: Promise<IDBPDatabase<ChatSchema>> | undefined;

function db(): Promise<IDBPDatabase<ChatSchema>> {
  database ??= openDB<ChatSchema>(DATABASE, 1, {
    upgrade(upgrade) {
      const conversations = upgrade.createObjectStore('conversations', { keyPath: 'id' });
      conversations.createIndex('updatedAt', 'updatedAt');
      const messages = upgrade.createObjectStore('messages', { keyPath: 'id' });
      messages.createIndex('conversation', ['conversationId', 'createdAt']);
    },
  });
  return database;
}

/** Newest first. */
export async function listConversations(): Promise<ConversationRecord[]> {
  return (await (await db()).getAllFromIndex('conversations', 'updatedAt')).reverse();
}

export async function saveConversation(conversation: ConversationRecord): Promise<void> {
  await (await db()).put('conversations', conversation);
}

export async function deleteConversation(id: string): Promise<void> {
  const transaction = (await db()).transaction(['conversations', 'messages'], 'readwrite');
  const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
  const keys = await transaction.objectStore('messages').index('conversation').getAllKeys(range);
  await Promise.all([
    transaction.objectStore('conversations').delete(id),
    ...keys.map((key) => transaction.objectStore('messages').delete(key)),
    transaction.done,
  ]);
}

/** In order. Answers left "streaming" by a panel that is gone are marked interrupted. */
export async function loadMessages(
  conversationId: string,
  now = Date.now(),
): Promise<MessageRecord[]> {
  const range = IDBKeyRange.bound([conversationId, -Infinity], [conversationId, Infinity]);
  const messages = await (await db()).getAllFromIndex('messages', 'conversation', range);
  const orphaned = messages.filter(
    (message) =>
      message.status === 'streaming' && now - (message.heartbeatAt ?? 0) > HEARTBEAT_STALE_MS,
  );
  for (const message of orphaned) {
    message.status = 'interrupted';
    await saveMessage(message);
  }
  return messages;
}

export async function saveMessage(message: MessageRecord): Promise<void> {
  await (await db()).put('messages', message);
}

export async function deleteMessage(id: string): Promise<void> {
  await (await db()).delete('messages', id);
}
