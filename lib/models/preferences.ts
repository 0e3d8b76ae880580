/**
 * The person's word on a provider's models: which ones the picker leaves out and which ones
 * Passlight classified wrongly. Kept per provider, since ids mean different things elsewhere.
 */
import type { ModelInfo, ModelKind } from './kind';

export interface ModelChoices {
  /** Ids left out of the side panel's picker. */
  hidden: string[];
  /** Kinds the person set by hand, by id. */
  kinds: Record<string, ModelKind>;
}

/** Every provider's choices, by provider id. */
export type ModelPreferences = Record<string, ModelChoices>;

export const NO_CHOICES: ModelChoices = { hidden: [], kinds: {} };

/** The catalogue with the person's corrections: a kind set by hand says whether images may go. */
export function withCorrections(models: ModelInfo[], choices: ModelChoices): ModelInfo[] {
  return models.map((model) => {
    const kind = choices.kinds[model.id];
    if (!kind || kind === model.kind) return model;
    if (kind === 'vision') return { id: model.id, kind, seesImages: true };
    if (kind === 'chat') return { id: model.id, kind, seesImages: false };
    return { id: model.id, kind };
  });
}

/** The chat models to offer in the picker: corrected, and without the hidden ones. */
export function pickerModels(models: ModelInfo[], choices: ModelChoices): ModelInfo[] {
  const hidden = new Set(choices.hidden);
  return withCorrections(models, choices).filter(
    (model) => (model.kind === 'chat' || model.kind === 'vision') && !hidden.has(model.id),
  );
}

/** One provider's choices changed by `change`, the others kept. */
export function updateChoices(
  preferences: ModelPreferences,
  providerId: string,
  change: (choices: ModelChoices) => ModelChoices,
): ModelPreferences {
  return { ...preferences, [providerId]: change(preferences[providerId] ?? NO_CHOICES) };
}

export function setHidden(choices: ModelChoices, id: string, hidden: boolean): ModelChoices {
  const others = choices.hidden.filter((hiddenId) => hiddenId !== id);
  return { ...choices, hidden: hidden ? [...others, id] : others };
}

/** Sets a model's kind by hand; setting it back to what Passlight found drops the correction. */
export function setKind(choices: ModelChoices, model: ModelInfo, kind: ModelKind): ModelChoices {
  const { [model.id]: _previous, ...kinds } = choices.kinds;
  return { ...choices, kinds: kind === model.kind ? kinds : { ...kinds, [model.id]: kind } };
}
