/**
 * The image models the provider offers, split into makers and editors (lib/models/image-models.ts),
 * with the person's corrections and hidden models from Settings, and the choice of each,
 * remembered across panels.
 */
import { batch, computed, signal } from '@preact/signals';
import { ApiError } from '../api/errors';
import { rememberedEditModel, rememberedImageModel } from '../config/image-memory';
import { imageText } from '../i18n/messages/images';
import { describeModels } from '../models';
import { chooseImageModel, type ImageModels, imageModelsOf } from '../models/image-models';
import { rulesFor } from '../models/picker';
import { NO_CHOICES, withCorrections } from '../models/preferences';
import { modelPreferences } from '../models/stored';

export function createImageModelChoice(
  fetchModelIds: () => Promise<unknown>,
  provider: () => { id: string } | undefined,
) {
  const models = signal<ImageModels>({ generate: [], edit: [] });
  const state = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = signal('');
  const generateModel = signal<string | undefined>(undefined);
  const editModel = signal<string | undefined>(undefined);
  let request: Promise<void> | null = null;

  async function fetchModels(): Promise<void> {
    state.value = 'loading';
    error.value = '';
    try {
      const id = provider()?.id;
      const choices = (await modelPreferences.getValue())[id ?? ''] ?? NO_CHOICES;
      const hidden = new Set(choices.hidden);
      const offered = withCorrections(describeModels(await fetchModelIds(), rulesFor(id)), choices);
      const split = imageModelsOf(offered.filter((model) => !hidden.has(model.id)));
      const [generate, edit] = await Promise.all([
        rememberedImageModel.getValue(),
        rememberedEditModel.getValue(),
      ]);
      batch(() => {
        models.value = split;
        generateModel.value = chooseImageModel(split.generate, generate);
        editModel.value = chooseImageModel(split.edit, edit);
        state.value = 'ready';
      });
    } catch (cause) {
      state.value = 'error';
      error.value = cause instanceof ApiError ? cause.message : imageText('modelsFailed');
    }
  }

  return {
    models,
    state,
    error,
    generateModel,
    editModel,
    ready: computed(() => state.value === 'ready'),
    /** Asks for the model list once, however many callers want it at the same time. */
    load(): Promise<void> {
      request ??= fetchModels().finally(() => {
        request = null;
      });
      return request;
    },
    selectGenerate(id: string): void {
      generateModel.value = id;
      void rememberedImageModel.setValue(id);
    },
    selectEdit(id: string): void {
      editModel.value = id;
      void rememberedEditModel.setValue(id);
    },
  };
}

export type ImageModelChoice = ReturnType<typeof createImageModelChoice>;
