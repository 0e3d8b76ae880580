/**
 * The text of every stored message, lowercased once, kept in memory so a search reads no
 * database: the first search (or `warm`) loads it, and every change after that is applied to it,
 * this page's writes and the other pages' alike. A change that arrives while it loads is applied
 * after the load, in order, so nothing committed in between is missed or undone.
 */
import type { MessageRecord } from './records';
import type { ChatChange } from './sync';

interface IndexedMessage {
  text: string;
  lower: string;
}

type Messages = Map<string, Map<string, IndexedMessage>>;

/** Up to about 40 characters either side of a match, on one line. */
function snippetAround(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + length + 40);
  const line = text.slice(start, end).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${line}${end < text.length ? '…' : ''}`;
}

export function createSearchIndex(loadAll: () => Promise<MessageRecord[]>) {
  /** By conversation, then by message id. */
  let byConversation: Messages | null = null;
  let loading: Promise<Messages> | null = null;
  /** Changes heard while loading, applied once the load is in. */
  let heardWhileLoading: ChatChange[] = [];
  /** Many conversations were added while loading. */
  let stale = false;

  function put(messages: Messages, { conversationId, id, text }: MessageRecord): void {
    let conversation = messages.get(conversationId);
    if (!conversation) {
      conversation = new Map();
      messages.set(conversationId, conversation);
    }
    conversation.set(id, { text, lower: text.toLowerCase() });
  }

  function apply(messages: Messages, change: ChatChange): void {
    if (change.kind === 'message') put(messages, change.record);
    else if (change.kind === 'message-deleted')
      messages.get(change.conversationId)?.delete(change.id);
    else if (change.kind === 'conversations-deleted')
      for (const id of change.ids) messages.delete(id);
  }

  function load(): Promise<Messages> {
    if (byConversation) return Promise.resolve(byConversation);
    loading ??= loadAll().then(
      (records) => {
        loading = null;
        const heard = heardWhileLoading;
        heardWhileLoading = [];
        if (stale) {
          // A bulk change landed during the load, which may have missed it: load again.
          stale = false;
          return load();
        }
        const messages: Messages = new Map();
        for (const record of records) put(messages, record);
        for (const change of heard) apply(messages, change);
        byConversation = messages;
        return messages;
      },
      (error: unknown) => {
        loading = null;
        heardWhileLoading = [];
        stale = false;
        throw error;
      },
    );
    return loading;
  }

  return {
    /** Starts loading, so the first search finds the index ready. */
    warm(): void {
      load().catch(() => undefined); // the search that needs it reports the failure
    },

    /** A committed change, this page's or another's. */
    note(change: ChatChange): void {
      if (change.kind === 'conversations-added') {
        // Many at once (an import): read again on the next search rather than patched.
        byConversation = null;
        stale = loading !== null;
        return;
      }
      if (byConversation) apply(byConversation, change);
      else if (loading) heardWhileLoading.push(change);
    },

    /**
     * The conversations among `owned` with a message containing `query` (any case), each with
     * the words around its first match.
     */
    async search(owned: ReadonlySet<string>, query: string): Promise<Map<string, string>> {
      const needle = query.trim().toLowerCase();
      const found = new Map<string, string>();
      if (!needle) return found;
      const messages = await load();
      for (const id of owned) {
        for (const { text, lower } of messages.get(id)?.values() ?? []) {
          const at = lower.indexOf(needle);
          if (at < 0) continue;
          found.set(id, snippetAround(text, at, needle.length));
          break;
        }
      }
      return found;
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
