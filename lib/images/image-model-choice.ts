/**
 * The image models the provider offers, split into makers and editors (lib/models/image-models.ts),
 * with the person's corrections and hidden models from Settings, and the choice of each,
 * remembered across panels.
 */
import { rememberedEditModel, rememberedImageModel } from '../config/image-memory';
import { imageText } from '../i18n/messages/images';
import { describeModels } from '../models';
import { chooseImageModel, type ImageModels, imageModelsOf } from '../models/image-models';
import { rulesFor } from '../models/picker';
import { NO_CHOICES, withCorrections } from '../models/preferences';
import { createModelSelection } from '../models/selection';
import { modelPreferences } from '../models/stored';

export function createImageModelChoice(
  fetchModelIds: () => Promise<unknown>,
  provider: () => { id: string } | undefined,
) {
  const selection = createModelSelection({
    none: { generate: [], edit: [] } as ImageModels,
    fetchOffer: async () => {
      const id = provider()?.id;
      const choices = (await modelPreferences.getValue())[id ?? ''] ?? NO_CHOICES;
      const hidden = new Set(choices.hidden);
      const offered = withCorrections(describeModels(await fetchModelIds(), rulesFor(id)), choices);
      return imageModelsOf(offered.filter((model) => !hidden.has(model.id)));
    },
    uses: {
      generate: {
        remembered: rememberedImageModel,
        choose: (models, remembered) => chooseImageModel(models.generate, remembered),
      },
      edit: {
        remembered: rememberedEditModel,
        choose: (models, remembered) => chooseImageModel(models.edit, remembered),
      },
    },
    failedText: () => imageText('modelsFailed'),
  });
  return {
    ...selection,
    generateModel: selection.chosen.generate,
    editModel: selection.chosen.edit,
    selectGenerate: (id: string) => selection.select('generate', id),
    selectEdit: (id: string) => selection.select('edit', id),
  };
}

export type ImageModelChoice = ReturnType<typeof createImageModelChoice>;
