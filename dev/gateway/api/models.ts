/**
 * The model catalog, following AI Pass's id conventions, and `GET /models`, `GET /models/{id}`.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { requireApiAccess } from './access';
import { invalidRequest } from './errors';

export type ModelKind =
  | 'chat'
  | 'image-generation'
  | 'image-edit'
  | 'speech'
  | 'transcription'
  | 'embedding'
  | 'video';

export interface ModelEntry {
  id: string;
  kind: ModelKind;
  ownedBy: string;
}

/** A fixed Unix time for `created`, so answers are deterministic. */
const CATALOG_CREATED = 1_735_689_600;

export const MODEL_CATALOG: readonly ModelEntry[] = Object.freeze([
  { id: 'gpt-4o-mini', kind: 'chat', ownedBy: 'openai' },
  { id: 'gpt-4o', kind: 'chat', ownedBy: 'openai' },
  { id: 'gpt-5', kind: 'chat', ownedBy: 'openai' },
  { id: 'gpt-5-mini', kind: 'chat', ownedBy: 'openai' },
  { id: 'claude-sonnet-4-5', kind: 'chat', ownedBy: 'anthropic' },
  { id: 'claude-haiku-4-5', kind: 'chat', ownedBy: 'anthropic' },
  { id: 'gemini/gemini-2.5-flash', kind: 'chat', ownedBy: 'google' },
  { id: 'gemini/gemini-2.5-flash-lite', kind: 'chat', ownedBy: 'google' },
  { id: 'tts-1', kind: 'speech', ownedBy: 'openai' },
  { id: 'gpt-4o-mini-tts', kind: 'speech', ownedBy: 'openai' },
  { id: 'whisper-1', kind: 'transcription', ownedBy: 'openai' },
  { id: 'text-embedding-3-small', kind: 'embedding', ownedBy: 'openai' },
  { id: 'fal_ai/flux/dev', kind: 'image-generation', ownedBy: 'fal_ai' },
  { id: 'dall-e-3', kind: 'image-generation', ownedBy: 'openai' },
  { id: 'fal_ai/flux-kontext/dev/edit', kind: 'image-edit', ownedBy: 'fal_ai' },
  { id: 'veo-3', kind: 'video', ownedBy: 'google' },
  { id: 'sora-2', kind: 'video', ownedBy: 'openai' },
]);

/**
 * The model named in a call, which must exist and be of a kind the endpoint serves. Unknown ids
 * get LiteLLM's exact message.
 */
export function requireModel(modelId: unknown, kinds: ModelKind[], endpoint: string): ModelEntry {
  if (typeof modelId !== 'string' || modelId === '') throw invalidRequest('model is required.');
  const model = MODEL_CATALOG.find((entry) => entry.id === modelId);
  if (!model) throw invalidRequest(`Invalid model name passed in model=${modelId}`);
  if (!kinds.includes(model.kind)) {
    throw invalidRequest(`Model ${modelId} (${model.kind}) cannot be used with ${endpoint}.`);
  }
  return model;
}

function modelObject(model: ModelEntry) {
  return { id: model.id, object: 'model', created: CATALOG_CREATED, owned_by: model.ownedBy };
}

export function registerModelRoutes(api: FastifyInstance, ctx: GatewayContext): void {
  api.get('/models', async (request) => {
    await requireApiAccess(ctx, request);
    if (ctx.state.settings.modelsShape === 'array') return MODEL_CATALOG.map((model) => model.id);
    return { object: 'list', data: MODEL_CATALOG.map(modelObject) };
  });

  // Ids contain slashes (`fal_ai/flux/dev`), so the rest of the path is the id.
  api.get<{ Params: { '*': string } }>('/models/*', async (request) => {
    await requireApiAccess(ctx, request);
    const modelId = request.params['*'];
    const model = MODEL_CATALOG.find((entry) => entry.id === modelId);
    if (!model) throw invalidRequest(`Invalid model name passed in model=${modelId}`);
    return modelObject(model);
  });
}
