/**
 * Model ids as AI Pass lists them, and what each can do, by AI Pass's naming conventions.
 * Ids are discovered at run time and matched by pattern, never compared whole: a provider prefix
 * such as `fal_ai/` may come and go.
 */
export type ModelCapability =
  | 'chat'
  | 'image-generation'
  | 'image-edit'
  | 'speech'
  | 'transcription'
  | 'embedding'
  | 'video'
  | 'unknown';

/** `GET /models` answers a JSON array of ids today; the OpenAI `{data:[{id}]}` shape is accepted too. */
export function parseModelList(body: unknown): string[] {
  const entries: unknown[] = Array.isArray(body)
    ? body
    : Array.isArray((body as { data?: unknown } | null)?.data)
      ? (body as { data: unknown[] }).data
      : [];
  const ids = entries
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id))
    .filter((id): id is string => typeof id === 'string' && id.trim() !== '');
  return [...new Set(ids)];
}

const IMAGE_PROVIDERS =
  /^(fal_ai\/|fal-ai\/)|dall-e|gpt-image|flux|imagen|stable-diffusion|sdxl|recraft|ideogram/;

export function capabilityOf(id: string): ModelCapability {
  const model = id.toLowerCase();
  if (model.endsWith('/edit')) return 'image-edit';
  if (/veo|sora/.test(model)) return 'video';
  if (/whisper|transcribe/.test(model)) return 'transcription';
  if (model.startsWith('tts-') || /-tts\b/.test(model)) return 'speech';
  if (model.startsWith('text-embedding-')) return 'embedding';
  if (IMAGE_PROVIDERS.test(model)) return 'image-generation';
  if (/^(gpt-|claude-|gemini\/|gemini-|o\d)/.test(model)) return 'chat';
  return 'unknown';
}

export function modelsWith(ids: string[], capability: ModelCapability): string[] {
  return ids.filter((id) => capabilityOf(id) === capability);
}

/** Small, fast models make a sensible first choice when the person has not picked one. */
const QUICK_MODEL = /mini|flash|haiku|nano/;

/** The remembered model while it is still offered; otherwise a quick one, otherwise the first. */
export function chooseModel(available: string[], remembered: string | null): string | undefined {
  if (remembered && available.includes(remembered)) return remembered;
  return available.find((id) => QUICK_MODEL.test(id)) ?? available[0];
}
