/** The chat models the provider offers and the one chosen, remembered across panels. */
import { batch, signal } from '@preact/signals';
import { ApiError } from '../api/errors';
import { rememberedModel } from '../config/side-panel-memory';
import { chatErrorText } from '../i18n/messages/chat-errors';
import { chooseModel } from '../models';
import { pickerModelIds } from '../models/picker';

export function createModelChoice(
  fetchModelIds: () => Promise<unknown>,
  provider: () => { id: string; name: string } | undefined,
  providerName: () => string,
) {
  const models = signal<string[]>([]);
  const state = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = signal('');
  const model = signal<string | undefined>(undefined);
  let request: Promise<void> | null = null;

  async function fetchModels(): Promise<void> {
    state.value = 'loading';
    error.value = '';
    try {
      const chat = await pickerModelIds(await fetchModelIds(), provider());
      const chosen = chooseModel(chat, await rememberedModel.getValue());
      batch(() => {
        models.value = chat;
        model.value = chosen;
        state.value = 'ready';
      });
      if (chat.length === 0) error.value = `${providerName()} offers no chat model right now.`;
    } catch (cause) {
      state.value = 'error';
      error.value = cause instanceof ApiError ? cause.message : chatErrorText('modelsNotLoaded');
    }
  }

  return {
    models,
    state,
    error,
    model,
    /** Asks for the model list once, however many callers want it at the same time. */
    load(): Promise<void> {
      request ??= fetchModels().finally(() => {
        request = null;
      });
      return request;
    },
    select(id: string): void {
      model.value = id;
      void rememberedModel.setValue(id);
    },
  };
}

export type ModelChoice = ReturnType<typeof createModelChoice>;
