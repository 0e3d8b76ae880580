import { useEffect, useRef } from 'preact/hooks';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';
import { MessageView } from './MessageView';

/** How long the view holds on to the message it was showing after earlier ones are added. */
const ANCHOR_HOLD_MS = 1000;

export function MessageList({ chat }: { chat: ChatModel }) {
  const list = useRef<HTMLDivElement>(null);
  const loading = useRef(false);
  const keepAnchor = useRef<ResizeObserver | null>(null);
  const messages = chat.messages.value;
  const lastId = messages.at(-1)?.id;

  // Follow the newest message, unless the person scrolled up to read.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const follow = () => {
      const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
      if (nearBottom) element.scrollTop = element.scrollHeight;
    };
    const observer = new MutationObserver(follow);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    element.scrollTop = element.scrollHeight;
    return () => observer.disconnect();
  }, [lastId]);

  if (messages.length === 0) {
    return (
      <main class="panel-body panel-empty-wrap">
        <section class="panel-empty" aria-labelledby="panel-empty-title">
          <img src="/icon/128.png" alt="" width={56} height={56} />
          <h1 id="panel-empty-title">{panelText('emptyTitle')}</h1>
          <p class="muted">{panelText('emptyHint')}</p>
        </section>
      </main>
    );
  }
  /**
   * Loads the page before the first message shown, keeping the view where it was: the message
   * that was first stays where it stood. The messages above it go on growing for a few frames
   * (answers draw their text after they mount), so it is put back each time they do.
   */
  const loadEarlier = async () => {
    const element = list.current;
    const anchor = element?.querySelector('.message');
    if (!element || !anchor || loading.current) return;
    loading.current = true;
    keepAnchor.current?.disconnect();
    const offsetOf = () => anchor.getBoundingClientRect().top - element.getBoundingClientRect().top;
    const offset = offsetOf();
    await chat.loadEarlier();
    const putBack = () => {
      element.scrollTop += offsetOf() - offset;
    };
    const observer = new ResizeObserver(putBack);
    for (const log of element.querySelectorAll('.message-log')) observer.observe(log);
    keepAnchor.current = observer;
    setTimeout(() => observer.disconnect(), ANCHOR_HOLD_MS);
    requestAnimationFrame(() => {
      putBack();
      loading.current = false;
    });
  };

  return (
    <main
      class="messages"
      ref={list}
      onScroll={(event) => {
        if (event.currentTarget.scrollTop < 200 && chat.hasEarlier.peek()) void loadEarlier();
      }}
    >
      {chat.hasEarlier.value ? (
        <button type="button" class="btn-inline load-earlier" onClick={loadEarlier}>
          {panelText('showEarlier')}
        </button>
      ) : null}
      {/* New messages are heard as they are added; a streaming answer's text is not (it is
          aria-busy), and AnswerStatus says once when it ends. */}
      <div
        class="message-log"
        role="log"
        aria-label={panelText('conversationLog')}
        aria-relevant="additions"
      >
        {messages.map((message) => (
          <MessageView
            key={message.id}
            chat={chat}
            message={message}
            isLast={message.id === lastId}
          />
        ))}
      </div>
    </main>
  );
}
