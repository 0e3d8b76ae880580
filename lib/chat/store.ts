/**
 * Conversations in IndexedDB, not `chrome.storage`: large histories stay fast, and nothing is
 * lost when the panel closes, the worker stops or the browser restarts.
 *
 * This is the store pages use, put together from one part per kind of thing kept (see
 * chat-database.ts for the connection, stored-*.ts for each part) with the in-memory search
 * index. Every failure comes out as a StorageProblem. Each committed write is announced to the
 * other pages through `sync`, and the search index follows it.
 */
import { DATABASE, openChatDatabase } from './chat-database';
import type { Account } from './records';
import { createSearchIndex } from './search-index';
import { storedArchive } from './stored-archive';
import { storedConversations } from './stored-conversations';
import { storedImages } from './stored-images';
import { storedMessages } from './stored-messages';
import type { ChatChange } from './sync';

export { SCHEMA_VERSION } from './chat-database';
export { HEARTBEAT_STALE_MS } from './stored-messages';

export interface ChatStoreOptions {
  database?: string;
  announce?: (change: ChatChange) => void;
}

export type ChatStore = ReturnType<typeof openChatStore>;

export function openChatStore({
  database = DATABASE,
  announce: announceToOthers = () => {},
}: ChatStoreOptions = {}) {
  const db = openChatDatabase(database);
  // One getAll is far quicker than a cursor stepping through every message.
  const searchIndex = createSearchIndex(() => db.read((opened) => opened.getAll('messages')));

  /** A committed write: the search index follows it, and the other pages hear of it. */
  function announce(change: ChatChange): void {
    searchIndex.note(change);
    announceToOthers(change);
  }

  const conversations = storedConversations(db, announce);
  const messages = storedMessages(db, announce);

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
    const owned = await conversations.listConversations(account);
    return searchIndex.search(new Set(owned.map((c) => c.id)), query);
  }

  return {
    ...conversations,
    ...messages,
    ...storedImages(db),
    ...storedArchive(db, announce, {
      listConversations: conversations.listConversations,
      loadMessages: (id) => messages.loadMessages(id),
    }),
    conversationsMentioning,
    /** A change another page made: the search index follows it. */
    heard: (change: ChatChange) => searchIndex.note(change),
    setWriteFault: db.setWriteFault,
    closeConnection: db.closeConnection,
  };
}
