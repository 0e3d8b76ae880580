/**
 * Conversations as kept in the chat database: listed by account, created, changed field by field,
 * and deleted together with their messages and pictures. Each committed write is announced.
 */
import { type ChatDatabase, messagesOf } from './chat-database';
import { type Account, belongsTo, type ConversationRecord } from './records';
import { StorageProblem } from './storage-problem';
import type { ChatChange } from './sync';

export function storedConversations(db: ChatDatabase, announce: (change: ChatChange) => void) {
  /**
   * The account's conversations, newest first. Those kept before accounts were recorded are
   * given to the account that lists them first, once.
   */
  async function listConversations(account: Account): Promise<ConversationRecord[]> {
    const all = await db.read((opened) => opened.getAllFromIndex('conversations', 'updatedAt'));
    const unowned = all.filter((conversation) => conversation.provider === undefined);
    if (unowned.length > 0) {
      await db.write(async (opened) => {
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
    return db.read((opened) => opened.get('conversations', id));
  }

  async function createConversation(conversation: ConversationRecord): Promise<void> {
    await db.write((opened) => opened.add('conversations', conversation));
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
    const updated = await db.write(async (opened) => {
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
    await db.write(async (opened) => {
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

  return {
    listConversations,
    getConversation,
    createConversation,
    updateConversation,
    deleteConversations,
    deleteAllConversations,
  };
}
