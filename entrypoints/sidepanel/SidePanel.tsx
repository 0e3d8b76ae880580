import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { BrandHeader } from '../../components/BrandHeader';
import { Icon } from '../../components/Icon';
import { LaterSpeechControls } from '../../components/LaterSpeechControls';
import { useLazy } from '../../components/use-lazy';
import { providerNameOf } from '../../lib/auth/status';
import { panelText } from '../../lib/i18n/messages/panel';
import { sessionEndWords } from '../../lib/i18n/messages/session-end';
import { lazy } from '../../lib/markdown/lazy';
import { AnswerStatus } from './AnswerStatus';
import { Composer } from './Composer';
import type { ChatDeps } from './chat-deps';
import { type ChatModel, createChatModel } from './chat-model';
import { MessageList } from './MessageList';
import { ModelPicker } from './ModelPicker';
import { ComposerFrame, ToolbarFrame } from './PanelFrame';
import { StorageNotice } from './StorageNotice';
import { useAutoRead } from './voice-button';

/** The conversation drawer comes after first paint: asked for when the pointer or focus nears it. */
const drawer = lazy(() => import('./ConversationDrawer'));

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
          aria-label={panelText('conversations')}
          title={panelText('conversations')}
          aria-expanded={drawerOpen.value}
          aria-controls="conversation-drawer"
          onPointerEnter={() => void drawer.load().catch(() => undefined)}
          onFocus={() => void drawer.load().catch(() => undefined)}
          onClick={() => {
            drawerOpen.value = !drawerOpen.value;
          }}
        >
          <Icon name="menu" />
        </button>
        <button
          type="button"
          class="btn icon-btn"
          aria-label={panelText('newConversation')}
          title={panelText('newConversation')}
          disabled={chat.isStreaming.value}
          onClick={chat.newConversation}
        >
          <Icon name="plus" />
        </button>
      </BrandHeader>
      {drawerOpen.value ? <LazyDrawer chat={chat} onClose={closeDrawer} /> : null}
      {/* The open drawer covers all of this: out of the Tab order and of reach meanwhile. */}
      <div class="panel-content" inert={drawerOpen.value}>
        {auth === null ? <ToolbarFrame /> : auth.signedIn ? <ModelPicker chat={chat} /> : null}
        <LaterSpeechControls />
        <MessageList chat={chat} />
        <AnswerStatus chat={chat} />
        <StorageNotice chat={chat} />
        {auth === null ? (
          <ComposerFrame />
        ) : auth.signedIn ? (
          <Composer chat={chat} />
        ) : (
          <section class="sign-in-bar" aria-labelledby="sign-in-bar-title">
            <p id="sign-in-bar-title">
              {chat.deferredActions.value.length > 0
                ? panelText('signInToAnswer', { provider: providerNameOf(auth) })
                : auth.reason
                  ? sessionEndWords(auth.reason)
                  : panelText('signInToAsk', { provider: providerNameOf(auth) })}
            </p>
            <button type="button" class="btn btn-primary" onClick={chat.signIn}>
              {panelText('signInWith', { provider: providerNameOf(auth) })}
            </button>
          </section>
        )}
      </div>
    </div>
  );
}

/** The drawer once its code has arrived (at once, when the pointer or focus came first). */
function LazyDrawer(props: { chat: ChatModel; onClose: () => void }) {
  const loaded = useLazy(drawer);
  return loaded ? <loaded.ConversationDrawer {...props} /> : null;
}
