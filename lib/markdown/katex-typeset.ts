/**
 * KaTeX, loaded only when an answer has a formula. `katex.render` builds the formula as DOM
 * nodes (never an HTML string) with styles set through the CSSOM, which the extension's CSP
 * allows. Its stylesheet and fonts are bundled with the extension: nothing is fetched elsewhere.
 *
 * What a formula may do is bounded: `trust: false` refuses `\href`, `\url`, `\includegraphics`
 * and the `\html…` commands, sizes are capped (`\rule{1e6em}{1e6em}`), and so are macro
 * expansions (`\def\a{\a\a}\a`). A formula KaTeX cannot read shows as its source.
 */
import katex, { type KatexOptions } from 'katex';
import 'katex/dist/katex.min.css';
import { markdownText } from '../i18n/messages/markdown';
import type { Formula } from './math-syntax';

const OPTIONS: KatexOptions = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  /** In em: no rule, space or box larger than this. */
  maxSize: 10,
  maxExpand: 1000,
  output: 'htmlAndMathml',
};

/**
 * Formulas typeset lately, to be copied rather than typeset again: the unfinished end of a
 * streaming answer is rendered afresh every frame, with the same formulas in it.
 */
const cache = new Map<string, Node>();
const CACHE_SIZE = 256;

function render(doc: Document, { tex, display, source }: Formula): Node {
  const holder = doc.createElement('span');
  try {
    katex.render(tex, holder, { ...OPTIONS, displayMode: display });
    return holder.firstChild ?? doc.createTextNode(source);
  } catch (error) {
    const shown = doc.createElement('span');
    shown.className = 'md-math-error';
    shown.textContent = source;
    shown.title =
      error instanceof katex.ParseError ? error.rawMessage : markdownText('formulaFailed');
    return shown;
  }
}

/** Typesets `formula` into `element`, replacing what it showed. */
export function typeset(element: HTMLElement, formula: Formula): void {
  const key = `${formula.display ? 'display' : 'inline'}:${formula.tex}`;
  let node = cache.get(key);
  if (node)
    cache.delete(key); // moved to the newest end below
  else {
    // KaTeX builds with the global document: the page's own (or a test's).
    node = render(document, formula);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, node);
  element.replaceChildren(element.ownerDocument.importNode(node, true));
}
