import { useComputed, useSignal } from '@preact/signals';
import { Markdown } from '../../components/Markdown';
import type { LiveMessage } from '../../lib/chat/live-message';
import { conversationSources } from '../../lib/chat/sources';
import { panelText } from '../../lib/i18n/messages/panel';
import { hostAppearsIn } from '../../lib/markdown/links';
import { AnswerEnding } from './AnswerEnding';
import { ContextCard } from './ContextCard';
import type { ChatModel } from './chat-model';
import { ImageMessageSlot } from './image-slots';
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
          {panelText('editQuestion')}
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
            {panelText('send')}
          </button>
          <button type="button" class="btn" onClick={() => (editing.value = null)}>
            {panelText('cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <article class="message message-user" aria-label={panelText('yourQuestion')}>
      <div class="bubble bubble-user">
        {message.images.length > 0 ? (
          <div class="thumbnails">
            {message.images.map((url, index) => (
              <img
                key={url.slice(-32)}
                src={url}
                alt={panelText('sentAttachment', { number: index + 1 })}
              />
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
            {panelText('edit')}
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
  const regenerate = () => regenerateFromQuestionBox(chat.regenerate);

  return (
    <article
      class="message message-assistant"
      aria-label={panelText('answer')}
      aria-busy={streaming}
    >
      <div class="bubble bubble-assistant">
        <Markdown
          text={message.text}
          arrived={message.arrived}
          complete={complete}
          isKnownHost={(host) => hostAppearsIn(host, conversationSources(chat.messages.peek()))}
        />
        {streaming && !hasText.value ? (
          <span class="typing" role="status" aria-label={panelText('answerOnItsWay')}>
            <span />
            <span />
            <span />
          </span>
        ) : null}
      </div>
      {message.earlierLeftOut.value ? (
        <p class="message-note">{panelText('earlierLeftOut')}</p>
      ) : null}
      <AnswerEnding
        chat={chat}
        message={message}
        isLast={isLast}
        words={{
          stopped: panelText('stopped'),
          interrupted: panelText('cutShort'),
          retry: panelText('retry'),
          cost: (cost) => panelText('cost', { cost }),
        }}
        onRetry={regenerate}
      >
        {hasText.value ? (
          <button type="button" class="btn-inline" onClick={copy}>
            {panelText(copied.value ? 'copied' : 'copy')}
          </button>
        ) : null}
        {hasText.value && status !== 'error' ? (
          <ReadAloudButton text={() => message.text.peek()} />
        ) : null}
        {isLast && status !== 'error' ? (
          <button type="button" class="btn-inline" onClick={regenerate}>
            {panelText('regenerate')}
          </button>
        ) : null}
      </AnswerEnding>
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
  if (message.imageWork.value)
    return <ImageMessageSlot chat={chat} message={message} isLast={isLast} />;
  if (message.role === 'assistant')
    return <AnswerView chat={chat} message={message} isLast={isLast} />;
  const lastQuestion = chat.messages.value.findLast((m) => m.role === 'user');
  return (
    <QuestionView chat={chat} message={message} isLastQuestion={lastQuestion?.id === message.id} />
  );
}
