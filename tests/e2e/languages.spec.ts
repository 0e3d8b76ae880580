/**
 * The language setting: picked in Settings, it changes every open page and the right-click menu
 * at once, and the browser's own language (English in the test browser) comes back with it.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel, signInThroughPopup } from './session';

/** The titles the worker last gave its menu items, by item id. */
function menuTitles(serviceWorker: Worker): Promise<Record<string, string>> {
  return serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { passlightTest: { menuTitles: () => Record<string, string> } }
    ).passlightTest.menuTitles(),
  );
}

test('a language picked in Settings applies at once to the open pages and the menus, until the browser’s comes back', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'AI on any page' })).toBeVisible();
  const options = await openExtensionPage('options.html');
  const language = options.getByRole('group', { name: /language of Passlight/ });
  await expect(language.getByRole('radio', { name: 'Browser language (English)' })).toBeChecked();

  await language.getByRole('radio', { name: 'Deutsch' }).check();
  // The options page itself, at once.
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
  await expect(options.getByRole('heading', { name: 'Sprache' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'de');
  await expect(options).toHaveTitle('Passlight-Einstellungen');
  // The menus, retitled by the worker.
  await expect
    .poll(() => menuTitles(serviceWorker))
    .toEqual({
      'passlight-explain': 'Erklären (zuerst bei AI Pass anmelden)',
      'passlight-read-aloud': 'Vorlesen (zuerst bei AI Pass anmelden)',
      'passlight-describe-image': 'Bild beschreiben (zuerst bei AI Pass anmelden)',
      'passlight-summarize-page': 'Diese Seite zusammenfassen (zuerst bei AI Pass anmelden)',
      'passlight-edit-image': 'Bild bearbeiten… (zuerst bei AI Pass anmelden)',
    });
  // The popup that was already open.
  await expect(popup.getByRole('heading', { name: 'KI auf jeder Seite' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Mit AI Pass anmelden' })).toBeVisible();

  await options.getByRole('radio', { name: '日本語' }).check();
  await expect(popup.getByRole('heading', { name: 'どのページでも AI を' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'AI Pass でサインイン' })).toBeVisible();
  await expect(popup.getByRole('button', { name: '設定' })).toBeVisible();
  // A popup opened now starts in Japanese too.
  const later = await openExtensionPage('popup.html');
  await expect(later.getByRole('heading', { name: 'どのページでも AI を' })).toBeVisible();
  await expect(later.locator('html')).toHaveAttribute('lang', 'ja');
  const welcome = await openExtensionPage('welcome.html');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Passlight へようこそ');
  await expect(welcome).toHaveTitle('Passlight へようこそ');
  await expect
    .poll(async () => (await menuTitles(serviceWorker))['passlight-explain'])
    .toBe('説明する（先に AI Pass にサインインしてください）');

  // Each language is named in itself, whatever the page speaks: the browser's is named in English.
  await options.getByRole('radio', { name: 'ブラウザの言語（English）' }).check();
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(options).toHaveTitle('Passlight settings');
  await expect(welcome).toHaveTitle('Welcome to Passlight');
  await expect(popup.getByRole('heading', { name: 'AI on any page' })).toBeVisible();
  await expect(later.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expect
    .poll(async () => (await menuTitles(serviceWorker))['passlight-explain'])
    .toBe('Explain (sign in to AI Pass first)');
});

test('signed in, the popup gives the balance and its messages in the language picked', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await expect(popup.getByTestId('remaining')).toHaveText(/^\$\d+\.\d\d$/);
  await expect
    .poll(async () => (await menuTitles(serviceWorker))['passlight-explain'])
    .toBe('Explain');

  await serviceWorker.evaluate(() => chrome.storage.local.set({ 'settings.language': 'de' }));
  await expect(popup.getByRole('heading', { name: 'Guthaben' })).toBeVisible();
  // German writes the figure first, with a decimal comma: "12,50 $".
  await expect(popup.getByTestId('remaining')).toHaveText(/^\d+,\d\d\u00a0\$$/);
  await expect(popup.getByRole('button', { name: 'Abmelden', exact: true })).toBeVisible();
  await expect(popup.getByRole('option', { name: '10,00 $' })).toBeAttached();
  await expect
    .poll(async () => (await menuTitles(serviceWorker))['passlight-explain'])
    .toBe('Erklären');

  // What the worker says is in the language picked too.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ 'settings.language': 'ja' }));
  await expect(popup.getByRole('heading', { name: '残高' })).toBeVisible();
  await popup.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(popup.getByText('サインアウトしました。')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'AI Pass でサインイン' })).toBeVisible();
});

test('Settings names the settings it had to reset in the language picked, listed its way', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      'settings.language': 'de',
      'providers.added': [{ id: 'x', name: 42 }],
      'settings.voice': 'robot',
    }),
  );
  const options = await openExtensionPage('options.html');
  const notice = options.getByRole('status').filter({ hasText: 'nicht gelesen werden' });
  await expect(notice).toContainText(/die (hinzugefügten Anbieter|Vorlesestimme) und die/);
  await expect(notice).toContainText('die hinzugefügten Anbieter');
  await expect(notice).toContainText('die Vorlesestimme');
  await expect(notice).toContainText('Bitte prüfen Sie sie unten.');
});

test('a message Settings already shows is reworded when another language is picked there', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Something to keep');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();

  const options = await openExtensionPage('options.html');
  const section = options.getByRole('region', { name: 'Conversations' });
  await expect(section).toContainText('1 conversation of Ada Lovelace in this browser.');
  await section.getByRole('button', { name: 'Delete all conversations' }).click();
  await section.getByRole('button', { name: 'Delete 1' }).click();
  await expect(section.getByRole('status')).toHaveText('Deleted 1 conversation.');

  await options
    .getByRole('group', { name: /language of Passlight/ })
    .getByRole('radio', { name: 'Deutsch' })
    .check();
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
  await expect(
    options.getByRole('region', { name: 'Unterhaltungen' }).getByRole('status'),
  ).toHaveText('1 Unterhaltung gelöscht.');
});
