/** Reading and seeding the panel's IndexedDB from an extension page, as the extension itself would. */
import type { Page } from '@playwright/test';
import type { ConversationRecord, MessageRecord } from '../../lib/chat/records';

/** Every conversation in the browser, with how many messages each has and their errors. */
export function storedConversations(
  page: Page,
): Promise<Array<ConversationRecord & { messageCount: number; errors: string[] }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('passlight-chat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(['conversations', 'messages']);
          const conversations = transaction.objectStore('conversations').getAll();
          const messages = transaction.objectStore('messages').getAll();
          transaction.oncomplete = () => {
            db.close();
            resolve(
              (conversations.result as ConversationRecord[]).map((c) => {
                const own = (messages.result as MessageRecord[]).filter(
                  (m) => m.conversationId === c.id,
                );
                const errors = own.flatMap((m) => (m.error ? [m.error.message] : []));
                return { ...c, messageCount: own.length, errors };
              }),
            );
          };
        };
      }),
  );
}

/** The store's test hooks in a panel of a test build. */
export function chatStoreHook(
  panel: Page,
  call: { fault: 'quota' | null } | { closeConnection: true },
): Promise<void> {
  return panel.evaluate(async (call) => {
    const store = (
      globalThis as unknown as {
        passlightTest: {
          chatStore: {
            setWriteFault(fault: 'quota' | null): void;
            closeConnection(): Promise<void>;
          };
        };
      }
    ).passlightTest.chatStore;
    if ('fault' in call) store.setWriteFault(call.fault);
    else await store.closeConnection();
  }, call);
}

export interface SeededMessage {
  role: 'user' | 'assistant';
  text: string;
  images?: string[];
}

/**
 * Writes a conversation straight into the panel's store for the signed-in account, through the
 * store's own import. The panel that wrote it does not hear its own change: reload it after.
 */
export function seedConversation(
  panel: Page,
  conversation: { id: string; title: string },
  messages: SeededMessage[],
): Promise<void> {
  return panel.evaluate(
    async ({ conversation, messages }) => {
      const { passlightTest } = globalThis as unknown as {
        passlightTest: {
          chatStore: { importAll(account: object, entries: object[]): Promise<number> };
        };
      };
      const status = (await chrome.storage.session.get('auth.status'))['auth.status'] as {
        provider: { id: string };
        user: { sub: string };
      };
      await passlightTest.chatStore.importAll(
        { provider: status.provider.id, sub: status.user.sub },
        [
          {
            conversation: { ...conversation, createdAt: 1, updatedAt: Date.now() },
            messages: messages.map((message, i) => ({
              ...message,
              id: `${conversation.id}-m${i}`,
              conversationId: conversation.id,
              status: 'complete',
              createdAt: 1_000 + i,
            })),
          },
        ],
      );
    },
    { conversation, messages },
  );
}
