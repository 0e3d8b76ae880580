/**
 * Renaming and deleting a conversation from the panel, in the thread's queue: a conversation
 * being answered is stopped before it is deleted, and either change, if storage refuses it,
 * offers Retry.
 */
import type { ConversationList } from './conversation-list';
import type { ChatStore } from './store';
import type { ThreadState } from './thread-state';

export function conversationEdits(state: ThreadState, store: ChatStore, list: ConversationList) {
  const { conversation, serial, attempt, showEmpty, stopAnswer } = state;

  function rename(id: string, title: string): Promise<void> {
    const trimmed = title.trim();
    if (!trimmed) return Promise.resolve();
    return serial(async () => {
      await attempt(
        async () => {
          const renamed = await store.updateConversation(id, { title: trimmed });
          if (conversation.peek()?.id === id) conversation.value = renamed;
          await list.refresh();
        },
        () => rename(id, title),
      );
    });
  }

  /** Deletes a conversation; one being answered is stopped first. */
  function remove(id: string): Promise<void> {
    return serial(async () => {
      if (conversation.peek()?.id === id) {
        await stopAnswer();
        showEmpty();
      }
      await attempt(
        async () => {
          await store.deleteConversations([id]);
          await list.refresh();
        },
        () => remove(id),
      );
    });
  }

  return { rename, remove };
}
