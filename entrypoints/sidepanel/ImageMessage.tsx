/** A request for pictures and its answer in the conversation: the originals beside the results. */
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { LiveMessage } from '../../lib/chat/live-message';
import { originPattern } from '../../lib/config/server-url';
import { imageText } from '../../lib/i18n/messages/images';
import { fetchPicture, ImageResultProblem } from '../../lib/images/image-bytes';
import { problemText } from '../../lib/images/image-job';
import { AnswerEnding } from './AnswerEnding';
import type { ChatModel } from './chat-model';
import { PictureCard, StoredThumbnail } from './PictureCard';

function ImageRequest({ chat, message }: { chat: ChatModel; message: LiveMessage }) {
  const work = message.imageWork.value;
  return (
    <article class="message message-user" aria-label={imageText('requestLabel')}>
      <div class="bubble bubble-user">
        {work?.mode === 'edit' && work.imageIds.length > 0 ? (
          <div class="thumbnails">
            {work.imageIds.map((id, index) => (
              <StoredThumbnail
                key={id}
                chat={chat}
                id={id}
                alt={imageText('sourceAlt', { index: index + 1 })}
              />
            ))}
          </div>
        ) : null}
        <p class="question-text">{message.text}</p>
      </div>
    </article>
  );
}

/**
 * A picture at an address Passlight may not read: asking for that site happens in the click
 * (the only place a browser allows it); meanwhile the address is there to open.
 */
function LinkedPicture({
  chat,
  message,
  url,
}: {
  chat: ChatModel;
  message: LiveMessage;
  url: string;
}) {
  const problem = useSignal('');
  const { host, origin } = new URL(url);
  const allow = async () => {
    problem.value = '';
    const granted = await browser.permissions
      .request({ origins: [originPattern(origin)] })
      .catch(() => false);
    if (!granted) return;
    try {
      await chat.keepLinkedPicture(message, url, await fetchPicture(url));
    } catch (error) {
      problem.value =
        error instanceof ImageResultProblem ? problemText(error, url) : imageText('failed');
    }
  };
  return (
    <div class="picture-link">
      <p>{imageText('linkNote', { host })}</p>
      <a href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </a>
      <div class="bubble-actions">
        <button type="button" class="btn" onClick={allow}>
          {imageText('allow', { host })}
        </button>
      </div>
      {problem.value ? (
        <p class="status-error" role="alert">
          {problem.value}
        </p>
      ) : null}
    </div>
  );
}

function ImageAnswer({
  chat,
  message,
  isLast,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
}) {
  const work = message.imageWork.value;
  const status = message.status.value;
  const streaming = status === 'streaming';
  const editing = work?.mode === 'edit';
  const prompt = chat.messages.value[chat.messages.value.indexOf(message) - 1]?.text.value ?? '';
  const results = work?.imageIds ?? [];
  return (
    <article
      class="message message-assistant"
      aria-label={imageText('answerLabel')}
      aria-busy={streaming}
    >
      <div class="bubble bubble-assistant image-answer">
        {streaming ? (
          <p class="image-working" role="status">
            <span class="typing" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {editing ? imageText('editing') : imageText('making')}
          </p>
        ) : null}
        {results.length > 0 ? (
          <div class={editing ? 'picture-pair' : 'picture-grid'}>
            {editing
              ? (work?.sourceIds ?? []).map((id) => (
                  <PictureCard
                    key={id}
                    chat={chat}
                    id={id}
                    alt={imageText('originalAlt')}
                    caption={imageText('original')}
                    actions={false}
                    followOnLoad={isLast}
                  />
                ))
              : null}
            {results.map((id) => (
              <PictureCard
                key={id}
                chat={chat}
                id={id}
                alt={imageText(editing ? 'editedAlt' : 'madeAlt', { prompt })}
                caption={editing ? imageText('edited') : undefined}
                followOnLoad={isLast}
              />
            ))}
          </div>
        ) : null}
        {(work?.links ?? []).map((url) => (
          <LinkedPicture key={url} chat={chat} message={message} url={url} />
        ))}
      </div>
      <AnswerEnding
        chat={chat}
        message={message}
        isLast={isLast}
        words={{
          stopped: imageText('stopped'),
          interrupted: imageText('interrupted'),
          retry: imageText('retry'),
          cost: (amount) => ` · ${imageText('cost', { amount })}`,
        }}
        onRetry={() => void chat.regenerate()}
      />
    </article>
  );
}

export function ImageMessage({
  chat,
  message,
  isLast,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
}) {
  return message.role === 'user' ? (
    <ImageRequest chat={chat} message={message} />
  ) : (
    <ImageAnswer chat={chat} message={message} isLast={isLast} />
  );
}
