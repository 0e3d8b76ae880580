import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { BrandHeader } from '../../components/BrandHeader';
import { Composer } from './Composer';
import { ConversationDrawer } from './ConversationDrawer';
import { createChatModel } from './chat-model';
import { MessageList } from './MessageList';
import { ModelPicker } from './ModelPicker';

export function SidePanel() {
  const chat = useMemo(createChatModel, []);
  const drawerOpen = useSignal(false);
  useEffect(chat.start, [chat]);

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
          ☰
        </button>
        <button
          type="button"
          class="btn icon-btn"
          aria-label="New conversation"
          title="New conversation"
          disabled={chat.isStreaming.value}
          onClick={chat.newConversation}
        >
          ＋
        </button>
      </BrandHeader>
      {drawerOpen.value ? (
        <ConversationDrawer
          chat={chat}
          onClose={() => {
            drawerOpen.value = false;
          }}
        />
      ) : null}
      {auth === null ? (
        <main class="panel-body" aria-busy="true" />
      ) : auth.signedIn ? (
        <>
          <ModelPicker chat={chat} />
          <MessageList chat={chat} />
          <Composer chat={chat} />
        </>
      ) : (
        <main class="panel-body panel-empty-wrap">
          <section class="panel-empty" aria-labelledby="panel-empty-title">
            <img src="/icon/128.png" alt="" width={56} height={56} />
            <h1 id="panel-empty-title">Ask about anything you see</h1>
            <p class="muted">
              {auth.reason ?? 'Sign in with your AI Pass account to start a conversation.'}
            </p>
            <button type="button" class="btn btn-primary" onClick={chat.signIn}>
              Sign in with AI Pass
            </button>
          </section>
        </main>
      )}
    </div>
  );
}
