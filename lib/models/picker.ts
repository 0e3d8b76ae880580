/**
 * What the side panel's model picker offers for the provider in use, and whether a model may be
 * sent images. The panel calls these; the catalogue it last loaded is kept here for the check.
 */
import { ApiError } from '../api/errors';
import { AIPASS_REDIRECT_PATH } from '../auth/redirect-uri';
import { modelsText } from '../i18n/messages/models';
import { type CatalogueRules, describeModels, GATEWAY_RULES } from '../models';
import type { ModelInfo } from './kind';
import { NO_CHOICES, pickerModels } from './preferences';
import { modelPreferences } from './stored';

/** AI Pass's catalogue follows known names: an id they do not cover is not offered as chat. */
export function rulesFor(providerId: string | undefined): CatalogueRules {
  return providerId === AIPASS_REDIRECT_PATH ? { unknownIds: 'other' } : GATEWAY_RULES;
}

/** This page's last picker catalogue, by id: what `assertSeesImages` and `contextTokensOf` know. */
let offered = new Map<string, ModelInfo>();

/** The ids the picker offers, from a `GET /models` body and the person's choices for the provider. */
export async function pickerModelIds(
  body: unknown,
  provider: { id: string } | undefined,
): Promise<string[]> {
  const choices = (await modelPreferences.getValue())[provider?.id ?? ''] ?? NO_CHOICES;
  const models = pickerModels(describeModels(body, rulesFor(provider?.id)), choices);
  offered = new Map(models.map((model) => [model.id, model]));
  return models.map((model) => model.id);
}

/** How many tokens `modelId` reads, when the gateway's catalogue said. */
export function contextTokensOf(modelId: string | undefined): number | undefined {
  return modelId === undefined ? undefined : offered.get(modelId)?.contextTokens;
}

/**
 * Refuses, before anything is sent, a conversation with images for a model known to read text
 * only, and names the models that can see them.
 */
export function assertSeesImages(modelId: string, messages: Array<{ images: string[] }>): void {
  if (!messages.some((message) => message.images.length > 0)) return;
  if (offered.get(modelId)?.seesImages !== false) return;
  const seeing = [...offered.values()].filter((model) => model.seesImages === true);
  const others = seeing
    .slice(0, 3)
    .map((model) => model.id)
    .join(modelsText('or'));
  throw new ApiError(
    'model-unavailable',
    others
      ? modelsText('textOnly', { model: modelId, others })
      : modelsText('textOnlyNoOther', { model: modelId }),
  );
}
