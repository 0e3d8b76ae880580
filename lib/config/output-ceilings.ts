/** The person's own answer-length ceilings, by action, kept in `storage.local`. */
import type { LiveMessage } from '../chat/live-message';
import {
  ANSWER_KINDS,
  OUTPUT_CEILING_RANGE,
  type OutputCeilings,
  outputCeilingFor,
} from '../chat/output-ceiling';
import { defineCheckedItem } from './checked-item';
import { isNumber, oneOf, recordOf } from './schema';

export const outputCeilings = defineCheckedItem<OutputCeilings>('local:settings.outputCeilings', {
  fallback: {},
  check: recordOf(isNumber(OUTPUT_CEILING_RANGE), { key: oneOf(ANSWER_KINDS) }),
  label: 'the answer lengths',
});

/** The `max_tokens` to send for the answer that follows `history`, with the person's choices. */
export async function maxTokensFor(history: readonly LiveMessage[]): Promise<number> {
  return outputCeilingFor(history, await outputCeilings.getValue());
}
