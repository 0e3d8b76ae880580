/**
 * How much of a selection Read aloud reads, and what that is expected to cost. Speech is paid by
 * the character and a page decides how long a selection can be, so a reading has a ceiling the
 * person can see, and a long one waits for the person to say yes to its price. Pure.
 */
import { trimAtSentence } from '../actions/trim';
import { speechText } from '../i18n/messages/speech';

/** About 25 minutes of speech: the most one reading sends to text to speech. */
export const READ_ALOUD_MAX_CHARS = 20_000;
/** Readings longer than this (about 5 minutes) ask before they start. */
export const CONFIRM_ABOVE_CHARS = 5_000;
/**
 * AI Pass's price for standard text to speech (OpenAI's `tts-1`), in dollars per million
 * characters: the estimate shown, not a bill.
 */
export const SPEECH_DOLLARS_PER_MILLION_CHARS = 15;

export interface ReadingPlan {
  /** What will be read: the selection, cut at a sentence end if it is over the ceiling. */
  text: string;
  readChars: number;
  totalChars: number;
  estimatedDollars: number;
  needsConfirmation: boolean;
}

export function planReading(selection: string): ReadingPlan | null {
  const { text, omitted } = trimAtSentence(selection, READ_ALOUD_MAX_CHARS);
  if (text === '') return null;
  return {
    text,
    readChars: text.length,
    totalChars: text.length + omitted,
    estimatedDollars: (text.length * SPEECH_DOLLARS_PER_MILLION_CHARS) / 1_000_000,
    needsConfirmation: text.length > CONFIRM_ABOVE_CHARS,
  };
}

/** "Reading the first 20,000 of 95,000 characters", when the selection was cut; else null. */
export function extentNote({
  readChars,
  totalChars,
}: Pick<ReadingPlan, 'readChars' | 'totalChars'>): string | null {
  return readChars < totalChars
    ? speechText('extent', { read: readChars, count: totalChars })
    : null;
}
