import { describe, expect, it } from 'vitest';
import {
  type CatalogueRules,
  chooseModel,
  describeModels,
  idsOfKind,
  type ModelKind,
} from '../../lib/models';

const AIPASS: CatalogueRules = { unknownIds: 'other' };

/** Ids as real catalogues list them, with what each is for. */
const CATALOGUE_IDS: ReadonlyArray<[string, ModelKind]> = [
  // AI Pass (LiteLLM behind it)
  ['gpt-4o-mini', 'chat'],
  ['gpt-5', 'chat'],
  ['gpt-5-mini', 'chat'],
  ['claude-sonnet-4-5', 'chat'],
  ['claude-haiku-4-5', 'chat'],
  ['gemini/gemini-2.5-flash', 'chat'],
  ['gemini/gemini-2.5-flash-lite', 'chat'],
  ['tts-1', 'speech'],
  ['gpt-4o-mini-tts', 'speech'],
  ['whisper-1', 'transcription'],
  ['text-embedding-3-small', 'embedding'],
  ['fal_ai/flux/dev', 'image'],
  ['flux/dev', 'image'],
  ['fal_ai/flux-kontext/dev/edit', 'image'],
  ['flux-kontext/dev/edit', 'image'],
  ['dall-e-3', 'image'],
  ['veo-3', 'video'],
  ['sora-2', 'video'],
  // OpenAI
  ['gpt-4.1-nano', 'chat'],
  ['gpt-4o-2024-08-06', 'chat'],
  ['gpt-4o-audio-preview', 'chat'],
  ['chatgpt-4o-latest', 'chat'],
  ['o1', 'chat'],
  ['o3-mini', 'chat'],
  ['o4-mini', 'chat'],
  ['gpt-4o-transcribe', 'transcription'],
  ['gpt-4o-mini-transcribe', 'transcription'],
  ['tts-1-hd', 'speech'],
  ['gpt-image-1', 'image'],
  ['dall-e-2', 'image'],
  ['text-embedding-3-large', 'embedding'],
  ['text-embedding-ada-002', 'embedding'],
  ['omni-moderation-latest', 'other'],
  ['gpt-4o-realtime-preview', 'other'],
  ['babbage-002', 'other'],
  ['davinci-002', 'other'],
  ['sora-2-pro', 'video'],
  // OpenRouter
  ['openai/gpt-4o-mini', 'chat'],
  ['anthropic/claude-3.5-haiku', 'chat'],
  ['meta-llama/llama-3.3-70b-instruct', 'chat'],
  ['mistralai/mistral-small-3.1-24b-instruct', 'chat'],
  ['google/gemini-2.5-flash-image-preview', 'image'],
  ['deepseek/deepseek-chat-v3.1', 'chat'],
  ['qwen/qwen3-235b-a22b', 'chat'],
  ['x-ai/grok-4', 'chat'],
  ['cohere/command-r-plus', 'chat'],
  ['perplexity/sonar-pro', 'chat'],
  ['moonshotai/kimi-k2', 'chat'],
  ['openai/text-embedding-3-small', 'embedding'],
  ['openai/whisper-1', 'transcription'],
  ['openai/tts-1', 'speech'],
  ['openai/dall-e-3', 'image'],
  ['meta-llama/llama-guard-4-12b', 'other'],
  // LiteLLM proxies
  ['azure/gpt-4o', 'chat'],
  ['bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', 'chat'],
  ['vertex_ai/gemini-1.5-pro', 'chat'],
  ['vertex_ai/imagen-3.0-generate-001', 'image'],
  ['groq/llama-3.1-8b-instant', 'chat'],
  ['groq/whisper-large-v3', 'transcription'],
  ['ollama/nomic-embed-text', 'embedding'],
  ['cohere/rerank-english-v3.0', 'other'],
  ['mistral/mistral-embed', 'embedding'],
  ['elevenlabs/eleven_multilingual_v2', 'speech'],
  // Together
  ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'chat'],
  ['Qwen/Qwen2.5-VL-72B-Instruct', 'chat'],
  ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'chat'],
  ['deepseek-ai/DeepSeek-R1', 'chat'],
  ['black-forest-labs/FLUX.1-schnell', 'image'],
  ['stabilityai/stable-diffusion-xl-base-1.0', 'image'],
  ['BAAI/bge-large-en-v1.5', 'embedding'],
  ['intfloat/e5-mistral-7b-instruct', 'embedding'],
  ['togethercomputer/m2-bert-80M-8k-retrieval', 'embedding'],
  ['cartesia/sonic-2', 'speech'],
  ['openai/whisper-large-v3', 'transcription'],
  ['meta-llama/Meta-Llama-Guard-3-8B', 'other'],
  ['Salesforce/Llama-Rank-V1', 'other'],
];

describe('model kinds from names', () => {
  it('covers a real catalogue of at least 60 ids', () => {
    expect(CATALOGUE_IDS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CATALOGUE_IDS)('classifies %s as %s', (id, kind) => {
    expect(describeModels([id])).toEqual([{ id, kind }]);
  });

  it('offers an unknown id as chat on another gateway, and leaves it out on AI Pass', () => {
    expect(describeModels(['acme/wonder-7b'])[0]?.kind).toBe('chat');
    expect(describeModels(['acme/wonder-7b'], AIPASS)[0]?.kind).toBe('other');
    expect(describeModels(['gpt-5'], AIPASS)[0]?.kind).toBe('chat');
  });

  it("names the vendor from OpenAI's owned_by when the id omits it", () => {
    expect(
      describeModels({
        object: 'list',
        data: [{ id: 'dev', object: 'model', owned_by: 'fal_ai' }],
      }),
    ).toEqual([{ id: 'dev', kind: 'image' }]);
  });
});

describe('model kinds from what the gateway says', () => {
  it("reads OpenRouter's architecture, vision included", () => {
    const models = describeModels({
      data: [
        {
          id: 'openai/gpt-4o-mini',
          architecture: {
            input_modalities: ['text', 'image', 'file'],
            output_modalities: ['text'],
          },
        },
        {
          id: 'meta-llama/llama-3.3-70b-instruct',
          architecture: { input_modalities: ['text'], output_modalities: ['text'] },
        },
        {
          id: 'google/gemini-2.5-flash-image-preview',
          architecture: {
            input_modalities: ['image', 'text'],
            output_modalities: ['image', 'text'],
          },
        },
        // A name that looks like chat, but the gateway says it only draws.
        {
          id: 'acme/gpt-painter',
          architecture: { input_modalities: ['text'], output_modalities: ['image'] },
        },
        { id: 'old/style', architecture: { modality: 'text+image->text' } },
      ],
    });
    expect(models).toEqual([
      { id: 'openai/gpt-4o-mini', kind: 'vision', seesImages: true },
      { id: 'meta-llama/llama-3.3-70b-instruct', kind: 'chat', seesImages: false },
      { id: 'google/gemini-2.5-flash-image-preview', kind: 'vision', seesImages: true },
      { id: 'acme/gpt-painter', kind: 'image' },
      { id: 'old/style', kind: 'vision', seesImages: true },
    ]);
  });

  it("reads LiteLLM's mode, at the top or inside model_info", () => {
    expect(
      describeModels({
        data: [
          { model_name: 'my-embedder', model_info: { mode: 'embedding' } },
          { model_name: 'house-chat', model_info: { mode: 'chat', supports_vision: false } },
          { id: 'voice', mode: 'audio_speech' },
          { id: 'ears', mode: 'audio_transcription' },
          { id: 'painter', mode: 'image_generation' },
        ],
      }),
    ).toEqual([
      { id: 'my-embedder', kind: 'embedding' },
      { id: 'house-chat', kind: 'chat', seesImages: false },
      { id: 'voice', kind: 'speech' },
      { id: 'ears', kind: 'transcription' },
      { id: 'painter', kind: 'image' },
    ]);
  });

  it('reads how many tokens a model takes where the gateway says, and ignores nonsense', () => {
    const models = describeModels({
      data: [
        // OpenRouter: `context_length`, or only under `top_provider`.
        {
          id: 'anthropic/claude-3.5-haiku',
          context_length: 200_000,
          architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
        },
        { id: 'acme/small', top_provider: { context_length: 4_096 } },
        // LiteLLM: `max_input_tokens` before `max_tokens`, also inside `model_info`.
        {
          model_name: 'house-chat',
          model_info: { mode: 'chat', max_input_tokens: 128_000, max_tokens: 16_384 },
        },
        { model_name: 'old-chat', model_info: { mode: 'chat', max_tokens: 8_192 } },
        // Groq.
        { id: 'llama-3.1-8b-instant', context_window: 131_072 },
        // OpenAI: nothing said.
        { id: 'gpt-4o-mini', object: 'model', owned_by: 'openai' },
        // Not a size: a string, a fraction, too small, absurdly large.
        { id: 'acme/a', context_length: '8192' },
        { id: 'acme/b', context_length: 4_096.5 },
        { id: 'acme/c', context_length: 12 },
        { id: 'acme/d', context_length: 1e12 },
      ],
    });
    expect(Object.fromEntries(models.map((model) => [model.id, model.contextTokens]))).toEqual({
      'anthropic/claude-3.5-haiku': 200_000,
      'acme/small': 4_096,
      'house-chat': 128_000,
      'old-chat': 8_192,
      'llama-3.1-8b-instant': 131_072,
      'gpt-4o-mini': undefined,
      'acme/a': undefined,
      'acme/b': undefined,
      'acme/c': undefined,
      'acme/d': undefined,
    });
    expect(models[0]).toEqual({
      id: 'anthropic/claude-3.5-haiku',
      kind: 'vision',
      seesImages: true,
      contextTokens: 200_000,
    });
  });

  it("reads Together's type and a capabilities list or flag object", () => {
    expect(
      describeModels([
        { id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', type: 'chat' },
        { id: 'togethercomputer/m2-bert-80M-8k-retrieval', type: 'embedding' },
        { id: 'cartesia/sonic-2', type: 'audio' },
        { id: 'llava', capabilities: ['completion', 'vision'] },
        { id: 'mistral-small', capabilities: { completion_chat: true, vision: false } },
      ]),
    ).toEqual([
      { id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', kind: 'chat' },
      { id: 'togethercomputer/m2-bert-80M-8k-retrieval', kind: 'embedding' },
      { id: 'cartesia/sonic-2', kind: 'speech' },
      { id: 'llava', kind: 'vision', seesImages: true },
      { id: 'mistral-small', kind: 'chat', seesImages: false },
    ]);
  });

  it('falls back to the name when the capability data is not understood', () => {
    expect(
      describeModels([{ id: 'openai/tts-1', architecture: { tokenizer: 'GPT' }, type: 42 }]),
    ).toEqual([{ id: 'openai/tts-1', kind: 'speech' }]);
  });
});

describe('model lists', () => {
  it('accepts a plain array of ids and the OpenAI list shape, once each', () => {
    expect(idsOfKind(describeModels(['gpt-5', 'claude-sonnet-4-5', 'gpt-5']), 'chat')).toEqual([
      'gpt-5',
      'claude-sonnet-4-5',
    ]);
    expect(
      describeModels({ object: 'list', data: [{ id: 'gpt-5' }, { id: 'tts-1' }, { nope: 1 }] }),
    ).toEqual([
      { id: 'gpt-5', kind: 'chat' },
      { id: 'tts-1', kind: 'speech' },
    ]);
    expect(describeModels({ error: 'x' })).toEqual([]);
    expect(describeModels(null)).toEqual([]);
    expect(describeModels([42, '', '  ', null])).toEqual([]);
  });

  it('keeps the remembered model while offered and falls back cleanly when it disappears', () => {
    const offered = ['gpt-5', 'gpt-4o-mini', 'claude-sonnet-4-5'];
    expect(chooseModel(offered, 'claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
    expect(chooseModel(offered, 'gone-model')).toBe('gpt-4o-mini');
    expect(chooseModel(['gpt-5'], null)).toBe('gpt-5');
    expect(chooseModel([], 'gpt-5')).toBeUndefined();
  });
});
