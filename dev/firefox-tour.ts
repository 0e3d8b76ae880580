/**
 * The headless tour in Firefox: `npm start -- --firefox` where there is no display, and the
 * README's Firefox pictures. The popup, the sidebar page and the options page, each in the light
 * and the dark colour scheme, signed in to the local gateway.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, signInFromPopup, waitUntil } from './firefox';
import type { Gateway } from './gateway';
import { SAMPLE_ANSWER } from './tour';

const SIZES = {
  popup: { width: 340, height: 480 },
  sidebar: { width: 400, height: 680 },
  options: { width: 900, height: 900 },
};

async function shoot(page: Page, file: string, files: string[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300)); // let fonts and the last frame settle
  await page.screenshot({ path: file });
  files.push(file);
}

/** Runs the tour in both colour schemes; returns the screenshots' paths. */
export async function runFirefoxTour(
  extensionDir: string,
  outDir: string,
  gateway: Gateway,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const suffix = colorScheme === 'dark' ? '-dark' : '';
    const firefox = await launchFirefox(extensionDir, { colorScheme });
    try {
      await firefox.control.evaluate(
        (serverUrl) => chrome.storage.local.set({ 'settings.serverUrl': serverUrl }),
        gateway.url,
      );
      const popup = await firefox.open('popup.html');
      await popup.setViewport(SIZES.popup);
      await signInFromPopup(firefox.browser, popup, gateway.url);
      await popup.waitForSelector('[data-testid=remaining]');
      await shoot(popup, path.join(outDir, `firefox-popup${suffix}.png`), files);

      gateway.control.setReply(SAMPLE_ANSWER);
      const sidebar = await firefox.open('sidepanel.html');
      await sidebar.setViewport(SIZES.sidebar);
      await sidebar.locator('#question').fill('How old is the sunlight I see?');
      await sidebar.keyboard.press('Enter');
      await sidebar.waitForSelector('button::-p-text(Regenerate)');
      await shoot(sidebar, path.join(outDir, `firefox-sidebar${suffix}.png`), files);

      const options = await firefox.open('options.html');
      await options.setViewport(SIZES.options);
      await waitUntil('the options page shows its redirect URI', () =>
        options.evaluate(() => document.body.innerText.includes('extensions.allizom.org')),
      );
      await shoot(options, path.join(outDir, `firefox-options${suffix}.png`), files);
    } finally {
      await firefox.close();
    }
  }
  return files;
}
