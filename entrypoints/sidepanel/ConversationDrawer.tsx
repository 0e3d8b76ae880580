import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { downloadText } from '../../lib/chat/download';
import type { ConversationRecord } from '../../lib/chat/records';
import type { ChatModel } from './chat-model';
import { Highlight } from './Highlight';

const DATE = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function ConversationItem({
  chat,
  conversation,
  onOpen,
}: {
  chat: ChatModel;
  conversation: ConversationRecord;
  onOpen: () => void;
}) {
  const mode = useSignal<'view' | 'rename' | 'confirm-delete'>('view');
  const title = useSignal(conversation.title);
  const active = chat.activeConversation.value?.id === conversation.id;
  const snippet = chat.search.value.trim() ? chat.searchMatches.value.get(conversation.id) : '';

  if (mode.value === 'rename') {
    return (
      <li class="conversation">
        <form
          class="conversation-rename"
          onSubmit={(event) => {
            event.preventDefault();
            void chat.rename(conversation.id, title.peek());
            mode.value = 'view';
          }}
        >
          <label class="sr-only" for={`rename-${conversation.id}`}>
            New title
          </label>
          <input
            id={`rename-${conversation.id}`}
            value={title.value}
            onInput={(event) => {
              title.value = event.currentTarget.value;
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                mode.value = 'view';
              }
            }}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this item.
            autoFocus
          />
          <button type="submit" class="btn">
            Save
          </button>
        </form>
      </li>
    );
  }
  return (
    <li class={active ? 'conversation conversation-active' : 'conversation'}>
      <button type="button" class="conversation-open" onClick={onOpen} aria-current={active}>
        <span class="conversation-title">
          <Highlight text={conversation.title} query={chat.search.value} />
        </span>
        {snippet ? (
          <span class="conversation-snippet">
            <Highlight text={snippet} query={chat.search.value} />
          </span>
        ) : null}
        <span class="conversation-date">{DATE.format(conversation.updatedAt)}</span>
      </button>
      {mode.value === 'confirm-delete' ? (
        <span class="conversation-confirm">
          Delete?
          <button
            type="button"
            class="btn-inline danger"
            onClick={() => void chat.remove(conversation.id)}
          >
            Yes
          </button>
          <button type="button" class="btn-inline" onClick={() => (mode.value = 'view')}>
            No
          </button>
        </span>
      ) : (
        <span class="conversation-tools">
          <button
            type="button"
            class="btn-inline"
            aria-label={`Rename “${conversation.title}”`}
            onClick={() => (mode.value = 'rename')}
          >
            Rename
          </button>
          <button
            type="button"
            class="btn-inline"
            aria-label={`Export “${conversation.title}” as Markdown`}
            onClick={async () => {
              const file = await chat.markdownOf(conversation.id);
              if (file) downloadText(file.text, file.fileName, 'text/markdown');
            }}
          >
            Export
          </button>
          <button
            type="button"
            class="btn-inline"
            aria-label={`Delete “${conversation.title}”`}
            onClick={() => (mode.value = 'confirm-delete')}
          >
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

export function ConversationDrawer({ chat, onClose }: { chat: ChatModel; onClose: () => void }) {
  const list = chat.conversations.value;
  // What searching reads loads while the person reaches the search box, not after they type.
  useEffect(() => chat.prepareSearch(), [chat]);
  return (
    <section
      id="conversation-drawer"
      class="drawer"
      aria-label="Conversations"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="drawer-head">
        <label class="sr-only" for="conversation-search">
          Search conversations
        </label>
        <input
          id="conversation-search"
          type="search"
          placeholder="Search conversations"
          value={chat.search.value}
          onInput={(event) => void chat.searchText(event.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the drawer opens for this.
          autoFocus
        />
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {!chat.auth.value?.signedIn ? (
        <p class="muted drawer-empty">Sign in to see your conversations.</p>
      ) : list.length === 0 ? (
        <p class="muted drawer-empty">
          {chat.allConversations.value.length === 0
            ? 'No conversations yet.'
            : 'No conversation matches.'}
        </p>
      ) : (
        <ul class="conversation-list">
          {list.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              chat={chat}
              conversation={conversation}
              onOpen={() => {
                void chat.openConversation(conversation.id);
                onClose();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
