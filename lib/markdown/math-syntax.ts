/**
 * Formulas in markdown: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` for display, as
 * markdown-it tokens (`math_inline`, `math_block`) that keep the TeX source. Only the parsing is
 * here: typesetting is ./math.ts, loaded when a formula shows up.
 *
 * A single `$` is read the way Pandoc reads it, so that prices stay prices: it opens only before
 * a non-space and closes only after a non-space and not before a digit (`$5 and $6` is text).
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

/** A formula as the parser found it (a type, so that it fits markdown-it's `token.meta`). */
export type Formula = {
  tex: string;
  /** Display math (`$$…$$`, `\[…\]`): centred, on a line of its own. */
  display: boolean;
  /** The formula as the answer wrote it, delimiters included: what shows when it cannot be typeset. */
  source: string;
};

/** Longer formulas stay text: bounded work for the parser and for KaTeX. */
export const MAX_TEX_LENGTH = 4000;

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Closers known to be absent from the rest of an inline text, so that many openers without a
 * closer (a text full of prices) scan the text once, not once each.
 */
const missingClosers = new WeakMap<StateInline, Set<string>>();

function remember(state: StateInline, closer: string): void {
  const missing = missingClosers.get(state) ?? new Set<string>();
  missing.add(closer);
  missingClosers.set(state, missing);
}

/**
 * Where a single `$` closes a formula opened before `start`: -1 if a `$` comes first that cannot
 * close it (a formula has no bare `$` inside, so in `$5 for $x$` the first one is a price), and
 * `max` if no `$` follows at all.
 */
function dollarCloser(src: string, start: number, max: number): number {
  for (let at = start; at < max; at++) {
    const code = src.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === DOLLAR) {
      const closes = !isSpace(src.charCodeAt(at - 1)) && !isDigit(src.charCodeAt(at + 1));
      return closes ? at : -1;
    }
  }
  return max;
}

/** The delimiters of the formula starting at `pos`, if one can start there. */
function opening(state: StateInline): { open: string; close: string; display: boolean } | null {
  const { src, pos } = state;
  const first = src.charCodeAt(pos);
  const second = src.charCodeAt(pos + 1);
  if (first === DOLLAR) {
    if (second === DOLLAR) return { open: '$$', close: '$$', display: true };
    if (Number.isNaN(second) || isSpace(second)) return null;
    return { open: '$', close: '$', display: false };
  }
  if (first !== BACKSLASH) return null;
  if (second === 0x28) return { open: '\\(', close: '\\)', display: false };
  if (second === 0x5b) return { open: '\\[', close: '\\]', display: true };
  return null;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const delimiters = opening(state);
  if (!delimiters) return false;
  const { open, close, display } = delimiters;
  if (missingClosers.get(state)?.has(close)) return false;
  const start = state.pos + open.length;
  const found =
    close === '$' ? dollarCloser(state.src, start, state.posMax) : state.src.indexOf(close, start);
  if (found === -1) return false;
  if (found >= state.posMax) {
    remember(state, close); // and none further on either
    return false;
  }
  const end = found;
  const tex = state.src.slice(start, end);
  if (tex.trim() === '' || tex.length > MAX_TEX_LENGTH) return false;
  if (!silent) {
    const token = state.push('math_inline', '', 0);
    token.content = tex;
    token.markup = open;
    const formula: Formula = {
      tex,
      display,
      source: state.src.slice(state.pos, end + close.length),
    };
    token.meta = formula;
  }
  state.pos = end + close.length;
  return true;
}

/** A display formula that starts a line: `$$` or `\[`, to a line that ends with `$$` or `\]`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false; // indented code
  const lineText = (line: number) =>
    state.src
      .slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line])
      .trimEnd();
  const first = lineText(startLine);
  const open = first.startsWith('$$') ? '$$' : first.startsWith('\\[') ? '\\[' : null;
  if (!open) return false;
  const close = open === '$$' ? '$$' : '\\]';
  const rest = first.slice(open.length);
  let tex: string;
  let last = startLine;
  if (rest.includes(close)) {
    // One line: `$$x$$`, and nothing after it (else it is inline math in a paragraph).
    if (!rest.endsWith(close) || rest.indexOf(close) !== rest.length - close.length) return false;
    tex = rest.slice(0, -close.length);
  } else {
    const lines = [rest];
    for (last = startLine + 1; ; last++) {
      // No closing line before the block ends or a blank line: not a formula (yet).
      if (last >= endLine || state.isEmpty(last)) return false;
      const text = lineText(last);
      if (text.endsWith(close)) {
        lines.push(text.slice(0, -close.length));
        break;
      }
      lines.push(text);
    }
    tex = lines.join('\n');
  }
  if (tex.trim() === '' || tex.length > MAX_TEX_LENGTH) return false;
  if (silent) return true;
  const token = state.push('math_block', '', 0);
  token.content = tex.trim();
  token.markup = open;
  const source = state.getLines(startLine, last + 1, state.blkIndent, false).trimEnd();
  const formula: Formula = { tex: token.content, display: true, source };
  token.meta = formula;
  token.block = true;
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** Adds the math tokens to a markdown-it parser. */
export function mathSyntax(md: MarkdownIt): void {
  // Before `escape`, which would take `\(` and `\[` for escaped brackets.
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
