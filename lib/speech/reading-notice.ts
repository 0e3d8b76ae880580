/**
 * What the pages show about the current reading beside its progress: how much of the selection
 * it reads, its expected cost, and whether it waits for a yes. Kept in `storage.session` like the
 * speech state; the text of a reading that waits is kept apart, and only until it starts.
 */
import { storage } from 'wxt/utils/storage';
import type { ReadingPlan } from './reading-plan';

export interface ReadingNotice {
  readChars: number;
  totalChars: number;
  estimatedDollars: number;
  /** A long reading not started yet: the pages ask to start it or not. */
  awaitingConfirmation: boolean;
}

export const readingNotice = storage.defineItem<ReadingNotice | null>('session:speech.notice', {
  fallback: null,
});

/** The text of the reading that waits for a yes, cut to what will be read. */
export const pendingReadingText = storage.defineItem<string>('session:speech.pendingText', {
  fallback: '',
});

export function noticeOf(plan: ReadingPlan, awaitingConfirmation: boolean): ReadingNotice {
  const { readChars, totalChars, estimatedDollars } = plan;
  return { readChars, totalChars, estimatedDollars, awaitingConfirmation };
}
