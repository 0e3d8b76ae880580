import { DEV_REDIRECT_URI } from '../../dev/extension-identity';
import { expect, test } from './fixtures';
import { sessionStorage, signInThroughPopup } from './session';

test('a forged redirect with the wrong state is refused and nothing is stored', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  const authWindow = extensionContext.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  const authPage = await authWindow;
  await authPage.waitForLoadState();
  await authPage
    .evaluate((url) => {
      location.href = url;
    }, `${DEV_REDIRECT_URI}?code=forged-code&state=forged-state`)
    .catch(() => {
      // The window closes as the redirect is taken.
    });

  await expect(popup.getByRole('alert')).toContainText('did not match this attempt');
  expect(gateway.control.requests().some((r) => r.path === '/oauth2/token')).toBe(false);
  expect(Object.keys(await sessionStorage(serviceWorker))).not.toContain('auth.tokens');
});

test('closing the sign-in window cancels quietly', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  const authWindow = extensionContext.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  await expect(
    popup.getByRole('button', { name: 'Waiting for the sign-in window…' }),
  ).toBeVisible();
  await (await authWindow).close();

  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeEnabled();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(await sessionStorage(serviceWorker)).toEqual({});
});

test('Deny on the consent page is reported, with no token stored', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  const authWindow = extensionContext.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  await (await authWindow).getByRole('button', { name: 'Deny' }).click();

  await expect(popup.getByRole('alert')).toContainText('You chose not to give Passlight access');
  expect(Object.keys(await sessionStorage(serviceWorker))).not.toContain('auth.tokens');
});

test('a sign-in server that cannot be reached is named as such', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  // Port 9 (discard) on loopback: nothing listens there.
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ 'settings.serverUrl': 'http://127.0.0.1:9' }),
  );
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  await expect(popup.getByRole('alert')).toContainText('127.0.0.1:9 could not be reached');
});

test('content scripts and web pages get no token through messages or storage', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
  extensionId,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  const tokens = (await sessionStorage(serviceWorker))['auth.tokens'] as {
    accessToken: string;
    refreshToken: string;
  };
  const messageTypes = ['auth.getAccessToken', 'auth.signIn', 'auth.signOut'];

  const web = await extensionContext.newPage();
  await web.goto(`${gateway.url}/panel/dashboard`);
  const fromWebPage = await web.evaluate(
    async ({ id, types }) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no messaging for web pages';
      const send = runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>;
      return Promise.all(
        types.map((type) =>
          send(id, { type, data: {}, id: 1, timestamp: Date.now() }).catch(
            (error: Error) => error.message,
          ),
        ),
      );
    },
    { id: extensionId, types: messageTypes },
  );
  expect(JSON.stringify(fromWebPage)).not.toContain(tokens.accessToken);

  const fromContentScript = await serviceWorker.evaluate(
    async ({ url, types }) => {
      const [tab] = await chrome.tabs.query({ url });
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        args: [types],
        func: async (types: string[]) => {
          const answers = await Promise.all(
            types.map((type) =>
              chrome.runtime
                .sendMessage({ type, data: {}, id: 1, timestamp: Date.now() })
                .catch((error: Error) => error.message),
            ),
          );
          const session = await chrome.storage.session
            .get(null)
            .catch((error: Error) => error.message);
          const local = await chrome.storage.local.get(null);
          return { answers, session, local };
        },
      });
      return injection?.result;
    },
    { url: web.url(), types: messageTypes },
  );
  expect(fromContentScript?.answers).toEqual(
    messageTypes.map(() => ({ res: expect.objectContaining({ ok: false, code: 'forbidden' }) })),
  );
  expect(String(fromContentScript?.session)).toContain('not allowed');
  const everything = JSON.stringify({ fromWebPage, fromContentScript });
  expect(everything).not.toContain(tokens.accessToken);
  expect(everything).not.toContain(tokens.refreshToken);
  // Refused means refused: the session is untouched.
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
});
