import { useEffect, useRef } from 'preact/hooks';
import type { ChatModel } from './chat-model';
import { MessageView } from './MessageView';

export function MessageList({ chat }: { chat: ChatModel }) {
  const list = useRef<HTMLDivElement>(null);
  const loading = useRef(false);
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
          <h1 id="panel-empty-title">Ask about anything you see</h1>
          <p class="muted">
            Type a question below, paste an image, or select text on a page and choose Explain.
          </p>
        </section>
      </main>
    );
  }
  /** Loads the page before the first message shown, keeping the view where it was. */
  const loadEarlier = async () => {
    const element = list.current;
    if (!element || loading.current) return;
    loading.current = true;
    const before = element.scrollHeight;
    await chat.loadEarlier();
    requestAnimationFrame(() => {
      element.scrollTop += element.scrollHeight - before;
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
          Show earlier messages
        </button>
      ) : null}
      {/* New messages are heard as they are added; a streaming answer's text is not (it is
          aria-busy), and AnswerStatus says once when it ends. */}
      <div class="message-log" role="log" aria-label="Conversation" aria-relevant="additions">
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
