/** One picture kept with the conversation: shown from its bytes, with Download, Copy and Edit. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { imageText } from '../../lib/i18n/messages/images';
import { type Dimensions, readDimensions } from '../../lib/media/image-header';
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

interface StoredPicture {
  blob: Blob;
  /** From the header, so the picture takes its room before it is decoded and the list can follow it. */
  size: Dimensions | null;
}

/** The picture from the store: undefined while loading, null once known to be gone. */
function useStoredPicture(chat: ChatModel, id: string): StoredPicture | null | undefined {
  const picture = useSignal<StoredPicture | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void chat.loadImage(id).then(
      async (blob) => {
        const size = blob ? readDimensions(await blob.slice(0, 64 * 1024).arrayBuffer()) : null;
        if (live) picture.value = blob ? { blob, size } : null;
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
  const url = useBlobUrl(useStoredPicture(chat, id)?.blob);
  return url ? <img src={url} alt={alt} /> : <span class="attachment-busy" aria-hidden="true" />;
}

export function PictureCard({
  chat,
  id,
  alt,
  caption,
  actions = true,
  followOnLoad = false,
}: {
  chat: ChatModel;
  id: string;
  alt: string;
  caption?: string;
  actions?: boolean;
  /** In the last message: the list is kept at its end as the picture takes its room. */
  followOnLoad?: boolean;
}) {
  const picture = useStoredPicture(chat, id);
  const blob = picture?.blob;
  const url = useBlobUrl(blob);
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
      {picture === null ? (
        <p class="message-note">{imageText('gone')}</p>
      ) : url ? (
        <img
          src={url}
          alt={alt}
          width={picture?.size?.width}
          height={picture?.size?.height}
          onLoad={(event) => {
            const list = event.currentTarget.closest('.messages');
            if (followOnLoad && list) list.scrollTop = list.scrollHeight;
          }}
        />
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
