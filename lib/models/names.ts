/**
 * A model's kind from its id alone, for gateways that list nothing else. Patterns match after any
 * vendor prefix (`(^|/)` stands for "start of the id or of a path segment"), so
 * `openai/tts-1` is as much a speech model as `tts-1`.
 */
import type { ModelKind } from './kind';

/** In order: the first rule that matches decides, so narrower rules come before wider ones. */
const RULES: ReadonlyArray<[RegExp, ModelKind]> = [
  // Image edits end in `/edit` (AI Pass, fal).
  [/\/edit$/, 'image'],
  [/(^|\/)(veo|sora|kling|runway|hailuo|seedance)|text-to-video|image-to-video/, 'video'],
  [/whisper|transcribe|speech-to-text|(^|[/-])stt\b/, 'transcription'],
  [/(^|\/)tts-|-tts\b|(^|\/)tts$|text-to-speech|(^|\/)(sonic|kokoro|eleven)/, 'speech'],
  [/embed|retrieval|(^|\/)(bge|e5|gte|voyage)-/, 'embedding'],
  // Neither chat nor anything Passlight uses: moderation, reranking, live audio, old completions.
  [/moderation|guard|rerank|-rank-|realtime|(^|\/)(text-)?(babbage|davinci|ada)\b/, 'other'],
  [
    /(^|\/)(fal_ai|fal-ai|black-forest-labs|stabilityai)\/|dall-e|gpt-image|flux|imagen|stable-diffusion|sdxl|(^|\/)sd3|recraft|ideogram|midjourney|playground-v|image-generation|-image(-preview)?$/,
    'image',
  ],
  [
    /(^|\/)(gpt-|chatgpt|o\d|claude|gemini|gemma|llama|meta-llama|mistral|mixtral|ministral|codestral|pixtral|magistral|qwen|qwq|deepseek|command|grok|phi-|sonar|kimi|glm|nova-|yi-|hermes|nemotron)/,
    'chat',
  ],
];

/** The kind the id's name says, or undefined when it matches no known pattern. */
export function classifyByName(id: string): ModelKind | undefined {
  const name = id.toLowerCase();
  return RULES.find(([pattern]) => pattern.test(name))?.[1];
}
