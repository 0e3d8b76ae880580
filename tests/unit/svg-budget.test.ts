import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  assertSvgMarkupAcceptable,
  drawnElementCount,
  SVG_MAX_DRAWN_ELEMENTS,
} from '../../lib/media/svg-budget';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`;

function count(markup: string): number {
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
  return drawnElementCount(document.documentElement as unknown as Element);
}

/** The classic bomb: each level draws the one below ten times, `levels` deep. */
function useBomb(levels: number): string {
  let defs = '<circle id="l0" r="1"/>';
  for (let level = 1; level <= levels; level++) {
    const uses = Array.from({ length: 10 }, () => `<use href="#l${level - 1}"/>`).join('');
    defs += `<g id="l${level}">${uses}</g>`;
  }
  return svg(`<defs>${defs}</defs><use xlink:href="#l${levels}"/>`);
}

describe('the drawing budget of an SVG', () => {
  it('counts a plain drawing’s elements', () => {
    expect(count(svg('<rect width="2" height="2"/><circle r="4"/>'))).toBe(3);
  });

  it('counts what <use> and url(#…) references draw again', () => {
    const markup = svg(
      '<defs><g id="a"><rect/><rect/></g><linearGradient id="g"><stop/></linearGradient></defs>' +
        '<use href="#a"/><use href="#a"/><rect fill="url(#g)"/>',
    );
    // svg, defs, g+2 rects, gradient+stop, two uses drawing the group again, a rect with the gradient again.
    expect(count(markup)).toBe(1 + 1 + 3 + 2 + 2 * (1 + 3) + (1 + 2));
  });

  it('finds a million-circle bomb over budget, in 2 KB of markup', () => {
    const bomb = useBomb(6);
    expect(bomb.length).toBeLessThan(3000);
    expect(count(bomb)).toBe(Number.POSITIVE_INFINITY);
    expect(count(useBomb(3))).toBeLessThan(SVG_MAX_DRAWN_ELEMENTS);
  });

  it('refuses reference cycles and filters whose work grows with an attribute', () => {
    expect(count(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'))).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(
      count(svg('<filter id="f"><feMorphology radius="5000"/></filter><rect filter="url(#f)"/>')),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(
      count(svg('<filter id="f"><feMorphology radius="2"/></filter><rect filter="url(#f)"/>')),
    ).toBeLessThan(10);
  });

  it('refuses markup too large, or with entities of its own, before parsing', () => {
    expect(() => assertSvgMarkupAcceptable(svg('<rect/>'))).not.toThrow();
    expect(() =>
      assertSvgMarkupAcceptable(`<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`),
    ).toThrow('This SVG is too complex to describe.');
    expect(() => assertSvgMarkupAcceptable(svg(' '.repeat(2 * 1024 * 1024)))).toThrow();
  });
});
