/**
 * The image composer's settings: which model makes (or, with a picture to change, edits), and the
 * size and number of pictures where that model takes them. A model list that failed to load, or
 * has nothing to offer, says so here with a way to try again.
 */
import { providerNameOf } from '../../lib/auth/status';
import { imageText } from '../../lib/i18n/messages/images';
import type { ImageModelChoice } from '../../lib/images/image-model-choice';
import { imageOptionsFor } from '../../lib/models/image-models';
import type { ChatModel } from './chat-model';

export function ImageModelOptions({
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
