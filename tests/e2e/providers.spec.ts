/**
 * Gateways other than AI Pass, added on the options page: a certified OpenID provider
 * (oidc-provider, set up as AI Stats describes) with the local gateway serving the model API
 * behind it, the local gateway in Agnic's dialect, and two providers at once.
 */
import { createHash } from 'node:crypto';
import { DEV_EXTENSION_ID } from '../../dev/extension-identity';
import { startGateway } from '../../dev/gateway';
import { startOidcProvider } from '../../dev/oidc/provider';
import { startOidcStack } from '../../dev/oidc/stack';
import { chromiumRedirectUri } from '../../lib/auth/redirect-uri';
import { expect, test } from './fixtures';
import {
  addOpenIdProvider,
  addProviderInOptions,
  expireStoredToken,
  isTokenActive,
  savedProviders,
  startMalformedIssuer,
  storedTokens,
} from './providers';
import { ask, lastAnswer, openSignInWindow, redirectSignInWindow, sessionStorage } from './session';

test('an OpenID Connect provider: sign in, stream, refresh after expiry, sign out with revocation', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const stack = await startOidcStack();
  try {
    const options = await openExtensionPage('options.html');
    await addOpenIdProvider(options, stack.provider, `${stack.gateway.url}/oauth2/v1`);
    await expect(options.getByRole('radio', { name: /^AI Stats/ })).toBeChecked();

    const popup = await openExtensionPage('popup.html');
    const authPage = await openSignInWindow(extensionContext, popup, 'AI Stats');
    const attempt = (await sessionStorage(serviceWorker))['auth.pending'] as {
      nonce?: string;
      redirectUri: string;
    };
    expect(attempt.nonce).toMatch(/^[\w-]{20,}$/);
    expect(attempt.redirectUri).toBe(chromiumRedirectUri(DEV_EXTENSION_ID, 'ai-stats'));
    await authPage.getByRole('button', { name: 'Authorize' }).click();

    // The name comes from userinfo; this provider has no balance, so none is shown.
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    await expect(popup.getByText('Signed in with AI Stats')).toBeVisible();
    await expect(popup.getByRole('heading', { name: 'Balance' })).toHaveCount(0);
    const first = await storedTokens(serviceWorker, 'ai-stats');
    expect(first?.refreshToken).toBeTruthy();

    const panel = await openExtensionPage('sidepanel.html');
    await expect(panel.getByLabel('Model')).toBeEnabled();
    await ask(panel, 'What is an issuer?');
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('You asked about');
    const chat = stack.gateway.control
      .requests()
      .find((r) => r.path === '/oauth2/v1/chat/completions');
    expect(chat?.headers.authorization).toBe(`Bearer ${first?.accessToken}`);
    expect(
      stack.gateway.control.requests().some((r) => r.path === '/api/v1/usage/me/summary'),
    ).toBe(false);

    await expireStoredToken(serviceWorker, 'ai-stats');
    await ask(panel, 'And after a refresh?');
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('And after a refresh?');
    const renewed = await storedTokens(serviceWorker, 'ai-stats');
    expect(renewed?.accessToken).not.toBe(first?.accessToken);
    expect(renewed?.refreshToken).not.toBe(first?.refreshToken);
    // The refresh token rotated: the old one is spent.
    expect(await isTokenActive(stack.provider, first?.refreshToken ?? '')).toBe(false);
    expect(await isTokenActive(stack.provider, renewed?.refreshToken ?? '')).toBe(true);

    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByRole('button', { name: 'Sign in with AI Stats' })).toBeVisible();
    // The session is gone at once; the revocations follow.
    await expect.poll(() => isTokenActive(stack.provider, renewed?.accessToken ?? '')).toBe(false);
    expect(await isTokenActive(stack.provider, renewed?.refreshToken ?? '')).toBe(false);
    expect(await storedTokens(serviceWorker, 'ai-stats')).toBeUndefined();
  } finally {
    await stack.close();
  }
});

test("the local gateway in Agnic's dialect: JSON snake_case token requests, then chat and sign-out", async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const agnic = await startGateway({
    tokenDialects: ['json-snake'],
    announceIss: true,
    clients: [
      {
        clientId: 'passlight-agnic',
        redirectUris: [chromiumRedirectUri(DEV_EXTENSION_ID, 'agnic')],
        scopes: ['api:access', 'profile:read'],
      },
    ],
  });
  try {
    const options = await openExtensionPage('options.html');
    await addProviderInOptions(options, {
      issuer: agnic.url,
      name: 'Agnic',
      apiBase: `${agnic.url}/oauth2/v1`,
      clientId: 'passlight-agnic',
      tokenStyle: 'JSON, snake_case fields (Agnic)',
    });

    const popup = await openExtensionPage('popup.html');
    await (await openSignInWindow(extensionContext, popup, 'Agnic'))
      .getByRole('button', { name: 'Authorize' })
      .click();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    const tokenBodies = () =>
      agnic.control
        .requests()
        .filter((r) => r.path === '/oauth2/token')
        .map((r) => ({ type: r.headers['content-type'], body: r.body as Record<string, string> }));
    const [exchange] = tokenBodies();
    expect(exchange?.type).toContain('application/json');
    expect(Object.keys(exchange?.body ?? {}).sort()).toEqual([
      'client_id',
      'code',
      'code_verifier',
      'grant_type',
      'redirect_uri',
    ]);

    const panel = await openExtensionPage('sidepanel.html');
    await expect(panel.getByLabel('Model')).toBeEnabled();
    await expireStoredToken(serviceWorker, 'agnic');
    await ask(panel, 'Hello from Agnic');
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('Hello from Agnic');
    const refresh = tokenBodies()[1];
    expect(refresh?.body.grant_type).toBe('refresh_token');
    expect(refresh?.body.refresh_token).toBeTruthy();

    const tokens = await storedTokens(serviceWorker, 'agnic');
    agnic.control.clearRequests();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByRole('button', { name: 'Sign in with Agnic' })).toBeVisible();
    const revoked = () =>
      agnic.control
        .requests()
        .filter((r) => r.path === '/oauth2/revoke')
        .map((r) => (r.body as { token?: string }).token);
    // The session is gone at once; the revocations follow.
    await expect.poll(revoked).toEqual([tokens?.refreshToken, tokens?.accessToken]);
  } finally {
    await agnic.close();
  }
});

test('with two providers, a response naming the other issuer or arriving on its path is refused', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const [stats, other] = await Promise.all([startOidcProvider(), startOidcProvider()]);
  try {
    const options = await openExtensionPage('options.html');
    for (const [provider, name] of [
      [stats, 'AI Stats'],
      [other, 'OIDC'],
    ] as const) {
      await addOpenIdProvider(options, provider, `${provider.issuer}/v1`, name);
    }
    await options.getByRole('radio', { name: /^AI Stats/ }).check();

    const popup = await openExtensionPage('popup.html');
    const tryAnswer = async (answer: (state: string) => string) => {
      const authPage = await openSignInWindow(extensionContext, popup, 'AI Stats');
      const { state } = (await sessionStorage(serviceWorker))['auth.pending'] as { state: string };
      await redirectSignInWindow(authPage, answer(state));
      await expect(popup.getByRole('alert')).toContainText('did not match this attempt');
      expect(await storedTokens(serviceWorker, 'ai-stats')).toBeUndefined();
      expect(await storedTokens(serviceWorker, 'oidc')).toBeUndefined();
    };
    const statsPath = chromiumRedirectUri(DEV_EXTENSION_ID, 'ai-stats');
    const otherPath = chromiumRedirectUri(DEV_EXTENSION_ID, 'oidc');
    const query = (state: string, iss: string) =>
      new URLSearchParams({ code: 'a-code', state, iss }).toString();

    // The right path and state, but the other provider's issuer (a mix-up attack, RFC 9207).
    await tryAnswer((state) => `${statsPath}?${query(state, other.issuer)}`);
    // The right issuer and state, but the other provider's redirect path.
    await tryAnswer((state) => `${otherPath}?${query(state, stats.issuer)}`);
  } finally {
    await Promise.all([stats.close(), other.close()]);
  }
});

test('a code whose ID token carries another nonce than the attempt’s is refused, nothing stored', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const provider = await startOidcProvider();
  try {
    const options = await openExtensionPage('options.html');
    await addOpenIdProvider(options, provider, `${provider.issuer}/v1`);
    const popup = await openExtensionPage('popup.html');
    const authPage = await openSignInWindow(extensionContext, popup, 'AI Stats');
    const attempt = (await sessionStorage(serviceWorker))['auth.pending'] as {
      state: string;
      codeVerifier: string;
      nonce: string;
      redirectUri: string;
    };

    // An injected code: the attempt's own state and PKCE challenge, so only the nonce tells.
    const injected = new URL(`${provider.issuer}/auth`);
    injected.search = new URLSearchParams({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: attempt.redirectUri,
      scope: provider.scopes.join(' '),
      state: attempt.state,
      code_challenge: createHash('sha256').update(attempt.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      nonce: 'a-nonce-of-another-attempt',
      prompt: 'consent',
    }).toString();
    await authPage.goto(injected.href);
    await authPage.getByRole('button', { name: 'Authorize' }).click();

    await expect(popup.getByRole('alert')).toContainText('failed Passlight’s checks');
    expect(await storedTokens(serviceWorker, 'ai-stats')).toBeUndefined();
    await expect(popup.getByRole('button', { name: 'Sign in with AI Stats' })).toBeEnabled();
  } finally {
    await provider.close();
  }
});

test('an issuer that is unreachable, not HTTPS, or has malformed metadata is refused with nothing saved', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const malformed = await startMalformedIssuer();
  try {
    const options = await openExtensionPage('options.html');
    const issuer = options.getByLabel('Issuer URL');
    const readSettings = options.getByRole('button', { name: 'Read settings' });
    const hint = options.locator('#issuer-url-hint');

    await issuer.fill('http://example.com');
    await readSettings.click();
    await expect(hint).toHaveText(
      'The issuer URL must use https:// (plain http:// only on this computer).',
    );
    await expect(issuer).toHaveAttribute('aria-invalid', 'true');

    await issuer.fill('http://127.0.0.1:9');
    await readSettings.click();
    await expect(hint).toHaveText('127.0.0.1:9 could not be reached.');

    await issuer.fill(malformed.url);
    await readSettings.click();
    await expect(hint).toContainText('did not send valid OAuth metadata (not JSON)');

    await expect(options.getByRole('button', { name: 'Add provider' })).toHaveCount(0);
    expect(await savedProviders(serviceWorker)).toEqual([]);
  } finally {
    await malformed.close();
  }
});

test('Sign out ends the OpenID provider’s own session: a sign-in without prompt=login still asks who is signing in', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const stack = await startOidcStack();
  try {
    const options = await openExtensionPage('options.html');
    await addOpenIdProvider(options, stack.provider, `${stack.gateway.url}/oauth2/v1`);
    const signInPage = { name: 'Sign in to the development provider' };

    const popup = await openExtensionPage('popup.html');
    const first = await openSignInWindow(extensionContext, popup, 'AI Stats');
    await expect(first.getByRole('heading', signInPage)).toBeVisible();
    await first.getByRole('button', { name: 'Authorize' }).click();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    expect(stack.provider.signedInSessions()).toBe(1);

    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByRole('button', { name: 'Sign in with AI Stats' })).toBeVisible();
    // The worker's silent launchWebAuthFlow went to the end_session_endpoint with the browser's
    // cookies and the provider ended that session: nobody is signed in there any more.
    await expect.poll(() => stack.provider.signedInSessions()).toBe(0);

    // As if the person had not signed out by choice: the next sign-in does not send prompt=login.
    await serviceWorker.evaluate(() =>
      chrome.storage.local.remove('auth.signedOutByChoice.ai-stats'),
    );
    const again = await openSignInWindow(extensionContext, popup, 'AI Stats');
    // The provider asks who is signing in (its session is gone), not only for consent.
    await expect(again.getByRole('heading', signInPage)).toBeVisible();
    // The extension asked for consent only; the provider asked who is signing in all the same.
    expect(stack.provider.interactions()).toEqual([
      { requested: 'consent', shown: 'login' },
      { requested: 'consent', shown: 'login' },
    ]);
    await again.getByRole('button', { name: 'Authorize' }).click();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
  } finally {
    await stack.close();
  }
});
