import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { watchAnswerEnds } from '../../lib/chat/answer-announcement';
import type { ChatModel } from './chat-model';

/** The one polite status a screen reader hears when an answer ends (see answer-announcement). */
export function AnswerStatus({ chat }: { chat: ChatModel }) {
  const text = useSignal('');
  useEffect(
    () =>
      watchAnswerEnds(chat.messages, chat.streamingId, (words) => {
        text.value = words;
      }),
    [chat],
  );
  return (
    <p class="sr-only" role="status" id="answer-status">
      {text}
    </p>
  );
}
