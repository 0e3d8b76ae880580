/**
 * A model's kind from what the gateway says about it, in the shapes multi-vendor gateways use:
 * OpenRouter's `architecture.input_modalities`/`output_modalities` (or its `modality` string
 * `text+image->text`), LiteLLM's `mode` and `supports_vision` (also inside `model_info`),
 * Together's `type`, and a `capabilities` list or flag object (Mistral, Ollama).
 */
import type { ModelInfo, ModelKind } from './kind';

type Facts = Pick<ModelInfo, 'kind' | 'seesImages'>;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function words(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string').map((w) => w.toLowerCase())
    : [];
}

/** What the gateway says, or undefined when its entry carries no capability data. */
export function kindFromMetadata(entry: object): Facts | undefined {
  const model = entry as Record<string, unknown>;
  return (
    fromModalities(record(model.architecture)) ??
    fromMode(model.mode, model.supports_vision) ??
    fromMode(record(model.model_info)?.mode, record(model.model_info)?.supports_vision) ??
    fromType(model.type) ??
    fromCapabilities(model.capabilities)
  );
}

function fromModalities(architecture: Record<string, unknown> | undefined): Facts | undefined {
  if (!architecture) return undefined;
  let inputs = words(architecture.input_modalities);
  let outputs = words(architecture.output_modalities);
  const modality = architecture.modality;
  if (inputs.length === 0 && typeof modality === 'string' && modality.includes('->')) {
    const [input = '', output = ''] = modality.toLowerCase().split('->');
    inputs = input.split('+');
    outputs = output.split('+');
  }
  if (inputs.length === 0 || outputs.length === 0) return undefined;
  const seesImages = inputs.includes('image');
  if (outputs.includes('text')) {
    if (inputs.includes('audio') && !inputs.includes('text')) return { kind: 'transcription' };
    return { kind: seesImages ? 'vision' : 'chat', seesImages };
  }
  if (outputs.includes('image')) return { kind: 'image' };
  if (outputs.includes('audio')) return { kind: 'speech' };
  if (outputs.includes('video')) return { kind: 'video' };
  if (outputs.includes('embeddings') || outputs.includes('embedding')) return { kind: 'embedding' };
  return { kind: 'other' };
}

/** LiteLLM's `mode` values. */
const MODES: Record<string, ModelKind> = {
  chat: 'chat',
  completion: 'chat',
  responses: 'chat',
  embedding: 'embedding',
  image_generation: 'image',
  image_edit: 'image',
  audio_speech: 'speech',
  audio_transcription: 'transcription',
  video_generation: 'video',
  moderation: 'other',
  rerank: 'other',
  realtime: 'other',
};

function fromMode(mode: unknown, supportsVision: unknown): Facts | undefined {
  const kind = typeof mode === 'string' ? MODES[mode.toLowerCase()] : undefined;
  if (!kind) return undefined;
  if (kind !== 'chat' || typeof supportsVision !== 'boolean') return { kind };
  return { kind: supportsVision ? 'vision' : 'chat', seesImages: supportsVision };
}

/** Together's `type` values, and the obvious ones other gateways use. */
const TYPES: Record<string, ModelKind> = {
  chat: 'chat',
  language: 'chat',
  code: 'chat',
  llm: 'chat',
  vision: 'vision',
  image: 'image',
  embedding: 'embedding',
  embeddings: 'embedding',
  audio: 'speech',
  tts: 'speech',
  speech: 'speech',
  transcribe: 'transcription',
  transcription: 'transcription',
  video: 'video',
  moderation: 'other',
  rerank: 'other',
};

function fromType(type: unknown): Facts | undefined {
  const kind = typeof type === 'string' ? TYPES[type.toLowerCase()] : undefined;
  if (!kind) return undefined;
  return kind === 'vision' ? { kind, seesImages: true } : { kind };
}

/** `["chat", "vision"]` (Ollama, many proxies) or `{completion_chat: true, vision: false}` (Mistral). */
function fromCapabilities(capabilities: unknown): Facts | undefined {
  const flags = record(capabilities);
  const named = flags
    ? Object.entries(flags)
        .filter(([, on]) => on === true)
        .map(([name]) => name.toLowerCase())
    : words(capabilities);
  if (named.length === 0) return undefined;
  const has = (...names: string[]) => names.some((name) => named.includes(name));
  if (has('vision', 'image_input')) return { kind: 'vision', seesImages: true };
  if (has('chat', 'completion_chat', 'completion', 'text'))
    return { kind: 'chat', seesImages: false };
  if (has('embedding', 'embeddings', 'embed')) return { kind: 'embedding' };
  if (has('image_generation', 'image')) return { kind: 'image' };
  if (has('tts', 'speech', 'audio_speech')) return { kind: 'speech' };
  if (has('transcription', 'audio_transcription', 'stt')) return { kind: 'transcription' };
  return undefined;
}
