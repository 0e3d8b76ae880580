/**
 * What drawing an SVG would cost, worked out from its markup before anything draws it. A few
 * kilobytes can ask for millions of shapes (`<use>` of a group of `<use>`s, ten levels deep) or
 * for filters whose work grows with a number in an attribute; drawing happens on the page's
 * main thread, where it cannot be interrupted. So the markup is measured first, in time linear
 * in its size, and a drawing over budget is never drawn. Works on any DOM `Document`.
 */
import { mediaText } from '../i18n/messages/media';

/** SVG drawings worth describing are far smaller; this is checked before parsing. */
export const SVG_MAX_BYTES = 1024 * 1024;
/** Elements drawn once every `<use>` and `url(#…)` reference is followed, counted with repeats. */
export const SVG_MAX_DRAWN_ELEMENTS = 20_000;

/** Filter primitives whose cost grows with an attribute, and the largest value accepted. */
const FILTER_LIMITS: Record<string, [attribute: string, max: number]> = {
  femorphology: ['radius', 32],
  feconvolvematrix: ['order', 9],
  feturbulence: ['numOctaves', 8],
  fegaussianblur: ['stdDeviation', 200],
};

/** Attributes that draw another element where they point: `url(#id)`. */
const REFERENCING = [
  'fill',
  'stroke',
  'filter',
  'mask',
  'clip-path',
  'marker-start',
  'marker-mid',
  'marker-end',
  'style',
];

export class SvgTooComplexError extends Error {
  override readonly name = 'SvgTooComplexError';
  constructor() {
    super(mediaText('svgTooComplex'));
  }
}

/** Refuses markup a parser should never see: too large, or with its own entity definitions. */
export function assertSvgMarkupAcceptable(markup: string): void {
  if (markup.length > SVG_MAX_BYTES || /<!ENTITY/i.test(markup)) throw new SvgTooComplexError();
}

function referencesOf(element: Element): string[] {
  const ids: string[] = [];
  const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
  if (href?.startsWith('#')) ids.push(href.slice(1));
  for (const name of REFERENCING) {
    const value = element.getAttribute(name);
    if (!value) continue;
    for (const match of value.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) ids.push(match[1] ?? '');
  }
  return ids;
}

function filterWithinLimits(element: Element): boolean {
  const limit = FILTER_LIMITS[element.localName.toLowerCase()];
  if (!limit) return true;
  const values = (element.getAttribute(limit[0]) ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return values.every((value) => !(value > limit[1]));
}

/**
 * How many elements drawing `root` takes, following references; `Infinity` once over `budget`,
 * for a reference cycle, or for a filter over its limits. Each element is measured once
 * (memoized), so the work is linear in the markup, however much it would expand.
 */
export function drawnElementCount(root: Element, budget = SVG_MAX_DRAWN_ELEMENTS): number {
  const byId = new Map<string, Element>();
  for (const element of root.querySelectorAll('[id]')) byId.set(element.id, element);
  const known = new Map<Element, number>();
  const measuring = new Set<Element>();

  const costOf = (element: Element): number => {
    const seen = known.get(element);
    if (seen !== undefined) return seen;
    if (measuring.has(element) || !filterWithinLimits(element)) return Number.POSITIVE_INFINITY;
    measuring.add(element);
    let cost = 1;
    for (const child of element.children) {
      cost += costOf(child);
      if (cost > budget) break;
    }
    for (const id of referencesOf(element)) {
      const target = byId.get(id);
      if (cost > budget) break;
      if (target) cost += costOf(target);
    }
    measuring.delete(element);
    const result = cost > budget ? Number.POSITIVE_INFINITY : cost;
    known.set(element, result);
    return result;
  };
  return costOf(root);
}
