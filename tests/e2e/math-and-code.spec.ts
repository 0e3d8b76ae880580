import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

const REPLY = [
  'The energy of a mass is $E = mc^2$, and a price of $5 and $6 stays text.',
  '',
  '$$',
  '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
  '$$',
  '',
  'A link from TeX is refused: $\\href{https://evil.example/?q=secret}{click}$.',
  '',
  '```ts',
  'const answer: number = 42; // the answer',
  'function greet(name: string) {',
  '  return "<b>" + name + "</b>";',
  '}',
  '```',
].join('\n');

/**
 * The files the panel loaded besides its first paint: the stylesheets and module preloads it
 * added. (The page's own styles are in its HTML, allowed by their hash: they have no address.)
 */
const loadedFiles = (panel: Page) =>
  panel.evaluate(() => [
    ...new Set([
      ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((link) => link.href),
      ...[...document.styleSheets].flatMap((sheet) => (sheet.href ? [sheet.href] : [])),
    ]),
  ]);

/** Whether the page has KaTeX's main font, loaded. */
const katexFontLoaded = (panel: Page) =>
  panel.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
      (font) => font.family.replaceAll('"', '') === 'KaTeX_Main' && font.status === 'loaded',
    );
  });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`formulas are typeset and code highlighted, from the extension alone (${colorScheme})`, async ({
    extensionContext,
    openExtensionPage,
    gateway,
  }, testInfo) => {
    const panel = await openSignedInPanel(extensionContext, openExtensionPage);
    // From here on: what showing the answer asks for (the sign-in before it has its own tests).
    const requested: string[] = [];
    extensionContext.on('request', (request) => requested.push(request.url()));
    const refused: string[] = [];
    panel.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await panel.emulateMedia({ colorScheme });
    gateway.control.setReply(REPLY);
    await ask(panel, 'Show me some maths and code');

    const answer = lastAnswer(panel).locator('.markdown');
    await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeVisible();
    const inline = answer.locator('p .md-math .katex');
    await expect(inline).toHaveCount(2);
    await expect(inline.first().locator('annotation')).toHaveText('E = mc^2');
    await expect(answer).toContainText('a price of $5 and $6 stays text.');
    const display = answer.locator('.md-math-display .katex-display');
    await expect(display).toBeVisible();
    await expect(answer.locator('a[href*="evil.example"], [href*="evil.example"]')).toHaveCount(0);

    // KaTeX's layout comes from styles set on its elements: the CSP must let them apply.
    const fractionLine = display.locator('.frac-line');
    await expect(fractionLine).toHaveCount(1);
    expect(
      await fractionLine.evaluate((line) =>
        Number.parseFloat(getComputedStyle(line).borderBottomWidth),
      ),
    ).toBeGreaterThan(0);
    expect(await katexFontLoaded(panel)).toBe(true);

    const code = answer.locator('pre code.md-highlighted');
    await expect(code).toContainText('const answer: number = 42;');
    await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
    await expect(code.locator('.hljs-comment')).toHaveText('// the answer');
    await expect(code.locator('b')).toHaveCount(0);
    const colours = await code.evaluate((element) => ({
      keyword: getComputedStyle(element.querySelector('.hljs-keyword') as Element).color,
      comment: getComputedStyle(element.querySelector('.hljs-comment') as Element).color,
      plain: getComputedStyle(element).color,
    }));
    expect(new Set(Object.values(colours)).size).toBe(3);

    await lastAnswer(panel).screenshot({
      path: testInfo.outputPath(`math-code-${colorScheme}.png`),
    });
    await panel.screenshot({ path: testInfo.outputPath(`math-code-panel-${colorScheme}.png`) });

    // Everything came from the extension or the local gateway; nothing from anywhere else.
    const loaded = await loadedFiles(panel);
    expect(loaded.some((url) => /\/katex-typeset-[\w-]+\.css$/.test(url))).toBe(true);
    // Modules imported later have no <link>: the requests show them.
    expect(requested.some((url) => /\/highlighter-[\w-]+\.js$/.test(url))).toBe(true);
    const outside = [...requested, ...loaded].filter(
      (url) => !url.startsWith('chrome-extension://') && !url.startsWith('http://127.0.0.1:'),
    );
    expect(outside).toEqual([]);
    expect(refused).toEqual([]);
  });
}

test('an answer without formulas or code loads neither KaTeX nor the highlighter', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const requested: string[] = [];
  extensionContext.on('request', (request) => requested.push(request.url()));
  gateway.control.setReply('Plain words, a price of $5 and $6, and `inline code`.');
  await ask(panel, 'Say something plain');
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText(
    'Plain words, a price of $5 and $6, and inline code.',
  );
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const loaded = await loadedFiles(panel);
  expect(loaded.length).toBeGreaterThan(0); // the panel's own stylesheet
  expect([...loaded, ...requested].filter((url) => /katex|highlighter/i.test(url))).toEqual([]);
  expect(await katexFontLoaded(panel)).toBe(false);
});
