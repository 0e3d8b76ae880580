/**
 * What a gateway's models can do. The gateway's own words come first: OpenRouter's
 * `architecture`, LiteLLM's `mode`, a `type` or `capabilities` field. Without them, ids are
 * classified by name, matched by pattern anywhere after a vendor prefix (`openai/`, `fal_ai/`),
 * never compared whole: a prefix may come and go.
 */

import { contextTokensFromMetadata } from './models/context-size';
import type { ModelInfo, ModelKind } from './models/kind';
import { kindFromMetadata } from './models/metadata';
import { classifyByName } from './models/names';

export { MODEL_KINDS, type ModelInfo, type ModelKind } from './models/kind';

/** Where names alone decide: AI Pass's catalogue is known, so an id it does not match is left out. */
export interface CatalogueRules {
  /** What an id that matches no known pattern is: `chat` for gateways whose naming is unknown. */
  unknownIds: 'chat' | 'other';
}

export const GATEWAY_RULES: CatalogueRules = { unknownIds: 'chat' };

/** More entries than any real catalogue has: what a gateway sends beyond it is ignored. */
const MAX_MODELS = 5000;

/**
 * `GET /models` as any gateway answers it: a JSON array of ids (AI Pass), an OpenAI list
 * `{data:[{id, object, owned_by}]}`, OpenRouter's entries with `architecture`, LiteLLM's
 * `{data:[{model_name, model_info:{mode}}]}`, or Together's bare array of `{id, type}`.
 */
export function describeModels(body: unknown, rules: CatalogueRules = GATEWAY_RULES): ModelInfo[] {
  const entries = listEntries(body).slice(0, MAX_MODELS);
  const seen = new Set<string>();
  const models: ModelInfo[] = [];
  for (const entry of entries) {
    const id = idOf(entry);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const metadata = typeof entry === 'object' && entry !== null ? entry : {};
    const contextTokens = contextTokensFromMetadata(metadata);
    models.push({
      id,
      ...(kindFromMetadata(metadata) ?? nameOnly(id, metadata, rules)),
      ...(contextTokens === undefined ? {} : { contextTokens }),
    });
  }
  return models;
}

function listEntries(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data : [];
}

function idOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.trim() || undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  const id = record.id ?? record.model_name ?? record.name;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** OpenAI's `owned_by` names the vendor the id omits: `fal_ai` and `flux-dev` make an image model. */
function nameOnly(
  id: string,
  metadata: object,
  rules: CatalogueRules,
): Pick<ModelInfo, 'kind' | 'seesImages'> {
  const owner = (metadata as { owned_by?: unknown }).owned_by;
  const name = typeof owner === 'string' && !id.includes('/') ? `${owner}/${id}` : id;
  return { kind: classifyByName(name) ?? rules.unknownIds };
}

/** The ids of the models of one kind, in the gateway's order. */
export function idsOfKind(models: ModelInfo[], kind: ModelKind): string[] {
  return models.filter((model) => model.kind === kind).map((model) => model.id);
}

export function isChatKind(kind: ModelKind): boolean {
  return kind === 'chat' || kind === 'vision';
}

/** Small, fast models make a sensible first choice when the person has not picked one. */
const QUICK_MODEL = /mini|flash|haiku|nano/;

/** The remembered model while it is still offered; otherwise a quick one, otherwise the first. */
export function chooseModel(available: string[], remembered: string | null): string | undefined {
  if (remembered && available.includes(remembered)) return remembered;
  return available.find((id) => QUICK_MODEL.test(id)) ?? available[0];
}
