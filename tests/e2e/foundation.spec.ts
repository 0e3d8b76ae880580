import { DEV_EXTENSION_ID, DEV_REDIRECT_URI } from '../../dev/extension-identity';
import { expect, test } from './fixtures';

test('the service worker starts with the fixed development ID and least permissions', async ({
  serviceWorker,
  extensionId,
}) => {
  expect(extensionId).toBe(DEV_EXTENSION_ID);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Passlight');
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    [
      'activeTab',
      'contextMenus',
      'identity',
      'offscreen',
      'scripting',
      'sidePanel',
      'storage',
    ].sort(),
  );
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  expect(JSON.stringify(manifest.content_security_policy)).toContain(
    "script-src 'self'; object-src 'none'",
  );
});

test('both keyboard commands have their shortcut in a fresh profile', async ({ serviceWorker }) => {
  const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
  const shortcuts = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
  expect(shortcuts).toMatchObject({
    'open-side-panel': 'Alt+Shift+Y',
    'explain-selection': 'Alt+Shift+E',
  });
});

test('the popup renders its signed-out state', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'AI on any page' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Create an account' })).toBeVisible();
});

test('the side panel renders its empty state', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByRole('heading', { name: 'Ask about anything you see' })).toBeVisible();
});

test('the options page shows the redirect URI to register', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.locator('#redirect-uri')).toHaveText(DEV_REDIRECT_URI);
  await expect(options.getByLabel('Client ID')).toHaveValue('passlight-dev');
});

test('the options page saves a server URL and refuses a bad one', async ({
  openExtensionPage,
  serviceWorker,
  gateway,
}) => {
  const options = await openExtensionPage('options.html');
  const serverUrl = options.getByLabel('Server URL');
  await expect(serverUrl).toHaveValue(gateway.url);

  await serverUrl.fill('http://example.com');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('The server must use https://')).toBeVisible();
  await expect(serverUrl).toHaveAttribute('aria-invalid', 'true');

  const otherLoopback = 'http://127.0.0.1:9/';
  await serverUrl.fill(otherLoopback);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings.serverUrl'));
  expect(stored['settings.serverUrl']).toBe('http://127.0.0.1:9');

  await options.reload();
  await expect(options.getByLabel('Server URL')).toHaveValue('http://127.0.0.1:9');
});

test('a fresh install opens the welcome page', async ({ installTabUrl, extensionContext }) => {
  expect(installTabUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/welcome\.html$/);
  const page = await extensionContext.newPage();
  await page.goto(installTabUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to Passlight' })).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveCount(3);
});
