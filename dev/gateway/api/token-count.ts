/** A rough token count (about four characters a token), enough for `usage` blocks. */
export function estimateTokens(characters: number): number {
  return Math.ceil(characters / 4);
}
