/**
 * What stands under an answer's bubble, for a written answer and for pictures alike: how it ended
 * when it did not end well (stopped, cut short with Retry, an error), then once it is no longer
 * streaming the row of actions with the model that answered and what it cost.
 */
import type { ComponentChildren } from 'preact';
import { formatDollars } from '../../lib/account/money';
import type { LiveMessage } from '../../lib/chat/live-message';
import type { ChatModel } from './chat-model';
import { ErrorNotice } from './ErrorNotice';

/** The words for each kind of answer, in the reader's language. */
export interface AnswerEndingWords {
  stopped: string;
  interrupted: string;
  retry: string;
  /** What follows the model's name, for a cost in dollars already formatted. */
  cost: (dollars: string) => string;
}

export function AnswerEnding({
  chat,
  message,
  isLast,
  words,
  onRetry,
  children,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
  words: AnswerEndingWords;
  /** Asks again, after an answer was cut short (only the last answer offers it). */
  onRetry: () => void;
  /** The actions before the model and cost (Copy, Read aloud, …). */
  children?: ComponentChildren;
}) {
  const status = message.status.value;
  return (
    <>
      {status === 'stopped' ? <p class="message-note">{words.stopped}</p> : null}
      {status === 'interrupted' ? (
        <p class="message-note">
          {words.interrupted}{' '}
          {isLast ? (
            <button type="button" class="btn-inline" onClick={onRetry}>
              {words.retry}
            </button>
          ) : null}
        </p>
      ) : null}
      {status === 'error' && message.error.value ? (
        <ErrorNotice chat={chat} error={message.error.value} canRetry={isLast} />
      ) : null}
      {status !== 'streaming' ? (
        <div class="message-actions">
          {children}
          <span class="message-meta">
            {message.model.value ?? ''}
            {message.cost.value !== undefined ? words.cost(formatDollars(message.cost.value)) : ''}
          </span>
        </div>
      ) : null}
    </>
  );
}
