/**
 * Which conversation the panel shows, and how much of it: opening one (the last one open, when
 * the panel opens), loading earlier messages as they are scrolled to, starting anew, closing for
 * a sign-out, and showing what another page changed. Opening waits while an answer runs.
 */
import { batch } from '@preact/signals';
import { lastConversation } from '../config/side-panel-memory';
import type { ConversationList } from './conversation-list';
import { liveMessage } from './live-message';
import type { ChatStore } from './store';
import type { ChatChange } from './sync';
import type { ThreadState } from './thread-state';
import { applyChange } from './thread-sync';

/** How many messages a conversation opens with; earlier ones load as the person scrolls up. */
export const PAGE_SIZE = 60;

export function threadView(state: ThreadState, store: ChatStore, list: ConversationList) {
  const { conversation, messages, hasEarlier, running, serial, showEmpty, stopAnswer } = state;

  async function openNow(id: string): Promise<void> {
    const found = list.find(id) ?? (await store.getConversation(id));
    if (!found) return;
    const recent = await store.loadRecentMessages(id, PAGE_SIZE + 1);
    const earlier = recent.length > PAGE_SIZE;
    batch(() => {
      conversation.value = found;
      messages.value = (earlier ? recent.slice(1) : recent).map(liveMessage);
      hasEarlier.value = earlier;
    });
    void lastConversation.setValue(id);
  }

  return {
    open(id: string): Promise<void> {
      return serial(async () => {
        if (!running.peek()) await openNow(id);
      });
    },
    /** Opens the conversation open last time, if it is the signed-in account's. */
    openLast(): Promise<void> {
      return serial(async () => {
        const id = await lastConversation.getValue();
        if (id && list.find(id) && !conversation.peek()) await openNow(id);
      });
    },
    loadEarlier(): Promise<void> {
      return serial(async () => {
        const open = conversation.peek();
        const first = messages.peek()[0];
        if (!open || !first || !hasEarlier.peek()) return;
        const earlier = await store.loadRecentMessages(open.id, PAGE_SIZE + 1, first.createdAt);
        const more = earlier.length > PAGE_SIZE;
        batch(() => {
          messages.value = [
            ...(more ? earlier.slice(1) : earlier).map(liveMessage),
            ...messages.peek(),
          ];
          hasEarlier.value = more;
        });
      });
    },
    startNew(): Promise<void> {
      return serial(async () => {
        if (!running.peek()) showEmpty();
      });
    },
    /** Stops any answer and shows nothing: for a sign-out or another account. */
    close(): Promise<void> {
      return serial(async () => {
        await stopAnswer();
        showEmpty(false);
        state.storageProblem.value = null;
      });
    },
    /** Changes another page made: shown here at once, never written back. */
    hear(change: ChatChange): void {
      applyChange(change, {
        conversation,
        messages,
        runningAnswerId: () => running.peek()?.answer.id,
        refreshList: () => void list.refresh().catch(() => undefined),
        reread: (id) => store.getConversation(id),
        dropOpen: () =>
          void serial(async () => {
            await stopAnswer();
            showEmpty();
          }),
      });
    },
  };
}
