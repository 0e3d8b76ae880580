import { DEV_REDIRECT_URI } from '../../dev/extension-identity';
import { expect, test } from './fixtures';
import { callApiConcurrently, callApiOnce, sessionStorage, signInThroughPopup } from './session';

test('a new user signs in from the popup and sees their name and exact balance', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  gateway.control.setBudget({ maxBudget: 12.5, totalCost: 2.25 });
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await expect(popup.getByText('ada@example.test')).toBeVisible();
  await expect(popup.getByTestId('remaining')).toHaveText('$10.25');
  await expect(popup.getByText('left of $12.50')).toBeVisible();
  await expect(popup.getByText('Spent $2.25')).toBeVisible();

  const tokenRequests = gateway.control.requests().filter((r) => r.path === '/oauth2/token');
  expect(tokenRequests).toHaveLength(1);
  // AI Pass's dialect: a JSON body with camelCase fields, PKCE verifier included.
  expect(tokenRequests[0]?.body).toMatchObject({
    grantType: 'authorization_code',
    clientId: 'passlight-dev',
    redirectUri: DEV_REDIRECT_URI,
    codeVerifier: expect.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/),
  });
});

test('twenty simultaneous calls from two pages with an expired token cause one refresh', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  const panel = await openExtensionPage('sidepanel.html');
  gateway.control.expireAccessTokens();
  gateway.control.clearRequests();

  const [fromPopup, fromPanel] = await Promise.all([
    callApiConcurrently(popup, 10),
    callApiConcurrently(panel, 10),
  ]);
  expect([...fromPopup, ...fromPanel]).toEqual(Array(20).fill(200));
  const refreshes = gateway.control
    .requests()
    .filter(
      (r) =>
        r.path === '/oauth2/token' &&
        (r.body as { grantType?: string }).grantType === 'refresh_token',
    );
  expect(refreshes).toHaveLength(1);
});

test('a refresh token revoked on the server ends in the signed-out state with a reason', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  // The popup's own first balance call has landed: only the call below meets the revocation.
  await expect(popup.getByTestId('remaining')).toBeVisible();
  gateway.control.revokeAllGrants();
  gateway.control.clearRequests();

  const statuses = await callApiOnce(popup);
  expect(statuses).toBe('signed-out');
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expect(popup.getByText('AI Pass ended your session')).toBeVisible();
  // One failed call, one refused refresh: nothing loops.
  expect(gateway.control.requests().map((r) => `${r.path} ${r.status}`)).toEqual([
    '/api/v1/usage/me/summary 401',
    '/oauth2/token 400',
  ]);
  expect(Object.keys(await sessionStorage(serviceWorker))).toEqual(['auth.status']);
});

test('sign-out revokes the refresh token, then the access token, and forgets the session', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  const before = await sessionStorage(serviceWorker);
  const tokens = before['auth.tokens.aipass'] as { accessToken: string; refreshToken: string };
  gateway.control.clearRequests();

  await popup.getByRole('button', { name: 'Sign out' }).click();
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();

  // The session is gone at once; the revocations follow.
  const revoked = () =>
    gateway.control
      .requests()
      .filter((r) => r.path === '/oauth2/revoke')
      .map((r) => (r.body as { token?: string }).token);
  await expect.poll(revoked).toEqual([tokens.refreshToken, tokens.accessToken]);
  const after = await sessionStorage(serviceWorker);
  expect(Object.keys(after)).toEqual(['auth.status']);
  expect(JSON.stringify(after)).not.toContain(tokens.accessToken);
  expect(JSON.stringify(after)).not.toContain(tokens.refreshToken);
});

test('Open side panel in the signed-in popup opens the real side panel', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
        return contexts.length;
      }),
    )
    .toBe(1);
});
