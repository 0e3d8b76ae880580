import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cutBeforeWord,
  FIRST_SEGMENT_MAX,
  FIRST_SEGMENT_MIN,
  SEGMENT_MAX,
  SPEECH_INPUT_LIMIT,
  sentencesOf,
  splitIntoSegments,
} from '../../lib/speech/segments';

/** `count` sentences of about 60 characters, each different. */
function sentences(count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `Sentence number ${index + 1} says something worth hearing aloud.`,
  );
}

const wordsOf = (text: string) => text.split(' ');

describe('sentencesOf', () => {
  it('finds sentence boundaries and collapses whitespace', () => {
    expect(sentencesOf('One here.  Two\tand\u00a0 two there!   Three?')).toEqual([
      'One here.',
      'Two and two there!',
      'Three?',
    ]);
  });

  it('treats a line break between paragraphs as a boundary', () => {
    expect(sentencesOf('A heading\n\nThe paragraph below it.')).toEqual([
      'A heading',
      'The paragraph below it.',
    ]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(sentencesOf('')).toEqual([]);
    expect(sentencesOf(' \n\t ')).toEqual([]);
  });
});

describe('cutBeforeWord', () => {
  it('keeps text that fits', () => {
    expect(cutBeforeWord('Short text.', 50)).toEqual(['Short text.', '']);
  });

  it('cuts before a word, keeping punctuation with the word before it', () => {
    const [head, rest] = cutBeforeWord('Hello, wonderful world', 12);
    expect(head).toBe('Hello,');
    expect(rest).toBe('wonderful world');
  });

  it('cuts a word longer than the limit where it must, never inside a surrogate pair', () => {
    const [head, rest] = cutBeforeWord('a'.repeat(9) + '😀'.repeat(5), 10);
    expect(head).toBe('a'.repeat(9));
    expect(rest).toBe('😀'.repeat(5));
  });

  it('cuts text without spaces at word boundaries too', () => {
    const [head, rest] = cutBeforeWord('我喜欢读书和写字', 4);
    expect(head.length).toBeLessThanOrEqual(4);
    expect(head + rest).toBe('我喜欢读书和写字');
    expect(head.length).toBeGreaterThan(0);
  });
});

describe('splitIntoSegments', () => {
  it('gives nothing to read for blank text', () => {
    expect(splitIntoSegments('   ')).toEqual([]);
  });

  it('reads a single sentence as one segment', () => {
    expect(splitIntoSegments('Just this one sentence to read.')).toEqual([
      'Just this one sentence to read.',
    ]);
  });

  it('makes the first segment one sentence, whatever the length of the text', () => {
    for (const count of [2, 30, 500]) {
      const [first] = splitIntoSegments(sentences(count).join(' '));
      expect(first).toBe(sentences(1)[0]);
    }
  });

  it('groups later sentences, whole, up to the segment size', () => {
    const all = sentences(60);
    const segments = splitIntoSegments(all.join(' '));
    expect(segments.join(' ')).toBe(all.join(' '));
    const later = segments.slice(1);
    for (const segment of later) {
      expect(segment.length).toBeLessThanOrEqual(SEGMENT_MAX);
      expect(segment.endsWith('aloud.')).toBe(true);
    }
    // Each is as full as whole sentences allow; the last takes what is left.
    for (const segment of later.slice(0, -1)) {
      expect(segment.length).toBeGreaterThan(SEGMENT_MAX - (all[0]?.length ?? 0) - 1);
    }
  });

  it('keeps the first segment within its size when the first sentence is long', () => {
    const long = `${'word '.repeat(120).trim()}.`;
    const segments = splitIntoSegments(`${long} Then a short one.`);
    expect(segments[0]?.length).toBeLessThanOrEqual(FIRST_SEGMENT_MAX);
    expect(segments.join(' ')).toBe(`${long} Then a short one.`);
    expect(wordsOf(segments[0] ?? '').every((word) => word === 'word')).toBe(true);
  });

  it('joins a very short first sentence with the next ones', () => {
    const segments = splitIntoSegments('Dr. Smith went home. He was tired after a long day.');
    expect(segments[0]?.length).toBeGreaterThanOrEqual(FIRST_SEGMENT_MIN);
    expect(segments[0]?.startsWith('Dr. Smith went home.')).toBe(true);
  });

  it('splits a sentence longer than a segment at word boundaries, under the input limit', () => {
    const endless = `${'and then it went on '.repeat(600).trim()}.`;
    const segments = splitIntoSegments(`It starts. ${endless}`);
    expect(segments.length).toBeGreaterThan(10);
    for (const segment of segments) {
      expect(segment.length).toBeLessThanOrEqual(SEGMENT_MAX);
      expect(segment.length).toBeLessThan(SPEECH_INPUT_LIMIT);
      expect(segment).not.toMatch(/^\s|\s$/);
    }
    // No word was broken: every word of every segment is one of the text's words.
    const words = new Set(wordsOf(`It starts. ${endless}`));
    for (const segment of segments) {
      for (const word of wordsOf(segment)) expect(words.has(word)).toBe(true);
    }
    expect(segments.join(' ')).toBe(`It starts. ${endless}`);
  });

  it('keeps every segment under the input limit for a text with no spaces at all', () => {
    const segments = splitIntoSegments('x'.repeat(10_000));
    expect(segments.join('')).toBe('x'.repeat(10_000));
    expect(Math.max(...segments.map((segment) => segment.length))).toBeLessThanOrEqual(SEGMENT_MAX);
  });

  describe('work done', () => {
    afterEach(() => vi.restoreAllMocks());
    const segment = Intl.Segmenter.prototype.segment;

    /** How many characters the segmenters are handed while `text` is split. */
    function charactersSegmented(text: string): number {
      vi.restoreAllMocks();
      let handed = 0;
      vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (
        this: Intl.Segmenter,
        input: string,
      ) {
        handed += input.length;
        return segment.call(this, input);
      });
      splitIntoSegments(text);
      return handed;
    }

    it('hands the segmenter each character of 1 MB of unpunctuated text a bounded number of times', () => {
      const text = 'word '.repeat(200_000); // 1,000,000 characters, one "sentence"
      const handed = charactersSegmented(text);
      // One sentence pass over the whole text, then one word window per segment.
      expect(handed).toBeLessThan(text.length * 2.2);
      expect(handed).toBeGreaterThanOrEqual(text.length);
    });

    it('does the same work per character for 100 KB and for 1 MB', () => {
      const perCharacter = (length: number) => {
        const text = 'x'.repeat(length);
        return charactersSegmented(text) / length;
      };
      expect(perCharacter(1_000_000)).toBeLessThanOrEqual(perCharacter(100_000) * 1.01);
    });
  });
});
