/**
 * What the open conversation does with a change another page made: a deleted conversation is
 * let go (its answer stopped), a rename shown, a message another window saved shown in place.
 * Nothing here writes: a change heard is never written back, so two pages cannot ping-pong.
 */
import { batch, type Signal } from '@preact/signals';
import { type LiveMessage, liveMessage } from './live-message';
import type { ConversationRecord } from './records';
import type { ChatChange } from './sync';

export interface HeardView {
  conversation: Signal<ConversationRecord | null>;
  messages: Signal<LiveMessage[]>;
  /** The answer this page is streaming: its own copy wins over what others saved. */
  runningAnswerId: () => string | undefined;
  refreshList: () => void;
  reread: (id: string) => Promise<ConversationRecord | undefined>;
  /** Stops this page's answer and shows no conversation. */
  dropOpen: () => void;
}

export function applyChange(change: ChatChange, view: HeardView): void {
  const open = view.conversation.peek();
  if (change.kind !== 'message' && change.kind !== 'message-deleted') view.refreshList();
  if (!open) return;
  if (change.kind === 'conversations-deleted' && change.ids.includes(open.id)) {
    view.dropOpen();
  } else if (change.kind === 'conversation' && change.id === open.id) {
    void view.reread(open.id).then((record) => {
      if (record && view.conversation.peek()?.id === record.id) view.conversation.value = record;
    });
  } else if (change.kind === 'message' && change.record.conversationId === open.id) {
    const record = change.record;
    if (record.id === view.runningAnswerId()) return;
    const shown = view.messages.peek().find((m) => m.id === record.id);
    if (!shown) {
      view.messages.value = [...view.messages.peek(), liveMessage(record)];
      return;
    }
    batch(() => {
      shown.text.value = record.text;
      shown.status.value = record.status;
      shown.error.value = record.error;
      shown.cost.value = record.cost;
      shown.model.value = record.model;
      shown.imageWork.value = record.imageWork;
    });
  } else if (change.kind === 'message-deleted' && change.conversationId === open.id) {
    view.messages.value = view.messages.peek().filter((m) => m.id !== change.id);
  }
}
