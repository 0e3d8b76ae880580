/**
 * The composer in Image mode: a prompt, the image model (a maker, or an editor once there is a
 * picture to change), its size and count where the model takes them, and the pictures to edit.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { providerNameOf } from '../../lib/auth/status';
import { imageText } from '../../lib/i18n/messages/images';
import { editSourceFrom } from '../../lib/images/edit-source';
import { createImageModelChoice, type ImageModelChoice } from '../../lib/images/image-model-choice';
import { imageOptionsFor } from '../../lib/models/image-models';
import { useBlobUrl } from './blob-url';
import type { ChatModel } from './chat-model';
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
    <span class="attachment">
      <img src={url} alt={imageText('sourceAlt', { index })} />
      <button
        type="button"
        class="attachment-remove"
        aria-label={imageText('removeSource', { index })}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}

function ModelOptions({
  chat,
  choice,
  editing,
  size,
  count,
}: {
  chat: ChatModel;
  choice: ImageModelChoice;
  editing: boolean;
  size: { value: string };
  count: { value: number };
}) {
  const state = choice.state.value;
  const offered = editing ? choice.models.value.edit : choice.models.value.generate;
  const model = editing ? choice.editModel.value : choice.generateModel.value;
  const options = imageOptionsFor(model ?? '');
  const provider = providerNameOf(chat.auth.value);
  return (
    <div class="image-options">
      <label for="image-model">
        {editing ? imageText('editModelLabel') : imageText('modelLabel')}
      </label>
      <select
        id="image-model"
        value={model ?? ''}
        disabled={state !== 'ready' || offered.length === 0}
        onChange={(event) =>
          editing
            ? choice.selectEdit(event.currentTarget.value)
            : choice.selectGenerate(event.currentTarget.value)
        }
      >
        {state === 'loading' ? <option value="">{imageText('loading')}</option> : null}
        {offered.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      {options.sizes.length > 0 ? (
        <>
          <label for="image-size">{imageText('sizeLabel')}</label>
          <select
            id="image-size"
            value={options.sizes.includes(size.value) ? size.value : options.sizes[0]}
            onChange={(event) => {
              size.value = event.currentTarget.value;
            }}
          >
            {options.sizes.map((each) => (
              <option key={each} value={each}>
                {each.replace('x', ' × ')}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {options.maxCount > 1 ? (
        <>
          <label for="image-count">{imageText('countLabel')}</label>
          <select
            id="image-count"
            value={String(Math.min(count.value, options.maxCount))}
            onChange={(event) => {
              count.value = Number(event.currentTarget.value);
            }}
          >
            {Array.from({ length: options.maxCount }, (_, index) => (
              <option key={index} value={String(index + 1)}>
                {index + 1}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {state === 'error' ? (
        <span class="toolbar-error" role="alert">
          {choice.error.value}{' '}
          <button type="button" class="btn-inline" onClick={choice.load}>
            {imageText('tryAgain')}
          </button>
        </span>
      ) : null}
      {state === 'ready' && offered.length === 0 ? (
        <span class="toolbar-error" role="alert">
          {imageText(editing ? 'noEditModels' : 'noImageModels', { provider })}
        </span>
      ) : null}
    </div>
  );
}

export function ImageComposer({ chat }: { chat: ChatModel }) {
  const choice = choiceFor(chat);
  const prompt = useSignal('');
  const size = useSignal('');
  const count = useSignal(1);
  const problem = useSignal('');
  const preparing = useSignal(false);
  const fileInput = useRef<HTMLInputElement>(null);
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
        <div class="attachments">
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
          {preparing.value ? (
            <span class="attachment attachment-busy">{imageText('preparing')}</span>
          ) : null}
        </div>
      ) : null}
      {problem.value ? (
        <p class="status-error composer-problem" role="alert">
          {problem.value}
        </p>
      ) : null}
      <ModelOptions chat={chat} choice={choice} editing={editing} size={size} count={count} />
      <div class="composer-row">
        {canAddSource ? (
          <button
            type="button"
            class="btn icon-btn"
            aria-label={editing ? imageText('addReference') : imageText('addSource')}
            title={editing ? imageText('addReference') : imageText('addSource')}
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="plus" />
          </button>
        ) : null}
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          onChange={(event) => {
            const files = event.currentTarget.files;
            if (files) void addSources([...files]);
            event.currentTarget.value = '';
          }}
        />
        <label class="sr-only" for="image-prompt">
          {imageText('promptLabel')}
        </label>
        <textarea
          id="image-prompt"
          ref={box}
          rows={2}
          placeholder={editing ? imageText('editPlaceholder') : imageText('promptPlaceholder')}
          value={prompt.value}
          onInput={(event) => {
            prompt.value = event.currentTarget.value;
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
            {imageText('stop')}
          </button>
        ) : (
          <button type="submit" class="btn btn-primary" disabled={preparing.value || !model}>
            {editing ? imageText('edit') : imageText('make')}
          </button>
        )}
      </div>
    </form>
  );
}
