/** One picture kept with the conversation: shown from its bytes, with Download, Copy and Edit. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { imageText } from '../../lib/i18n/messages/images';
import { useBlobUrl } from './blob-url';
import type { ChatModel } from './chat-model';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** The clipboard takes PNG only: other pictures are drawn into one first. */
async function asPng(blob: Blob): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}

/** The picture's bytes from the store: undefined while loading, null once known to be gone. */
function useStoredPicture(chat: ChatModel, id: string): Blob | null | undefined {
  const picture = useSignal<Blob | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void chat.loadImage(id).then(
      (blob) => {
        if (live) picture.value = blob ?? null;
      },
      () => {
        if (live) picture.value = null;
      },
    );
    return () => {
      live = false;
    };
  }, [chat, id]);
  return picture.value;
}

export function StoredThumbnail({ chat, id, alt }: { chat: ChatModel; id: string; alt: string }) {
  const url = useBlobUrl(useStoredPicture(chat, id) ?? undefined);
  return url ? <img src={url} alt={alt} /> : <span class="attachment-busy" aria-hidden="true" />;
}

export function PictureCard({
  chat,
  id,
  alt,
  caption,
  actions = true,
}: {
  chat: ChatModel;
  id: string;
  alt: string;
  caption?: string;
  actions?: boolean;
}) {
  const blob = useStoredPicture(chat, id);
  const url = useBlobUrl(blob ?? undefined);
  const copied = useSignal<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    if (!blob) return;
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': asPng(blob) })]);
      copied.value = 'yes';
    } catch {
      copied.value = 'failed';
    }
  };
  return (
    <figure class="picture">
      {blob === null ? (
        <p class="message-note">{imageText('gone')}</p>
      ) : url ? (
        <img src={url} alt={alt} />
      ) : (
        <span class="picture-loading" aria-hidden="true" />
      )}
      {caption ? <figcaption>{caption}</figcaption> : null}
      {actions && url && blob ? (
        <div class="picture-actions">
          <a
            class="btn-inline"
            href={url}
            download={`passlight-${id.slice(0, 8)}.${EXTENSIONS[blob.type] ?? 'png'}`}
          >
            {imageText('download')}
          </a>
          <button type="button" class="btn-inline" onClick={copy}>
            {copied.value === 'yes' ? imageText('copied') : imageText('copy')}
          </button>
          <button type="button" class="btn-inline" onClick={() => void chat.editKeptImage(id)}>
            {imageText('editThis')}
          </button>
          {copied.value === 'failed' ? (
            <span class="status-error" role="alert">
              {imageText('copyFailed')}
            </span>
          ) : null}
        </div>
      ) : null}
    </figure>
  );
}
