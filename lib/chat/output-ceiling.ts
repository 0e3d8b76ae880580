/**
 * How many tokens an answer may cost at most (`max_tokens`), by what asked for it: a page can
 * steer an answer, and without a ceiling it could make every action cost the model's maximum.
 * Pure: the person's choices come in as `ceilings` (see lib/config/output-ceilings.ts).
 *
 * The defaults are generous on purpose: reasoning models spend hidden tokens from the same
 * allowance and answer empty when it is small.
 */
import type { LiveMessage } from './live-message';

export const ANSWER_KINDS = ['chat', 'explain', 'summarize', 'describe'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const DEFAULT_OUTPUT_CEILINGS: Readonly<Record<AnswerKind, number>> = Object.freeze({
  chat: 8000,
  explain: 4000,
  summarize: 4000,
  describe: 3000,
});

/** The range the options page offers; a stored value outside it is clamped. */
export const OUTPUT_CEILING_RANGE = { min: 1000, max: 32_000, step: 500 } as const;

export type OutputCeilings = Partial<Record<AnswerKind, number>>;

/** What the answer is for: the last question's page context says which action asked it. */
export function answerKindOf(history: readonly LiveMessage[]): AnswerKind {
  const question = history.findLast((message) => message.role === 'user');
  switch (question?.context?.kind) {
    case 'selection':
      return 'explain';
    case 'page':
      return 'summarize';
    case 'image':
      return 'describe';
    default:
      return 'chat';
  }
}

/** A chosen ceiling within the offered range; the default when none was chosen or it is not a number. */
export function ceilingOf(kind: AnswerKind, ceilings: OutputCeilings): number {
  const chosen = ceilings[kind];
  if (typeof chosen !== 'number' || !Number.isFinite(chosen)) return DEFAULT_OUTPUT_CEILINGS[kind];
  return Math.round(Math.min(OUTPUT_CEILING_RANGE.max, Math.max(OUTPUT_CEILING_RANGE.min, chosen)));
}

/** The `max_tokens` to send for the answer that follows `history`. */
export function outputCeilingFor(
  history: readonly LiveMessage[],
  ceilings: OutputCeilings,
): number {
  return ceilingOf(answerKindOf(history), ceilings);
}
