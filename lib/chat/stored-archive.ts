/**
 * An account's conversations out of the chat database and back in: all of them with their
 * messages for an export, and an import written by id in one transaction, so importing the same
 * file twice adds nothing the second time.
 */
import type { ArchivedConversation } from './archive';
import type { ChatDatabase } from './chat-database';
import type { Account, ConversationRecord, MessageRecord } from './records';
import type { ChatChange } from './sync';

interface ArchiveSources {
  listConversations: (account: Account) => Promise<ConversationRecord[]>;
  loadMessages: (conversationId: string) => Promise<MessageRecord[]>;
}

export function storedArchive(
  db: ChatDatabase,
  announce: (change: ChatChange) => void,
  { listConversations, loadMessages }: ArchiveSources,
) {
  return {
    /** Every conversation of the account with its messages, for an export. */
    async exportAll(account: Account): Promise<ArchivedConversation[]> {
      const conversations = await listConversations(account);
      return Promise.all(
        conversations.map(async (conversation) => ({
          conversation,
          messages: await loadMessages(conversation.id),
        })),
      );
    },

    /** Writes conversations into the account; resolves with how many conversations were new. */
    async importAll(account: Account, entries: ArchivedConversation[]): Promise<number> {
      const added = await db.write(async (opened) => {
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
    },
  };
}
