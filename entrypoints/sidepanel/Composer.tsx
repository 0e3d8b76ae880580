import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { panelText } from '../../lib/i18n/messages/panel';
import { Attachment, Attachments, ComposerProblem, ComposerRow } from './ComposerParts';
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
        <Attachments busy={preparing.value > 0 ? panelText('preparing') : null}>
          {images.value.map((url, index) => (
            <Attachment
              key={url.slice(-32)}
              src={url}
              alt={panelText('attachment', { number: index + 1 })}
              removeLabel={panelText('removeImage', { number: index + 1 })}
              onRemove={() => {
                images.value = images.peek().filter((_, i) => i !== index);
              }}
            />
          ))}
        </Attachments>
      ) : null}
      <ComposerProblem text={problem.value} />
      <VoiceSlot lazy={voice} chat={chat} />
      <ComposerRow
        attach={{
          label: panelText('attachImage'),
          icon: 'image',
          multiple: true,
          onFiles: (files) => void addImages(files),
        }}
        box={{
          id: 'question',
          label: panelText('yourQuestion'),
          placeholder: panelText('placeholder'),
          value: text.value,
          onInput: (typed) => {
            text.value = typed;
            void draft.setValue(typed);
          },
          onPaste: (event) => {
            const files = event.clipboardData?.files;
            if (files && files.length > 0) {
              event.preventDefault();
              void addImages([...files]);
            }
          },
        }}
        send={{
          label: panelText('send'),
          disabled: preparing.value > 0 || !chat.model.value,
          streaming,
          stopLabel: panelText('stop'),
          onStop: chat.stop,
        }}
        onSend={submit}
      >
        <MicButton lazy={voice} />
      </ComposerRow>
    </form>
  );
}
