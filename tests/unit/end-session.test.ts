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
import { browse, CookieJar, followOnProvider, signInForTokens, useProvider } from '../oidc/helpers';

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

describe('sign-out at an OpenID provider', () => {
  it('ends the provider’s session with the ID token as hint, without a window', async () => {
    const jar = new CookieJar();
    const tokens = await signInForTokens(oidc(), { jar });
    const provider = oidcProvider();
    await sessionTokens('ai-stats').setValue({
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token,
      expiresAt: Date.now() + 3_600_000,
      lifetimeSeconds: 3600,
      scope: tokens.scope,
      provider,
    });
    const answers: { status: number; page: string }[] = [];
    const launch = vi
      .spyOn(fakeBrowser.identity, 'launchWebAuthFlow')
      .mockImplementation(async ({ url }) => {
        // The browser, with the provider's cookies: the provider must accept the request.
        const response = await browse(url, jar);
        answers.push({ status: response.status, page: await response.text() });
        throw new Error('User interaction required.');
      });

    await signOut('ai-stats');

    expect(launch).toHaveBeenCalledTimes(1);
    const [details] = launch.mock.calls[0] ?? [];
    expect(details?.interactive).toBe(false);
    const url = new URL(details?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${oidc().issuer}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: oidc().clientId,
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: chromiumRedirectUri(DEV_EXTENSION_ID, 'ai-stats'),
    });
    // The provider's own "sign out?" page, not an error about the request.
    expect(answers.map((answer) => answer.status)).toEqual([200]);
    expect(answers[0]?.page).toContain('Sign out of the development provider?');
    expect(await sessionTokens('ai-stats').getValue()).toBeNull();
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
