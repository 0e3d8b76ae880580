/**
 * Text to be read aloud, cut into the pieces sent to text-to-speech one at a time. Pure: only
 * `Intl.Segmenter`, no browser API.
 *
 * The first segment is one short sentence, so the first sound comes after one quick request
 * whatever the length of the text. Later segments group whole sentences up to a size that is
 * fetched comfortably while the segment before it plays, far under the TTS input limit.
 */

/** AI Pass's (OpenAI's) limit on `input` for `POST /audio/speech`. */
export const SPEECH_INPUT_LIMIT = 4096;
export const FIRST_SEGMENT_MAX = 250;
export const SEGMENT_MAX = 1000;
/**
 * A first "sentence" shorter than this (a heading, or "Dr." cut off by the segmenter) is joined
 * with the next ones: a fraction of a second of sound would leave a silence while the second,
 * much longer segment is still being made.
 */
export const FIRST_SEGMENT_MIN = 40;

/** Each sentence of the text with its whitespace collapsed; empty ones dropped. */
export function sentencesOf(text: string, locale?: string): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return Array.from(segmenter.segment(text), ({ segment }) =>
    segment.replace(/\s+/g, ' ').trim(),
  ).filter((sentence) => sentence !== '');
}

/**
 * Splits `text` in two: the longest head of at most `max` UTF-16 units (what the API counts) that
 * ends before a word, and the rest. Punctuation stays with the word before it. A single word
 * longer than `max` (a long URL) is cut where it must be, never inside a surrogate pair.
 */
export function cutBeforeWord(text: string, max: number, locale?: string): [string, string] {
  if (text.length <= max) return [text, ''];
  const words = new Intl.Segmenter(locale, { granularity: 'word' });
  let cut = 0;
  for (const { index, isWordLike } of words.segment(text)) {
    if (index > max) break;
    if (isWordLike && index > 0) cut = index;
  }
  if (cut === 0) cut = max > 1 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `text` in pieces of at most `max` units, cut before words. */
function piecesOf(text: string, max: number, locale?: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest !== '') {
    const [head, tail] = cutBeforeWord(rest, max, locale);
    pieces.push(head);
    rest = tail;
  }
  return pieces;
}

/** Whole sentences joined with a space while the group stays within `max` units. */
function groupUpTo(sentences: string[], max: number): string[] {
  const groups: string[] = [];
  let group = '';
  for (const sentence of sentences) {
    if (group === '') group = sentence;
    else if (group.length + 1 + sentence.length <= max) group = `${group} ${sentence}`;
    else {
      groups.push(group);
      group = sentence;
    }
  }
  if (group !== '') groups.push(group);
  return groups;
}

/** The first segment, at most `FIRST_SEGMENT_MAX` units, and the sentences left after it. */
function firstSegmentOf(sentences: string[], locale?: string): [string, string[]] {
  const [first = '', ...others] = sentences;
  let head = first;
  let next = 0;
  while (head.length < FIRST_SEGMENT_MIN && next < others.length) {
    const joined = `${head} ${others[next]}`;
    if (joined.length > FIRST_SEGMENT_MAX) break;
    head = joined;
    next += 1;
  }
  const [segment, rest] = cutBeforeWord(head, FIRST_SEGMENT_MAX, locale);
  const remaining = others.slice(next);
  return [segment, rest === '' ? remaining : [rest, ...remaining]];
}

/**
 * The segments to fetch and play in order. Every segment is at most `SEGMENT_MAX` units (the
 * first at most `FIRST_SEGMENT_MAX`), so always under `SPEECH_INPUT_LIMIT`; a sentence longer
 * than a segment is split before a word. Whitespace-only text gives no segment.
 */
export function splitIntoSegments(text: string, locale?: string): string[] {
  const sentences = sentencesOf(text, locale);
  if (sentences.length === 0) return [];
  const [first, rest] = firstSegmentOf(sentences, locale);
  const pieces = rest.flatMap((sentence) => piecesOf(sentence, SEGMENT_MAX, locale));
  return [first, ...groupUpTo(pieces, SEGMENT_MAX)];
}
