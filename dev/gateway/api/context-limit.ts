/**
 * A chat model's context, enforced as OpenAI enforces it: the prompt and the `max_tokens` asked
 * for must fit together, or the request is refused with `context_length_exceeded`. Models whose
 * size the catalog does not give read 128,000 tokens, as today's usual chat models do.
 */
import { HttpError } from '../http';
import { openAiErrorBody } from './errors';
import { contextLengthOf, type ModelEntry } from './models';
import { estimateTokens } from './token-count';

const USUAL_CONTEXT_TOKENS = 128_000;
/** What a 512 × 512 image costs at OpenAI's high detail: 85 + 170 × 4 tiles. */
const TOKENS_PER_IMAGE = 765;

export interface PromptSize {
  promptCharacters: number;
  imageCount: number;
  maxTokens: unknown;
}

export function requireFitsContext(
  model: ModelEntry,
  contextLengthOverride: number | null,
  { promptCharacters, imageCount, maxTokens }: PromptSize,
): void {
  const limit = contextLengthOf(model, contextLengthOverride) ?? USUAL_CONTEXT_TOKENS;
  const inMessages = estimateTokens(promptCharacters) + TOKENS_PER_IMAGE * imageCount;
  const inCompletion = typeof maxTokens === 'number' && maxTokens > 0 ? maxTokens : 0;
  if (inMessages + inCompletion <= limit) return;
  const { error } = openAiErrorBody(
    400,
    `This model's maximum context length is ${limit} tokens. However, you requested ` +
      `${inMessages + inCompletion} tokens (${inMessages} in the messages, ${inCompletion} in the ` +
      'completion). Please reduce the length of the messages or completion.',
  );
  throw new HttpError(400, {
    error: { ...error, param: 'messages', code: 'context_length_exceeded' },
  });
}
