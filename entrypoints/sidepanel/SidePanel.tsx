import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { BrandHeader } from '../../components/BrandHeader';
import { Icon } from '../../components/Icon';
import { SpeechControls } from '../../components/SpeechControls';
import { providerNameOf } from '../../lib/auth/status';
import { AnswerStatus } from './AnswerStatus';
import { Composer } from './Composer';
import { ConversationDrawer } from './ConversationDrawer';
import type { ChatDeps } from './chat-deps';
import { createChatModel } from './chat-model';
import { MessageList } from './MessageList';
import { ModelPicker } from './ModelPicker';
import { StorageNotice } from './StorageNotice';
import { useAutoRead } from './voice-button';

export function SidePanel({ deps }: { deps: ChatDeps }) {
  const chat = useMemo(() => createChatModel(deps), [deps]);
  const drawerOpen = useSignal(false);
  const drawerToggle = useRef<HTMLButtonElement>(null);
  useEffect(chat.start, [chat]);
  useAutoRead(chat);
  const closeDrawer = () => {
    drawerOpen.value = false;
    drawerToggle.current?.focus(); // back where the person opened it from
  };

  // Escape stops an answer wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && chat.isStreaming.peek()) chat.stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chat]);

  const auth = chat.auth.value;
  return (
    <div class="panel">
      <BrandHeader>
        <button
          ref={drawerToggle}
          type="button"
          class="btn icon-btn"
          aria-label="Conversations"
          title="Conversations"
          aria-expanded={drawerOpen.value}
          aria-controls="conversation-drawer"
          onClick={() => {
            drawerOpen.value = !drawerOpen.value;
          }}
        >
          <Icon name="menu" />
        </button>
        <button
          type="button"
          class="btn icon-btn"
          aria-label="New conversation"
          title="New conversation"
          disabled={chat.isStreaming.value}
          onClick={chat.newConversation}
        >
          <Icon name="plus" />
        </button>
      </BrandHeader>
      {drawerOpen.value ? <ConversationDrawer chat={chat} onClose={closeDrawer} /> : null}
      {/* The open drawer covers all of this: out of the Tab order and of reach meanwhile. */}
      <div class="panel-content" inert={drawerOpen.value}>
        {auth?.signedIn ? <ModelPicker chat={chat} /> : null}
        <SpeechControls />
        <MessageList chat={chat} />
        <AnswerStatus chat={chat} />
        <StorageNotice chat={chat} />
        {auth === null ? null : auth.signedIn ? (
          <Composer chat={chat} />
        ) : (
          <section class="sign-in-bar" aria-labelledby="sign-in-bar-title">
            <p id="sign-in-bar-title">
              {chat.deferredActions.value.length > 0
                ? `Sign in with ${providerNameOf(auth)} and Passlight will answer what you asked from the page.`
                : (auth.reason ??
                  `Sign in with your ${providerNameOf(auth)} account to ask questions.`)}
            </p>
            <button type="button" class="btn btn-primary" onClick={chat.signIn}>
              Sign in with {providerNameOf(auth)}
            </button>
          </section>
        )}
      </div>
    </div>
  );
}
