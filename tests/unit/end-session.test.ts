/**
 * Signing out of an OpenID provider whose metadata offers an `end_session_endpoint` asks it to
 * end its own browser session too (RP-initiated logout), against the dev OpenID provider.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEV_EXTENSION_ID } from '../../dev/extension-identity';
import { OIDC_SCOPES } from '../../dev/oidc/provider';
import type { Provider } from '../../lib/auth/provider';
import { chromiumRedirectUri } from '../../lib/auth/redirect-uri';
import { sessionTokens } from '../../lib/auth/session-store';
import { signOut } from '../../lib/auth/sign-out';
import { browse, CookieJar, signInForTokens, useProvider } from '../oidc/helpers';

const oidc = useProvider();

describe('sign-out at an OpenID provider', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation((path = '') =>
      chromiumRedirectUri(DEV_EXTENSION_ID, path),
    );
  });

  it('ends the provider’s session with the ID token as hint, without a window', async () => {
    const jar = new CookieJar();
    const tokens = await signInForTokens(oidc(), { jar });
    const provider: Provider = {
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
