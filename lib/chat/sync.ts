/**
 * Panels in several windows (and the options page, and the popup) see each other's writes at
 * once: every committed change to the conversations is announced on one BroadcastChannel. A page
 * posts and listens on the same channel object, and a channel never hears its own posts, so a
 * page only ever hears what the others did.
 */
import type { MessageRecord } from './records';

export type ChatChange =
  | { kind: 'conversation'; id: string }
  | { kind: 'conversations-deleted'; ids: string[] }
  /** Many at once (an import): lists are read again. */
  | { kind: 'conversations-added' }
  | { kind: 'message'; record: MessageRecord }
  | { kind: 'message-deleted'; conversationId: string; id: string };

export interface ChatSync {
  announce(change: ChatChange): void;
  /** Calls `listener` with every change another page makes; returns the cleanup. */
  watch(listener: (change: ChatChange) => void): () => void;
  close(): void;
}

const CHANNEL = 'passlight-chat';

export function createChatSync(name = CHANNEL): ChatSync {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(change: ChatChange) => void>();
  channel.onmessage = (event: MessageEvent<ChatChange>) => {
    for (const listener of listeners) listener(event.data);
  };
  return {
    announce: (change) => channel.postMessage(change),
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
