/** Page text too long for a model is cut at a sentence boundary, and the cut is counted. */

/** About 8,000 tokens of page text: room for the answer in every chat model AI Pass offers. */
export const MAX_PAGE_TEXT = 32_000;

export function trimAtSentence(
  text: string,
  limit = MAX_PAGE_TEXT,
): { text: string; omitted: number } {
  const clean = text.trim();
  if (clean.length <= limit) return { text: clean, omitted: 0 };
  const window = clean.slice(0, limit);
  // The last sentence end in the second half of the window; else the last space; else a hard cut.
  const sentenceEnd = Math.max(
    ...['. ', '! ', '? ', '。', '\n'].map((mark) => window.lastIndexOf(mark)),
  );
  const cut =
    sentenceEnd > limit / 2
      ? sentenceEnd + 1
      : window.lastIndexOf(' ') > limit / 2
        ? window.lastIndexOf(' ')
        : limit;
  const kept = clean.slice(0, cut).trimEnd();
  return { text: kept, omitted: clean.length - kept.length };
}
