/** The chat models the provider offers and the one chosen, remembered across panels. */
import { rememberedModel } from '../config/side-panel-memory';
import { chatErrorText } from '../i18n/messages/chat-errors';
import { chooseModel } from '../models';
import { pickerModelIds } from '../models/picker';
import { createModelSelection } from '../models/selection';

export function createModelChoice(
  fetchModelIds: () => Promise<unknown>,
  provider: () => { id: string; name: string } | undefined,
  providerName: () => string,
) {
  const selection = createModelSelection({
    none: [] as string[],
    fetchOffer: async () => pickerModelIds(await fetchModelIds(), provider()),
    uses: { chat: { remembered: rememberedModel, choose: chooseModel } },
    failedText: () => chatErrorText('modelsNotLoaded'),
    emptyText: (ids) =>
      ids.length === 0 ? `${providerName()} offers no chat model right now.` : '',
  });
  return {
    ...selection,
    model: selection.chosen.chat,
    select: (id: string) => selection.select('chat', id),
  };
}

export type ModelChoice = ReturnType<typeof createModelChoice>;
