import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { Icon } from '../../components/Icon';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';
import { ImageModeToggle } from './ImageModeToggle';
import { ImageComposerSlot } from './image-slots';
import { MicButton, useLazyVoice, useVoiceShortcut, VoiceSlot } from './voice-button';

/** `/image a lighthouse at dusk` makes a picture instead of asking a question. */
const IMAGE_COMMAND = /^\/image\s+(\S[\s\S]*)$/;

/** What was typed but not sent survives the panel closing. */
const draft = storage.defineItem<string>('session:chat.draft', { fallback: '' });

/** More images than this in one question only slows the answer down. */
const MAX_IMAGES = 4;

export function Composer({ chat }: { chat: ChatModel }) {
  const text = useSignal('');
  const images = useSignal<string[]>([]);
  const preparing = useSignal(0);
  const problem = useSignal('');
  const fileInput = useRef<HTMLInputElement>(null);
  const streaming = chat.isStreaming.value;

  useEffect(() => {
    void draft.getValue().then((saved) => {
      if (!text.peek()) text.value = saved;
    });
  }, []);

  const addImages = async (files: Iterable<File>) => {
    problem.value = '';
    // Compressing images comes after first paint, with the first image.
    const { ImageProblem, prepareImage } = await import('../../lib/media/compress-image');
    for (const file of files) {
      if (!file.type.startsWith('image/')) continue;
      if (images.peek().length + preparing.peek() >= MAX_IMAGES) {
        problem.value = panelText('tooManyImages', { count: MAX_IMAGES });
        return;
      }
      preparing.value++;
      try {
        const prepared = await prepareImage(file);
        images.value = [...images.peek(), prepared.dataUrl];
      } catch (error) {
        problem.value = error instanceof ImageProblem ? error.message : panelText('imageNotAdded');
      } finally {
        preparing.value--;
      }
    }
  };

  const submit = () => {
    if (streaming || preparing.peek() > 0) return;
    const question = text.peek().trim();
    if (!question && images.peek().length === 0) return;
    const command = IMAGE_COMMAND.exec(question);
    if (command) {
      chat.imageCommand.value = command[1] ?? '';
      chat.composerMode.value = 'image';
      text.value = '';
      void draft.setValue('');
      return;
    }
    const attached = images.peek();
    // Cleared once the question is stored: if storage refuses it, it stays here to send again.
    void chat.send(question, attached, () => {
      if (text.peek().trim() === question) text.value = '';
      images.value = images.peek().filter((url) => !attached.includes(url));
      void draft.setValue(text.peek());
    });
  };

  // A spoken question is added to what is typed, never put in its place.
  const voice = useLazyVoice({
    append: (spoken) => {
      const typed = text.peek().trimEnd();
      text.value = typed ? `${typed} ${spoken}` : spoken;
      void draft.setValue(text.value);
    },
    send: submit,
  });
  useVoiceShortcut(voice);

  // After every hook: the image composer takes the place of this one.
  if (chat.composerMode.value === 'image') return <ImageComposerSlot chat={chat} />;
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        if (event.dataTransfer) void addImages(event.dataTransfer.files);
      }}
    >
      <ImageModeToggle chat={chat} />
      {images.value.length > 0 || preparing.value > 0 ? (
        <div class="attachments">
          {images.value.map((url, index) => (
            <span class="attachment" key={url.slice(-32)}>
              <img src={url} alt={panelText('attachment', { number: index + 1 })} />
              <button
                type="button"
                class="attachment-remove"
                aria-label={panelText('removeImage', { number: index + 1 })}
                onClick={() => {
                  images.value = images.peek().filter((_, i) => i !== index);
                }}
              >
                ×
              </button>
            </span>
          ))}
          {preparing.value > 0 ? (
            <span class="attachment attachment-busy">{panelText('preparing')}</span>
          ) : null}
        </div>
      ) : null}
      {problem.value ? (
        <p class="status-error composer-problem" role="alert">
          {problem.value}
        </p>
      ) : null}
      <VoiceSlot lazy={voice} chat={chat} />
      <div class="composer-row">
        <button
          type="button"
          class="btn icon-btn"
          aria-label={panelText('attachImage')}
          title={panelText('attachImage')}
          onClick={() => fileInput.current?.click()}
        >
          <Icon name="image" />
        </button>
        <MicButton lazy={voice} />
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          multiple
          hidden
          onChange={(event) => {
            const files = event.currentTarget.files;
            if (files) void addImages([...files]);
            event.currentTarget.value = '';
          }}
        />
        <label class="sr-only" for="question">
          {panelText('yourQuestion')}
        </label>
        <textarea
          id="question"
          rows={2}
          placeholder={panelText('placeholder')}
          value={text.value}
          onInput={(event) => {
            text.value = event.currentTarget.value;
            void draft.setValue(text.value);
          }}
          onPaste={(event) => {
            const files = event.clipboardData?.files;
            if (files && files.length > 0) {
              event.preventDefault();
              void addImages([...files]);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        {streaming ? (
          <button type="button" class="btn" onClick={chat.stop}>
            {panelText('stop')}
          </button>
        ) : (
          <button
            type="submit"
            class="btn btn-primary"
            disabled={preparing.value > 0 || !chat.model.value}
          >
            {panelText('send')}
          </button>
        )}
      </div>
    </form>
  );
}
