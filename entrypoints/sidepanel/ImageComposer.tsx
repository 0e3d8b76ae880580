/**
 * The composer in Image mode: a prompt, the image model (a maker, or an editor once there is a
 * picture to change), its size and count where the model takes them, and the pictures to edit.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { imageText } from '../../lib/i18n/messages/images';
import { editSourceFrom } from '../../lib/images/edit-source';
import { createImageModelChoice, type ImageModelChoice } from '../../lib/images/image-model-choice';
import { imageOptionsFor } from '../../lib/models/image-models';
import { useBlobUrl } from './blob-url';
import { Attachment, Attachments, ComposerProblem, ComposerRow } from './ComposerParts';
import type { ChatModel } from './chat-model';
import { ImageModelOptions } from './ImageModelOptions';
import { ImageModeToggle } from './ImageModeToggle';
import './images.css';

/** One choice per panel, kept while the composer switches between Text and Image. */
const choices = new WeakMap<ChatModel, ImageModelChoice>();

function choiceFor(chat: ChatModel): ImageModelChoice {
  let choice = choices.get(chat);
  if (!choice) {
    choice = createImageModelChoice(chat.fetchModelIds, () => chat.auth.peek()?.provider);
    choices.set(chat, choice);
  }
  return choice;
}

function SourceThumbnail({
  blob,
  index,
  onRemove,
}: {
  blob: Blob;
  index: number;
  onRemove: () => void;
}) {
  const url = useBlobUrl(blob);
  return (
    <Attachment
      src={url}
      alt={imageText('sourceAlt', { index })}
      removeLabel={imageText('removeSource', { index })}
      onRemove={onRemove}
    />
  );
}

export function ImageComposer({ chat }: { chat: ChatModel }) {
  const choice = choiceFor(chat);
  const prompt = useSignal('');
  const size = useSignal('');
  const count = useSignal(1);
  const problem = useSignal('');
  const preparing = useSignal(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const sources = chat.editSources.value;
  const editing = sources.length > 0;
  const streaming = chat.isStreaming.value;
  const model = editing ? choice.editModel.value : choice.generateModel.value;
  const maxInputs = imageOptionsFor(choice.editModel.value ?? '').maxInputs;
  const canAddSource = choice.models.value.edit.length > 0 && sources.length < maxInputs;

  useEffect(() => {
    if (choice.state.peek() !== 'ready') void choice.load();
  }, [choice]);
  // A picture to change has arrived (from the page, or "Edit this image"): ask what to change.
  useEffect(() => box.current?.focus(), [sources]);

  const submit = () => {
    if (streaming || preparing.peek()) return;
    const text = prompt.peek().trim();
    const chosen = editing ? choice.editModel.peek() : choice.generateModel.peek();
    if (!text) return;
    if (!chosen) {
      problem.value = imageText('pickModel');
      return;
    }
    problem.value = '';
    const options = imageOptionsFor(chosen);
    void chat.askForImage(
      text,
      {
        model: chosen,
        size:
          options.sizes.length > 0
            ? (options.sizes.find((each) => each === size.peek()) ?? options.sizes[0])
            : undefined,
        count: options.maxCount > 1 ? Math.min(count.peek(), options.maxCount) : undefined,
      },
      () => {
        if (prompt.peek().trim() === text) prompt.value = '';
      },
    );
  };

  // `/image …` typed in the text composer: made as soon as the models are known.
  const command = chat.imageCommand.value;
  const ready = choice.state.value === 'ready';
  useEffect(() => {
    if (command === null || !ready) return;
    chat.imageCommand.value = null;
    prompt.value = command;
    submit();
  }, [command, ready]);

  const addSources = async (files: Iterable<File>) => {
    problem.value = '';
    for (const file of files) {
      if (!file.type.startsWith('image/')) {
        problem.value = imageText('notAnImage');
        continue;
      }
      if (chat.editSources.peek().length >= maxInputs) {
        problem.value = imageText('tooManyInputs', { count: maxInputs });
        return;
      }
      preparing.value = true;
      try {
        const blob = await editSourceFrom(file);
        chat.editSources.value = [...chat.editSources.peek(), { id: crypto.randomUUID(), blob }];
      } catch (error) {
        problem.value = error instanceof Error ? error.message : imageText('failed');
      } finally {
        preparing.value = false;
      }
    }
  };

  return (
    <form
      class="composer image-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ImageModeToggle chat={chat} />
      {editing || preparing.value ? (
        <Attachments busy={preparing.value ? imageText('preparing') : null}>
          {sources.map((source, index) => (
            <SourceThumbnail
              key={source.id}
              blob={source.blob}
              index={index + 1}
              onRemove={() => {
                chat.editSources.value = chat.editSources.peek().filter((s) => s !== source);
              }}
            />
          ))}
        </Attachments>
      ) : null}
      <ComposerProblem text={problem.value} />
      <ImageModelOptions chat={chat} choice={choice} editing={editing} size={size} count={count} />
      <ComposerRow
        attach={{
          label: canAddSource ? imageText(editing ? 'addReference' : 'addSource') : null,
          icon: 'plus',
          multiple: false,
          onFiles: (files) => void addSources(files),
        }}
        box={{
          id: 'image-prompt',
          label: imageText('promptLabel'),
          placeholder: imageText(editing ? 'editPlaceholder' : 'promptPlaceholder'),
          value: prompt.value,
          ref: box,
          onInput: (typed) => {
            prompt.value = typed;
          },
        }}
        send={{
          label: imageText(editing ? 'edit' : 'make'),
          disabled: preparing.value || !model,
          streaming,
          stopLabel: imageText('stop'),
          onStop: chat.stop,
        }}
        onSend={submit}
      />
    </form>
  );
}
