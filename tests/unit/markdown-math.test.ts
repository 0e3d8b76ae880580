import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inlineNoFonts, woff2Only } from '../../dev/katex-fonts';
import { MAX_TEX_LENGTH } from '../../lib/markdown/math-syntax';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
// linkedom leaves compatMode unset; KaTeX refuses to typeset in quirks mode.
Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat' });

/** The rendered nodes for `markdown`, in the document (as on screen). */
async function shown(markdown: string): Promise<HTMLElement> {
  const { renderMarkdown } = await import('../../lib/markdown/render');
  const holder = document.createElement('div');
  document.body.append(holder);
  holder.append(renderMarkdown(markdown, document));
  return holder;
}

/** Every attribute value in `root`, to look for anything that could load or link. */
function attributeValues(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`),
  );
}

describe('formulas before KaTeX has arrived', () => {
  it('show their source, then are typeset in place without loading anything else', async () => {
    vi.stubGlobal('document', document); // KaTeX builds with the global document
    const holder = await shown('Energy: $E = mc^2$.');
    const formula = holder.querySelector('.md-math');
    expect(formula?.textContent).toBe('$E = mc^2$');
    expect(formula?.querySelector('.katex')).toBeNull();
    const { loadTypesetter } = await import('../../lib/markdown/math');
    await loadTypesetter();
    expect(formula?.querySelector('.katex .katex-html')).not.toBeNull();
    expect(formula?.querySelector('annotation')?.textContent).toBe('E = mc^2');
    vi.unstubAllGlobals();
  });
});

describe('formulas', () => {
  beforeAll(async () => {
    vi.stubGlobal('document', document);
    const { loadTypesetter } = await import('../../lib/markdown/math');
    await loadTypesetter();
  });

  it.each([
    ['$x^2$', 'x^2'],
    ['\\(x^2\\)', 'x^2'],
  ])('typesets inline %s inside its paragraph', async (markdown, tex) => {
    const holder = await shown(`Before ${markdown} after.`);
    const formula = holder.querySelector('p > span.md-math');
    expect(formula?.querySelector('.katex-display')).toBeNull();
    expect(formula?.querySelector('.katex .katex-mathml math')).not.toBeNull();
    expect(formula?.querySelector('annotation')?.textContent).toBe(tex);
    expect(holder.querySelector('p')?.textContent).toMatch(/^Before .* after\.$/);
  });

  it.each([
    ['$$\n\\frac{a}{b}\n$$', '\\frac{a}{b}'],
    ['$$\\frac{a}{b}$$', '\\frac{a}{b}'],
    ['\\[\n\\sum_{n=1}^{\\infty} n\n\\]', '\\sum_{n=1}^{\\infty} n'],
    ['\\[ \\sqrt{2} \\]', '\\sqrt{2}'],
  ])('typesets display %j as a block of its own', async (markdown, tex) => {
    const holder = await shown(`Text\n${markdown}\nmore text`);
    const formula = holder.querySelector(':scope > div.md-math-display');
    expect(formula?.querySelector('.katex-display .katex')).not.toBeNull();
    expect(formula?.querySelector('math')?.getAttribute('display')).toBe('block');
    expect(formula?.querySelector('annotation')?.textContent).toBe(tex);
    expect(holder.querySelectorAll('p')).toHaveLength(2);
  });

  it('typesets $$…$$ and \\[…\\] inside a sentence as display math', async () => {
    const holder = await shown('so $$a+b$$ and \\[c\\] here');
    expect(holder.querySelectorAll('p > .md-math-display .katex-display')).toHaveLength(2);
  });

  it.each([
    'It costs $5 and $6 with tax.',
    'From $5-$10, or $20,000 vs $30,000.',
    'A lone $ sign, and $ spaced $ dollars.',
    'Escaped \\$x\\$ stays text.',
    'Code `$x$` stays code.',
  ])('leaves %j as text', async (markdown) => {
    const holder = await shown(markdown);
    expect(holder.querySelector('.md-math, .katex')).toBeNull();
  });

  it('keeps a dollar amount next to a real formula', async () => {
    const holder = await shown('Pay $5 for $x$.');
    expect(holder.querySelectorAll('.md-math')).toHaveLength(1);
    expect(holder.querySelector('annotation')?.textContent).toBe('x');
    expect(holder.textContent).toContain('Pay $5 for ');
  });

  it('leaves an unclosed display formula as text until it closes', async () => {
    const holder = await shown('$$\n\\frac{1}{2}');
    expect(holder.querySelector('.md-math')).toBeNull();
    expect(holder.textContent).toContain('$$');
  });

  it('shows a formula KaTeX cannot read as its source, with the reason', async () => {
    const holder = await shown('Broken: $\\frac{1}{$ and $x^{$.');
    const errors = [...holder.querySelectorAll('.md-math-error')];
    expect(errors.map((error) => error.textContent)).toEqual(['$\\frac{1}{$', '$x^{$']);
    expect(errors[0]?.getAttribute('title')).toMatch(/expected/i);
    expect(holder.querySelector('.katex')).toBeNull();
  });

  it('refuses links, images and HTML from TeX', async () => {
    const holder = await shown(
      [
        '$\\href{https://evil.example/?q=secret}{click}$',
        '$\\url{https://evil.example/}$',
        '$\\includegraphics{https://evil.example/x.png}$',
        '$\\htmlClass{evil}{x}$ $\\htmlId{evil}{x}$ $\\htmlStyle{background:url(https://evil.example)}{x}$',
        '$\\htmlData{evil=1}{x}$ $<img src=x onerror=alert(1)>$',
      ].join(' '),
    );
    expect(holder.querySelectorAll('.md-math')).toHaveLength(8);
    expect(
      holder.querySelector('a, img, script, [href], [src], [onerror], #evil, .evil'),
    ).toBeNull();
    expect(attributeValues(holder).filter((value) => value.includes('evil.example'))).toEqual([]);
  });

  it('caps sizes and expansions that would take over the page', async () => {
    const holder = await shown('$\\rule{100000em}{100000em}$ and $\\def\\a{\\a\\a}\\a$');
    const sizes = attributeValues(holder)
      .filter((value) => value.startsWith('style='))
      .flatMap((style) => [...style.matchAll(/(-?[\d.]+)em/g)].map((match) => Number(match[1])));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes.map(Math.abs))).toBeLessThanOrEqual(10);
    expect(holder.querySelector('.md-math-error')?.textContent).toBe('$\\def\\a{\\a\\a}\\a$');
  });

  it('leaves a formula longer than the limit as text', async () => {
    const holder = await shown(`$${'x+'.repeat(MAX_TEX_LENGTH)}x$`);
    expect(holder.querySelector('.md-math')).toBeNull();
  });

  it('reads a paragraph of thousands of openers without a closer as text', async () => {
    const { renderMarkdown } = await import('../../lib/markdown/render');
    const holder = document.createElement('div');
    holder.append(renderMarkdown(`${'$a \\(b \\[c '.repeat(5_000)}$$d`, document));
    expect(holder.querySelector('.md-math')).toBeNull();
    expect(holder.textContent?.length).toBeGreaterThan(40_000);
  });
});

describe("KaTeX's stylesheet in the build", () => {
  const css = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');

  it('names only WOFF2 fonts, each a file of the extension', () => {
    const urls = [...woff2Only(css).matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThanOrEqual(20);
    for (const url of urls) expect(url).toMatch(/^fonts\/KaTeX_[\w-]+\.woff2$/);
  });

  it('never inlines a font as a data: URL, which the CSP would refuse', () => {
    expect(inlineNoFonts('/x/fonts/KaTeX_Size3-Regular.woff2')).toBe(false);
    expect(inlineNoFonts('/x/icon.svg')).toBeUndefined();
  });

  it('fails loudly when KaTeX changes the way it lists its fonts', () => {
    expect(() => woff2Only('@font-face{src:url(fonts/a.woff2) format("woff2")}')).toThrow(
      /KaTeX changed/,
    );
  });
});
