import { useComputed, useSignal } from '@preact/signals';
import { Markdown } from '../../components/Markdown';
import { formatDollars } from '../../lib/account/money';
import type { LiveMessage } from '../../lib/chat/live-message';
import { conversationSources } from '../../lib/chat/sources';
import { hostAppearsIn } from '../../lib/markdown/links';
import { ContextCard } from './ContextCard';
import type { ChatModel } from './chat-model';
import { ErrorNotice } from './ErrorNotice';
import { regenerateFromQuestionBox } from './question-focus';
import { ReadAloudButton } from './ReadAloudButton';

function QuestionView({
  chat,
  message,
  isLastQuestion,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLastQuestion: boolean;
}) {
  const editing = useSignal<string | null>(null);
  if (editing.value !== null) {
    return (
      <form
        class="bubble bubble-user editing"
        onSubmit={(event) => {
          event.preventDefault();
          const text = editing.value ?? '';
          editing.value = null;
          void chat.editLastQuestion(text);
        }}
      >
        <label class="sr-only" for={`edit-${message.id}`}>
          Edit your question
        </label>
        <textarea
          id={`edit-${message.id}`}
          value={editing.value}
          rows={3}
          onInput={(event) => {
            editing.value = event.currentTarget.value;
          }}
        />
        <div class="bubble-actions">
          <button type="submit" class="btn btn-primary">
            Send
          </button>
          <button type="button" class="btn" onClick={() => (editing.value = null)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <article class="message message-user" aria-label="Your question">
      <div class="bubble bubble-user">
        {message.images.length > 0 ? (
          <div class="thumbnails">
            {message.images.map((url, index) => (
              <img key={url.slice(-32)} src={url} alt={`Attachment ${index + 1} you sent`} />
            ))}
          </div>
        ) : null}
        <p class="question-text">{message.text}</p>
        {message.context ? <ContextCard context={message.context} /> : null}
      </div>
      {isLastQuestion && !chat.isStreaming.value ? (
        <div class="message-actions">
          <button
            type="button"
            class="btn-inline"
            onClick={() => (editing.value = message.text.peek())}
          >
            Edit
          </button>
        </div>
      ) : null}
    </article>
  );
}

function AnswerView({
  chat,
  message,
  isLast,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
}) {
  const copied = useSignal(false);
  // Read instead of the text itself, so a streaming answer re-renders this bubble only when it
  // stops being empty: the growing text is the Markdown view's alone.
  const hasText = useComputed(() => message.text.value !== '');
  const status = message.status.value;
  const streaming = status === 'streaming';
  const complete = useComputed(() => message.status.value !== 'streaming');
  const copy = () =>
    navigator.clipboard.writeText(message.text.peek()).then(() => {
      copied.value = true;
    });

  return (
    <article class="message message-assistant" aria-label="Answer" aria-busy={streaming}>
      <div class="bubble bubble-assistant">
        <Markdown
          text={message.text}
          arrived={message.arrived}
          complete={complete}
          isKnownHost={(host) => hostAppearsIn(host, conversationSources(chat.messages.peek()))}
        />
        {streaming && !hasText.value ? (
          <span class="typing" role="status" aria-label="Answer on its way">
            <span />
            <span />
            <span />
          </span>
        ) : null}
      </div>
      {message.earlierLeftOut.value ? (
        <p class="message-note">Earlier messages were not sent, to fit the model.</p>
      ) : null}
      {status === 'stopped' ? <p class="message-note">Stopped.</p> : null}
      {status === 'interrupted' ? (
        <p class="message-note">
          Cut short: the panel closed before this answer finished.{' '}
          {isLast ? (
            <button
              type="button"
              class="btn-inline"
              onClick={() => regenerateFromQuestionBox(chat.regenerate)}
            >
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
      {status === 'error' && message.error.value ? (
        <ErrorNotice chat={chat} error={message.error.value} canRetry={isLast} />
      ) : null}
      {!streaming ? (
        <div class="message-actions">
          {hasText.value ? (
            <button type="button" class="btn-inline" onClick={copy}>
              {copied.value ? 'Copied' : 'Copy'}
            </button>
          ) : null}
          {hasText.value && status !== 'error' ? (
            <ReadAloudButton text={() => message.text.peek()} />
          ) : null}
          {isLast && status !== 'error' ? (
            <button
              type="button"
              class="btn-inline"
              onClick={() => regenerateFromQuestionBox(chat.regenerate)}
            >
              Regenerate
            </button>
          ) : null}
          <span class="message-meta">
            {message.model.value ?? ''}
            {message.cost.value !== undefined ? ` · cost ${formatDollars(message.cost.value)}` : ''}
          </span>
        </div>
      ) : null}
    </article>
  );
}

export function MessageView({
  chat,
  message,
  isLast,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
}) {
  if (message.role === 'assistant')
    return <AnswerView chat={chat} message={message} isLast={isLast} />;
  const lastQuestion = chat.messages.value.findLast((m) => m.role === 'user');
  return (
    <QuestionView chat={chat} message={message} isLastQuestion={lastQuestion?.id === message.id} />
  );
}
