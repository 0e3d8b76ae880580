/**
 * The signed-in account's conversations, as the drawer lists them. Signed out, there are none:
 * a shared computer shows nobody's questions to the next person.
 */
import { computed, signal } from '@preact/signals';
import type { Account, ConversationRecord } from './records';
import type { ChatStore } from './store';

export function createConversationList(store: ChatStore) {
  const account = signal<Account | null>(null);
  const all = signal<ConversationRecord[]>([]);
  const search = signal('');
  /** Conversations whose messages contain the search words, with the words around the match. */
  const textMatches = signal<ReadonlyMap<string, string>>(new Map());
  let searchRun = 0;

  const visible = computed(() => {
    const query = search.value.trim().toLowerCase();
    if (!query) return all.value;
    const matches = textMatches.value;
    return all.value.filter((c) => c.title.toLowerCase().includes(query) || matches.has(c.id));
  });

  async function refresh(): Promise<void> {
    const owner = account.peek();
    const listed = owner ? await store.listConversations(owner) : [];
    if (account.peek() === owner) all.value = listed;
  }

  return {
    account,
    all,
    search,
    textMatches,
    visible,
    refresh,
    /** Shows another account's conversations (or none, signed out). */
    async showAccount(next: Account | null): Promise<void> {
      account.value = next;
      all.value = [];
      await refresh();
    },
    find: (id: string) => all.peek().find((conversation) => conversation.id === id),
    /** Looks for `query` in every message of the account's conversations. */
    async searchText(query: string): Promise<void> {
      search.value = query;
      const run = ++searchRun;
      const owner = account.peek();
      const found =
        owner && query.trim()
          ? await store.conversationsMentioning(owner, query)
          : new Map<string, string>();
      if (run === searchRun) textMatches.value = found;
    },
  };
}

export type ConversationList = ReturnType<typeof createConversationList>;
