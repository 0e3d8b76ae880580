/**
 * axe-core in Firefox ESR on the add-on's pages in the states a person meets, in light and in
 * dark (the theme setting, which every page follows at once): zero violations of WCAG 2.1 A and
 * AA. axe is evaluated in the page through WebDriver BiDi, which the pages' CSP does not govern.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extensionOutputDir } from '../../dev/build-extension';
import {
  type FirefoxWithExtension,
  launchFirefox,
  signInFromPopup,
  textOf,
  waitUntil,
} from '../../dev/firefox';
import { type Gateway, startGateway } from '../../dev/gateway';
import { startAfresh } from './steps';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;

let gateway: Gateway;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  [gateway, firefox] = await Promise.all([
    startGateway(),
    launchFirefox(extensionOutputDir('test', 'firefox')),
  ]);
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await gateway?.close();
});

beforeEach(() => startAfresh(firefox, gateway));

async function violationsOn(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(await AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
        }>;
      };
    };
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
}

/** Sets the theme in Settings' storage and waits until `page` shows it. */
async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await firefox.control.evaluate(
    (choice) => chrome.storage.local.set({ 'settings.theme': choice }),
    theme,
  );
  await waitUntil(`${page.url()} is ${theme}`, () =>
    page.evaluate((choice) => document.documentElement.dataset.theme === choice, theme),
  );
}

/** The page's background in each theme: the page's own inline styles, allowed by their hash. */
const BACKGROUND = { light: 'rgb(247, 247, 251)', dark: 'rgb(18, 18, 28)' };

async function expectAccessible(page: Page): Promise<void> {
  for (const theme of THEMES) {
    await useTheme(page, theme);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background, `${page.url()} styled in ${theme}`).toBe(BACKGROUND[theme]);
    expect(await violationsOn(page), `${page.url()} in ${theme}`).toEqual([]);
  }
}

describe('accessibility in Firefox', () => {
  it('the popup signed out and signed in, the empty sidebar page and the options page', async () => {
    const popup = await firefox.open('popup.html');
    await waitUntil('the popup shows its sign-in', async () =>
      (await textOf(popup)).includes('Sign in with AI Pass'),
    );
    await expectAccessible(popup);

    await signInFromPopup(firefox.browser, popup, gateway.url);
    await waitUntil('the balance is on screen', async () =>
      popup.evaluate(() => document.querySelector('[data-testid=remaining]') !== null),
    );
    await expectAccessible(popup);

    const panel = await firefox.open('sidepanel.html');
    await waitUntil('the panel is ready to ask', () =>
      panel.evaluate(
        () => !(document.getElementById('model-picker') as HTMLSelectElement)?.disabled,
      ),
    );
    await expectAccessible(panel);

    const options = await firefox.open('options.html');
    await waitUntil('the options page is drawn', async () => (await textOf(options)).length > 0);
    await expectAccessible(options);
  });

  it('the sidebar page with an answer', async () => {
    gateway.control.setReply(
      'Light is **fast**: about `299792458` m/s.\n\n```js\nconst c = 1;\n```',
    );
    await signInFromPopup(firefox.browser, await firefox.open('popup.html'), gateway.url);
    const panel = await firefox.open('sidepanel.html');
    await panel.locator('#question').fill('How fast is light?');
    await panel.keyboard.press('Enter');
    await waitUntil('the answer is complete', () =>
      panel.evaluate(() =>
        [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Regenerate')),
      ),
    );
    await expectAccessible(panel);
  });

  it('the check itself finds a violation when there is one', async () => {
    const popup = await firefox.open('popup.html');
    await popup.evaluate(() => {
      const image = document.createElement('img');
      image.src = '/icon/16.png';
      document.body.append(image); // an image without alt text
    });
    expect((await violationsOn(popup)).some((line) => line.startsWith('image-alt'))).toBe(true);
  });
});
