import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type AnswerEnding,
  endingWords,
  watchAnswerEnds,
} from '../../lib/chat/answer-announcement';
import type { ChatModel } from './chat-model';

/** The one polite status a screen reader hears when an answer ends (see answer-announcement). */
export function AnswerStatus({ chat }: { chat: ChatModel }) {
  const ending = useSignal<AnswerEnding | null>(null);
  useEffect(
    () =>
      watchAnswerEnds(chat.messages, chat.streamingId, (end) => {
        ending.value = end;
      }),
    [chat],
  );
  return (
    <p class="sr-only" role="status" id="answer-status">
      {ending.value ? endingWords(ending.value) : ''}
    </p>
  );
}
