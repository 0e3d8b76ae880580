import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { Icon } from '../../components/Icon';
import { ImageProblem, prepareImage } from '../../lib/media/compress-image';
import type { ChatModel } from './chat-model';
import { MicButton, useLazyVoice, useVoiceShortcut, VoiceSlot } from './voice-button';

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
    for (const file of files) {
      if (!file.type.startsWith('image/')) continue;
      if (images.peek().length + preparing.peek() >= MAX_IMAGES) {
        problem.value = `At most ${MAX_IMAGES} images in one question.`;
        return;
      }
      preparing.value++;
      try {
        const prepared = await prepareImage(file);
        images.value = [...images.peek(), prepared.dataUrl];
      } catch (error) {
        problem.value =
          error instanceof ImageProblem ? error.message : 'This image could not be added.';
      } finally {
        preparing.value--;
      }
    }
  };

  const submit = () => {
    if (streaming || preparing.peek() > 0) return;
    const question = text.peek().trim();
    if (!question && images.peek().length === 0) return;
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
      {images.value.length > 0 || preparing.value > 0 ? (
        <div class="attachments">
          {images.value.map((url, index) => (
            <span class="attachment" key={url.slice(-32)}>
              <img src={url} alt={`Attachment ${index + 1}`} />
              <button
                type="button"
                class="attachment-remove"
                aria-label={`Remove image ${index + 1}`}
                onClick={() => {
                  images.value = images.peek().filter((_, i) => i !== index);
                }}
              >
                ×
              </button>
            </span>
          ))}
          {preparing.value > 0 ? <span class="attachment attachment-busy">Preparing…</span> : null}
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
          aria-label="Attach an image"
          title="Attach an image"
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
          Your question
        </label>
        <textarea
          id="question"
          rows={2}
          placeholder="Ask anything… (Enter to send, Shift+Enter for a new line)"
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
            Stop
          </button>
        ) : (
          <button
            type="submit"
            class="btn btn-primary"
            disabled={preparing.value > 0 || !chat.model.value}
          >
            Send
          </button>
        )}
      </div>
    </form>
  );
}
