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
