/**
 * A formula in an answer. KaTeX is loaded the first time one appears (never for an answer
 * without one); until it has arrived the formula shows as its TeX source, and it is typeset
 * then if it is still on screen.
 */
import { lazy } from './lazy';
import type { Formula } from './math-syntax';

const typesetter = lazy(() => import('./katex-typeset'));

/** The element for `formula`: a `div` for a block of its own, else a `span`. */
export function mathElement(doc: Document, formula: Formula, block: boolean): HTMLElement {
  const element = doc.createElement(block ? 'div' : 'span');
  element.className = formula.display ? 'md-math md-math-display' : 'md-math';
  const loaded = typesetter.now();
  if (loaded) {
    loaded.typeset(element, formula);
    return element;
  }
  element.textContent = formula.source;
  typesetter.whenLoaded(({ typeset }) => {
    if (element.isConnected) typeset(element, formula);
  });
  return element;
}

/** KaTeX, loaded: for a test, or to typeset what follows without a fallback first. */
export const loadTypesetter = () => typesetter.load();
