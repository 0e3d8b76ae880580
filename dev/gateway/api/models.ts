/**
 * The model catalogs and `GET /models`, `GET /models/{id}`. AI Pass's follows its own id
 * conventions; the vendor catalog is listed the way multi-vendor gateways list theirs
 * (`openai/gpt-4o-mini`), with OpenRouter's `architecture` data or with bare ids.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import type { ModelsShape } from '../options';
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
  /** A chat model that reads text only refuses images, as OpenRouter does. */
  textOnly?: boolean;
  /** Tokens a chat model reads, prompt and answer together; listed as OpenRouter lists it. */
  contextLength?: number;
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

/** As OpenRouter lists them: `vendor/model`, a chat model that reads text only among them. */
export const VENDOR_CATALOG: readonly ModelEntry[] = Object.freeze([
  { id: 'openai/gpt-4o-mini', kind: 'chat', ownedBy: 'openai', contextLength: 128_000 },
  { id: 'anthropic/claude-3.5-haiku', kind: 'chat', ownedBy: 'anthropic', contextLength: 200_000 },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    kind: 'chat',
    ownedBy: 'meta-llama',
    textOnly: true,
    contextLength: 131_072,
  },
  { id: 'mistralai/mistral-small-3.1', kind: 'chat', ownedBy: 'mistralai', contextLength: 128_000 },
  { id: 'openai/text-embedding-3-small', kind: 'embedding', ownedBy: 'openai' },
  { id: 'openai/tts-1', kind: 'speech', ownedBy: 'openai' },
]);

/** Any model either catalog lists: calls accept both, whatever the list shows. */
export function findModel(modelId: string): ModelEntry | undefined {
  return (
    MODEL_CATALOG.find((entry) => entry.id === modelId) ??
    VENDOR_CATALOG.find((entry) => entry.id === modelId)
  );
}

/**
 * The model named in a call, which must exist and be of a kind the endpoint serves. Unknown ids
 * get LiteLLM's exact message.
 */
export function requireModel(modelId: unknown, kinds: ModelKind[], endpoint: string): ModelEntry {
  if (typeof modelId !== 'string' || modelId === '') throw invalidRequest('model is required.');
  const model = findModel(modelId);
  if (!model) throw invalidRequest(`Invalid model name passed in model=${modelId}`);
  if (!kinds.includes(model.kind)) {
    throw invalidRequest(`Model ${modelId} (${model.kind}) cannot be used with ${endpoint}.`);
  }
  return model;
}

function modelObject(model: ModelEntry) {
  return { id: model.id, object: 'model', created: CATALOG_CREATED, owned_by: model.ownedBy };
}

const MODALITIES: Record<ModelKind, { input: string[]; output: string[] }> = {
  chat: { input: ['text', 'image'], output: ['text'] },
  'image-generation': { input: ['text'], output: ['image'] },
  'image-edit': { input: ['text', 'image'], output: ['image'] },
  speech: { input: ['text'], output: ['audio'] },
  transcription: { input: ['audio'], output: ['text'] },
  embedding: { input: ['text'], output: ['embeddings'] },
  video: { input: ['text'], output: ['video'] },
};

/** OpenRouter's entry: `architecture` says what goes in and what comes out. */
function openRouterObject(model: ModelEntry, contextLengthOverride: number | null) {
  const { input, output } = MODALITIES[model.kind];
  const contextLength = contextLengthOf(model, contextLengthOverride);
  return {
    id: model.id,
    name: model.id,
    created: CATALOG_CREATED,
    ...(contextLength === undefined ? {} : { context_length: contextLength }),
    architecture: {
      input_modalities: model.textOnly ? ['text'] : input,
      output_modalities: output,
      tokenizer: 'Other',
    },
  };
}

/** What a chat model reads at most: the override the test harness set, or its own. */
export function contextLengthOf(
  model: ModelEntry,
  contextLengthOverride: number | null,
): number | undefined {
  if (model.kind !== 'chat') return undefined;
  return contextLengthOverride ?? model.contextLength;
}

function modelList(shape: ModelsShape, contextLengthOverride: number | null) {
  switch (shape) {
    case 'array':
      return MODEL_CATALOG.map((model) => model.id);
    case 'openai':
      return { object: 'list', data: MODEL_CATALOG.map(modelObject) };
    case 'openrouter':
      return {
        data: VENDOR_CATALOG.map((model) => openRouterObject(model, contextLengthOverride)),
      };
    case 'vendor-ids':
      return { object: 'list', data: VENDOR_CATALOG.map((model) => ({ id: model.id })) };
  }
}

export function registerModelRoutes(api: FastifyInstance, ctx: GatewayContext): void {
  api.get('/models', async (request) => {
    await requireApiAccess(ctx, request);
    const { modelsShape, contextLengthOverride } = ctx.state.settings;
    return modelList(modelsShape, contextLengthOverride);
  });

  // Ids contain slashes (`fal_ai/flux/dev`), so the rest of the path is the id.
  api.get<{ Params: { '*': string } }>('/models/*', async (request) => {
    await requireApiAccess(ctx, request);
    const modelId = request.params['*'];
    const model = findModel(modelId);
    if (!model) throw invalidRequest(`Invalid model name passed in model=${modelId}`);
    return modelObject(model);
  });
}
