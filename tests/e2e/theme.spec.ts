import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** theme.css's --bg in each scheme, as the browser computes it. */
const LIGHT_BACKGROUND = 'rgb(247, 247, 251)';
const DARK_BACKGROUND = 'rgb(18, 18, 28)';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a theme picked in Settings applies at once to every open page, whatever the system says', async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await popup.emulateMedia({ colorScheme: 'light' });
  const options = await openExtensionPage('options.html');
  await options.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(popup)).toBe(LIGHT_BACKGROUND);

  await options.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => background(popup)).toBe(DARK_BACKGROUND);
  await expect.poll(() => background(options)).toBe(DARK_BACKGROUND);

  // A page opened later starts dark too, though the system is light.
  const panel = await openExtensionPage('sidepanel.html');
  await panel.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(panel)).toBe(DARK_BACKGROUND);

  // Light wins over a dark system; System gives the choice back to it.
  await popup.emulateMedia({ colorScheme: 'dark' });
  await options.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => background(popup)).toBe(LIGHT_BACKGROUND);
  await options.getByRole('radio', { name: 'System' }).check();
  await expect.poll(() => background(popup)).toBe(DARK_BACKGROUND);
  await expect(options.getByRole('radio', { name: 'System' })).toBeChecked();
});

test('a stored theme that is not one of the choices is read as System', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ 'settings.theme': 'neon' }));
  const popup = await openExtensionPage('popup.html');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(popup)).toBe(DARK_BACKGROUND);
  await expect
    .poll(() => popup.evaluate(() => document.documentElement.dataset.theme ?? 'none'))
    .toBe('none');
  await popup.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(popup)).toBe(LIGHT_BACKGROUND);
});
