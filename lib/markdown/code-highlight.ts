/**
 * Highlighting a finished code block. The highlighter is loaded the first time a block names a
 * language; until then, and for a language it does not know, the code stays plain text. An open
 * fence that is still streaming is never highlighted: it is rendered once more, highlighted, when
 * it closes (see ./streaming-view.ts).
 */
import { lazy } from './lazy';

const highlighter = lazy(() => import('./highlighter'));

/** Longer code stays plain: highlighting it would hold the page up. */
export const MAX_HIGHLIGHTED_CHARS = 32_768;
/** Info words that name no language. */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'output', 'code']);

/** Highlights `code` (an element holding `text`) now, or once the highlighter has arrived. */
export function highlightCode(code: HTMLElement, language: string, text: string): void {
  if (PLAIN.has(language.toLowerCase()) || text.length > MAX_HIGHLIGHTED_CHARS) return;
  const loaded = highlighter.now();
  if (loaded) {
    loaded.highlightInto(code, language, text);
    return;
  }
  highlighter.whenLoaded(({ highlightInto }) => {
    if (code.isConnected) highlightInto(code, language, text);
  });
}

/** The highlighter, loaded: for a test, or to highlight what follows at once. */
export const loadHighlighter = () => highlighter.load();
