/**
 * "Read each answer aloud when it finishes": an answer that completes (not one stopped or
 * failed) goes to the same reader as Read aloud. Loaded after first paint (see SidePanel.tsx).
 */
import { effect } from '@preact/signals';
import { sendMessage } from '../../lib/messages';
import { readAnswersAloud } from '../../lib/voice/settings';
import type { ChatModel } from './chat-model';

/** Starts watching; returns the cleanup. */
export function readFinishedAnswers(chat: Pick<ChatModel, 'streamingId' | 'messages'>): () => void {
  let enabled = false;
  void readAnswersAloud.getValue().then((on) => {
    enabled = on;
  });
  const unwatch = readAnswersAloud.watch((on) => {
    enabled = on;
  });
  let streaming: string | null = chat.streamingId.peek();
  const dispose = effect(() => {
    const now = chat.streamingId.value;
    const finished = streaming;
    streaming = now;
    if (!finished || finished === now || !enabled) return;
    const answer = chat.messages.peek().find((message) => message.id === finished);
    const text = answer?.text.peek().trim();
    if (answer?.status.peek() !== 'complete' || !text) return;
    // How reading goes (or why it could not) shows in the Read aloud controls.
    void sendMessage('speech.start', { text }).catch(() => undefined);
  });
  return () => {
    dispose();
    unwatch();
  };
}
