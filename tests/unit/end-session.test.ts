/**
 * Signing out of an OpenID provider whose metadata offers an `end_session_endpoint` asks it to
 * end its own browser session too (RP-initiated logout), and the next sign-in asks who is signing
 * in: against the dev OpenID provider (oidc-provider), over real HTTP.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEV_EXTENSION_ID } from '../../dev/extension-identity';
import { OIDC_SCOPES } from '../../dev/oidc/provider';
import type { Provider } from '../../lib/auth/provider';
import { chromiumRedirectUri } from '../../lib/auth/redirect-uri';
import { sessionTokens } from '../../lib/auth/session-store';
import { signIn } from '../../lib/auth/sign-in';
import { signOut } from '../../lib/auth/sign-out';
import { activeProviderId, addProvider } from '../../lib/config/providers';
import {
  authorizeUrl,
  browse,
  CookieJar,
  followOnProvider,
  signInForTokens,
  useProvider,
} from '../oidc/helpers';

const oidc = useProvider();

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation((path = '') =>
    chromiumRedirectUri(DEV_EXTENSION_ID, path),
  );
});

/** The dev OpenID provider as the options page would add it. */
function oidcProvider(): Provider {
  return {
    id: 'ai-stats',
    name: 'AI Stats',
    issuer: oidc().issuer,
    discovery: 'oidc',
    clientId: oidc().clientId,
    scopes: [...OIDC_SCOPES],
    tokenDialect: 'form',
    apiBase: `${oidc().issuer}/v1`,
    hasBalance: false,
  };
}

/** Stores a session signed in at the dev OpenID provider with the cookies in `jar`. */
async function signedInSession(jar: CookieJar) {
  const tokens = await signInForTokens(oidc(), { jar });
  await sessionTokens('ai-stats').setValue({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + 3_600_000,
    lifetimeSeconds: 3600,
    scope: tokens.scope,
    provider: oidcProvider(),
  });
  return tokens;
}

/** What an authorization request without `prompt` shows now: a sign-in page or only consent. */
async function nextSignInPage(jar: CookieJar): Promise<string> {
  const opened = await followOnProvider(oidc(), await browse(authorizeUrl(oidc()), jar), jar);
  expect(opened.status).toBe(200);
  return opened.text();
}

describe('sign-out at an OpenID provider', () => {
  it('ends the provider’s session with the ID token as hint, without a window', async () => {
    const jar = new CookieJar();
    const tokens = await signedInSession(jar);
    // The session lives: a sign-in now would only ask for consent (the grant is revoked below).
    expect(await nextSignInPage(jar)).not.toContain('Sign in to the development provider');
    const landedOn: string[] = [];
    const launch = vi
      .spyOn(fakeBrowser.identity, 'launchWebAuthFlow')
      .mockImplementation(async ({ url }) => {
        // The browser, with the provider's cookies: the page posts its own form, as its script does.
        const page = await browse(url, jar);
        const text = await page.text();
        expect(text).toContain('Signing out');
        const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(text)?.[1];
        const fields = new URLSearchParams();
        for (const [, name, value] of text.matchAll(
          /<input type="hidden" name="(\w+)" value="([^"]*)"/g,
        ))
          fields.set(name ?? '', value ?? '');
        const posted = await browse(new URL(action ?? '', oidc().issuer).href, jar, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: fields.toString(),
        });
        const location =
          (await followOnProvider(oidc(), posted, jar)).headers.get('location') ?? '';
        landedOn.push(location);
        return location;
      });

    await signOut('ai-stats');

    expect(launch).toHaveBeenCalledTimes(1);
    const [details] = launch.mock.calls[0] ?? [];
    // Silent, but given time for the page's own form post (Chromium's options).
    expect(details).toMatchObject({
      interactive: false,
      abortOnLoadForNonInteractive: false,
      timeoutMsForNonInteractive: 5_000,
    });
    const url = new URL(details?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${oidc().issuer}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: oidc().clientId,
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: chromiumRedirectUri(DEV_EXTENSION_ID, 'ai-stats'),
    });
    // Back at the extension's redirect URI, and the provider asks who is signing in again.
    expect(landedOn).toEqual([chromiumRedirectUri(DEV_EXTENSION_ID, 'ai-stats')]);
    expect(await nextSignInPage(jar)).toContain('Sign in to the development provider');
    expect(await sessionTokens('ai-stats').getValue()).toBeNull();
  });

  it('asks the person to confirm when the request does not prove which sign-in it ends', async () => {
    const jar = new CookieJar();
    await signInForTokens(oidc(), { jar });
    const url = new URL(`${oidc().issuer}/session/end`);
    url.searchParams.set('client_id', oidc().clientId);
    const page = await browse(url.href, jar);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Sign out of the development provider?');
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
  });
});

describe('signing in at an OpenID provider after a sign-out', () => {
  it('asks the person to sign in again and consent (prompt=login consent), which it accepts', async () => {
    await addProvider(oidcProvider());
    await activeProviderId.setValue('ai-stats');
    const jar = new CookieJar();
    const prompts: (string | null)[] = [];
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(
      async ({ url, interactive }) => {
        const opened = await followOnProvider(oidc(), await browse(url, jar), jar);
        if (!interactive) throw new Error('User interaction required.');
        prompts.push(new URL(url).searchParams.get('prompt'));
        // The sign-in page, with the live session cookie or not: the person presses Authorize.
        expect(opened.status).toBe(200);
        const action = /<form method="post" action="([^"]+)"/.exec(await opened.text())?.[1];
        const submitted = await browse(new URL(action ?? '', oidc().issuer).href, jar, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ decision: 'authorize' }).toString(),
        });
        const finished = await followOnProvider(oidc(), submitted, jar);
        return finished.headers.get('location') ?? '';
      },
    );

    await signIn({ interactive: true });
    await signOut();
    const again = await signIn({ interactive: true });

    expect(prompts).toEqual(['consent', 'login consent']);
    expect(again.sub).toBeTruthy();
    expect((await sessionTokens('ai-stats').getValue())?.idToken).toBeTruthy();
  });
});
