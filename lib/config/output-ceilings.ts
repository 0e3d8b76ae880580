/** The person's own answer-length ceilings, by action, kept in `storage.local`. */
import { storage } from 'wxt/utils/storage';
import type { LiveMessage } from '../chat/live-message';
import { type OutputCeilings, outputCeilingFor } from '../chat/output-ceiling';

export const outputCeilings = storage.defineItem<OutputCeilings>('local:settings.outputCeilings', {
  fallback: {},
  version: 1,
});

/** The `max_tokens` to send for the answer that follows `history`, with the person's choices. */
export async function maxTokensFor(history: readonly LiveMessage[]): Promise<number> {
  return outputCeilingFor(history, await outputCeilings.getValue());
}
