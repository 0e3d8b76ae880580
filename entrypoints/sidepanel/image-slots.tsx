/**
 * Where the side panel shows image work, with the code for it loaded on first use: the image
 * composer when Image is chosen, a picture message when a conversation has one. Until the chunk
 * has loaded, a slot shows an empty, busy placeholder of the same role.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { LiveMessage } from '../../lib/chat/live-message';
import type { ChatModel } from './chat-model';

type ImageViews = typeof import('./image-views');

/** One load for the page, however many slots ask; a failed load is tried again next time. */
let loading: Promise<ImageViews> | undefined;

function loadImageViews(): Promise<ImageViews> {
  loading ??= import('./image-views').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function useImageViews(): ImageViews | null {
  const views = useSignal<ImageViews | null>(null);
  useEffect(() => {
    let live = true;
    void loadImageViews().then((loaded) => {
      if (live) views.value = loaded;
    });
    return () => {
      live = false;
    };
  }, []);
  return views.value;
}

export function ImageComposerSlot({ chat }: { chat: ChatModel }) {
  const views = useImageViews();
  return views ? <views.ImageComposer chat={chat} /> : <div class="composer" aria-busy="true" />;
}

export function ImageMessageSlot({
  chat,
  message,
  isLast,
}: {
  chat: ChatModel;
  message: LiveMessage;
  isLast: boolean;
}) {
  const views = useImageViews();
  return views ? (
    <views.ImageMessage chat={chat} message={message} isLast={isLast} />
  ) : (
    <article class="message" aria-busy="true" />
  );
}
