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
  // Only runs of whitespace and odd spaces are replaced: text spaced normally costs no copies.
  return Array.from(segmenterFor('sentence', locale).segment(text), ({ segment }) =>
    segment.replace(/\s\s+|[^\S ]/g, ' ').trim(),
  ).filter((sentence) => sentence !== '');
}

/**
 * How far past `max` the word segmenter looks, so that it sees whether the word at `max` starts
 * there. The segmenter copies all the text it is given: handing it only this window keeps the
 * cost of a cut independent of how much text follows, and splitting linear in the text's length.
 */
const WORD_LOOKAHEAD = 64;

/** Segmenters are costly to make; one per locale and kind serves every cut. */
const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(granularity: 'word' | 'sentence', locale?: string): Intl.Segmenter {
  const key = `${granularity}:${locale ?? ''}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Where to cut `text` so the head has at most `max` units and ends before a word: the start of
 * the last word at or before `max`, found by stepping back from `max` (never past the start).
 */
function cutIndex(text: string, max: number, locale?: string): number {
  if (text.length <= max) return text.length;
  const segments = segmenterFor('word', locale).segment(text.slice(0, max + WORD_LOOKAHEAD));
  let segment = segments.containing(max);
  while (segment && segment.index > 0 && !segment.isWordLike) {
    segment = segments.containing(segment.index - 1);
  }
  const cut = segment && segment.index > 0 ? segment.index : 0;
  if (cut > 0) return cut;
  return max > 1 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

/**
 * Splits `text` in two: the longest head of at most `max` UTF-16 units (what the API counts) that
 * ends before a word, and the rest. Punctuation stays with the word before it. A single word
 * longer than `max` (a long URL) is cut where it must be, never inside a surrogate pair.
 */
export function cutBeforeWord(text: string, max: number, locale?: string): [string, string] {
  const cut = cutIndex(text, max, locale);
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `text` in pieces of at most `max` units, cut before words; one pass over the text. */
function piecesOf(text: string, max: number, locale?: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    const window = text.slice(start, start + max + WORD_LOOKAHEAD);
    const cut = cutIndex(window, max, locale);
    const piece = window.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    start += cut;
    while (start < text.length && /\s/.test(text.charAt(start))) start += 1;
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
