import { createHash, randomBytes } from 'node:crypto';
import { request } from '@playwright/test';
import { DEV_REDIRECT_URI } from '../../dev/extension-identity';
import { DEMO_ACCOUNT } from '../../dev/gateway';
import { expect, test } from './fixtures';
import {
  openSignInWindow,
  redirectSignInWindow,
  sessionStorage,
  signInThroughPopup,
} from './session';

test('a forged redirect with the wrong state is refused and nothing is stored', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  const authPage = await openSignInWindow(extensionContext, popup);
  await redirectSignInWindow(authPage, `${DEV_REDIRECT_URI}?code=forged-code&state=forged-state`);

  await expect(popup.getByRole('alert')).toContainText('did not match this attempt');
  expect(gateway.control.requests().some((r) => r.path === '/oauth2/token')).toBe(false);
  expect(Object.keys(await sessionStorage(serviceWorker))).not.toContain('auth.tokens.aipass');
});

test('a code issued for another attempt is refused and nothing is stored', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  // Attempt A, by another client with its own cookies and PKCE pair: Authorize, keep the code.
  const otherVerifier = randomBytes(32).toString('base64url');
  const authorize = new URL(`${gateway.url}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: 'passlight-dev',
    redirect_uri: DEV_REDIRECT_URI,
    scope: 'api:access profile:read',
    state: 'attempt-a',
    code_challenge: createHash('sha256').update(otherVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const other = await request.newContext();
  const page = await (await other.get(authorize.href)).text();
  const transaction = /name="transaction" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const decision = await other.post(`${gateway.url}/oauth2/authorize`, {
    form: {
      transaction,
      decision: 'authorize',
      email: DEMO_ACCOUNT.email,
      password: DEMO_ACCOUNT.password,
    },
    maxRedirects: 0,
  });
  const codeOfA = new URL(decision.headers().location ?? '').searchParams.get('code');
  expect(codeOfA).toBeTruthy();
  await other.dispose();

  // Attempt B, the extension's own: its window is sent back with A's code and B's state.
  const popup = await openExtensionPage('popup.html');
  const authPage = await openSignInWindow(extensionContext, popup);
  const stateOfB = new URL(authPage.url()).searchParams.get('state');
  gateway.control.clearRequests();
  await redirectSignInWindow(authPage, `${DEV_REDIRECT_URI}?code=${codeOfA}&state=${stateOfB}`);

  await expect(popup.getByRole('alert')).toContainText('The server refused the sign-in code');
  const exchange = gateway.control.requests().find((r) => r.path === '/oauth2/token');
  expect(exchange?.status).toBe(400);
  expect(Object.keys(await sessionStorage(serviceWorker))).not.toContain('auth.tokens.aipass');
});

test('closing the sign-in window cancels quietly', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  const authPage = await openSignInWindow(extensionContext, popup);
  await expect(
    popup.getByRole('button', { name: 'Waiting for the sign-in window…' }),
  ).toBeVisible();
  await authPage.close();

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
  const authPage = await openSignInWindow(extensionContext, popup);
  await authPage.getByRole('button', { name: 'Deny' }).click();

  await expect(popup.getByRole('alert')).toContainText('You chose not to give Passlight access');
  expect(Object.keys(await sessionStorage(serviceWorker))).not.toContain('auth.tokens.aipass');
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
  const tokens = (await sessionStorage(serviceWorker))['auth.tokens.aipass'] as {
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
