import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { downloadText } from '../../lib/chat/download';
import type { ConversationRecord } from '../../lib/chat/records';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';
import { formatConversationDate } from './conversation-date';
import { Highlight } from './Highlight';

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
            {panelText('newTitle')}
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
            {panelText('save')}
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
        <span class="conversation-date">{formatConversationDate(conversation.updatedAt)}</span>
      </button>
      {mode.value === 'confirm-delete' ? (
        <span class="conversation-confirm">
          {panelText('deleteQuestion')}
          <button
            type="button"
            class="btn-inline danger"
            onClick={() => void chat.remove(conversation.id)}
          >
            {panelText('yes')}
          </button>
          <button type="button" class="btn-inline" onClick={() => (mode.value = 'view')}>
            {panelText('no')}
          </button>
        </span>
      ) : (
        <span class="conversation-tools">
          <button
            type="button"
            class="btn-inline"
            aria-label={panelText('renameNamed', { title: conversation.title })}
            onClick={() => (mode.value = 'rename')}
          >
            {panelText('rename')}
          </button>
          <button
            type="button"
            class="btn-inline"
            aria-label={panelText('exportNamed', { title: conversation.title })}
            onClick={async () => {
              const file = await chat.markdownOf(conversation.id);
              if (file) downloadText(file.text, file.fileName, 'text/markdown');
            }}
          >
            {panelText('export')}
          </button>
          <button
            type="button"
            class="btn-inline"
            aria-label={panelText('deleteNamed', { title: conversation.title })}
            onClick={() => (mode.value = 'confirm-delete')}
          >
            {panelText('delete')}
          </button>
        </span>
      )}
    </li>
  );
}

export function ConversationDrawer({ chat, onClose }: { chat: ChatModel; onClose: () => void }) {
  const list = chat.conversations.value;
  const search = useRef<HTMLInputElement>(null);
  // Focus moves into the drawer as it opens (an inserted `autofocus` is not always honoured).
  useEffect(() => search.current?.focus(), []);
  return (
    <section
      id="conversation-drawer"
      class="drawer"
      aria-label={panelText('conversations')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation(); // closing the drawer, not stopping an answer
        onClose();
      }}
    >
      <div class="drawer-head">
        <label class="sr-only" for="conversation-search">
          {panelText('searchConversations')}
        </label>
        <input
          id="conversation-search"
          type="search"
          placeholder={panelText('searchConversations')}
          value={chat.search.value}
          onInput={(event) => void chat.searchText(event.currentTarget.value)}
          ref={search}
        />
        <button type="button" class="btn" onClick={onClose}>
          {panelText('close')}
        </button>
      </div>
      {!chat.auth.value?.signedIn ? (
        <p class="muted drawer-empty">{panelText('signInToSee')}</p>
      ) : list.length === 0 ? (
        <p class="muted drawer-empty">
          {panelText(chat.allConversations.value.length === 0 ? 'noConversations' : 'noMatch')}
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
