/**
 * Messages as kept in the chat database, in order within their conversation: loaded whole or a
 * page at a time from the end, saved, deleted. A save for a conversation that no longer exists is
 * refused, so a late write from another window never brings a deleted conversation back. Answers
 * a closed panel left "streaming" are marked interrupted as they are loaded.
 */
import { type ChatDatabase, messagesOf } from './chat-database';
import type { MessageRecord } from './records';
import { StorageProblem } from './storage-problem';
import type { ChatChange } from './sync';

/** A streaming message whose heartbeat is older than this lost its panel. */
export const HEARTBEAT_STALE_MS = 10_000;

export function storedMessages(db: ChatDatabase, announce: (change: ChatChange) => void) {
  /** In order. Answers left "streaming" by a panel that is gone are marked interrupted. */
  async function loadMessages(conversationId: string, now = Date.now()): Promise<MessageRecord[]> {
    const messages = await db.read((opened) =>
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
    const newestFirst = await db.read(async (opened) => {
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
    await db.write(async (opened) => {
      const transaction = opened.transaction(['conversations', 'messages'], 'readwrite');
      if (!(await transaction.objectStore('conversations').getKey(message.conversationId)))
        throw new StorageProblem('gone');
      await Promise.all([transaction.objectStore('messages').put(message), transaction.done]);
    });
    announce({ kind: 'message', record: message });
  }

  async function deleteMessage(conversationId: string, id: string): Promise<void> {
    await db.write((opened) => opened.delete('messages', id));
    announce({ kind: 'message-deleted', conversationId, id });
  }

  return { loadMessages, loadRecentMessages, saveMessage, deleteMessage };
}
