import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';

export function ModelPicker({ chat }: { chat: ChatModel }) {
  const state = chat.modelsState.value;
  return (
    <div class="toolbar">
      <label for="model-picker" class="toolbar-label">
        {panelText('model')}
      </label>
      <select
        id="model-picker"
        value={chat.model.value ?? ''}
        disabled={state !== 'ready' || chat.models.value.length === 0}
        onChange={(event) => chat.selectModel(event.currentTarget.value)}
      >
        {state === 'loading' ? <option value="">{panelText('loadingModels')}</option> : null}
        {chat.models.value.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      {chat.modelsError.value ? (
        <span class="toolbar-error" role="alert">
          {chat.modelsError.value}{' '}
          <button type="button" class="btn-inline" onClick={chat.loadModels}>
            {panelText('tryAgain')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
