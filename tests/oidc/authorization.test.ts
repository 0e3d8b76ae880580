/**
 * The authorization code flow with PKCE, driven over HTTP as a browser would drive it: the
 * sign-in page, the redirect with `iss`, the code exchange, and the requests that are refused.
 */
import { describe, expect, it } from 'vitest';
import { OIDC_DEMO_ACCOUNT } from '../../dev/oidc/provider';
import {
  authorizeUrl,
  browse,
  CookieJar,
  exchangeCode,
  followOnProvider,
  redirectParams,
  signIn,
  signInForTokens,
  useProvider,
  verifiedIdTokenClaims,
} from './helpers';

const provider = useProvider();

describe('OpenID provider: authorization code with PKCE', () => {
  it('shows a sign-in page with Authorize and Deny, then redirects with code, state and iss', async () => {
    const { params, page } = await signIn(provider(), { state: 'opaque-state' });
    expect(page).toContain('>Authorize</button>');
    expect(page).toContain('>Deny</button>');
    expect(page).toContain(OIDC_DEMO_ACCOUNT.name);
    expect(params.get('code')).toBeTruthy();
    expect(params.get('state')).toBe('opaque-state');
    expect(params.get('iss')).toBe(provider().issuer);
  });

  it('exchanges the code for access, refresh and ID tokens with offline_access', async () => {
    const tokens = await signInForTokens(provider());
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBeGreaterThan(3500);
    expect(tokens.expires_in).toBeLessThanOrEqual(3600);
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope.split(' ').sort()).toEqual(
      ['email', 'gateway:access', 'offline_access', 'openid', 'profile'].sort(),
    );
    const claims = await verifiedIdTokenClaims(provider(), tokens.id_token ?? '');
    expect(claims).toMatchObject({
      iss: provider().issuer,
      aud: provider().clientId,
      sub: OIDC_DEMO_ACCOUNT.sub,
      nonce: 'nonce-456',
    });
  });

  it('issues no refresh token without offline_access', async () => {
    const tokens = await signInForTokens(provider(), { scope: 'openid gateway:access' });
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('drops offline_access without prompt=consent, as OpenID Connect Core section 11 says', async () => {
    const tokens = await signInForTokens(provider(), { prompt: null });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope.split(' ')).not.toContain('offline_access');
    expect(tokens.scope.split(' ')).toContain('gateway:access');
  });

  it('refuses an authorization request without code_challenge', async () => {
    const jar = new CookieJar();
    const response = await followOnProvider(
      provider(),
      await browse(
        authorizeUrl(provider(), { code_challenge: null, code_challenge_method: null }),
        jar,
      ),
      jar,
    );
    const params = redirectParams(provider(), response);
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toMatch(/PKCE/);
    expect(params.get('code')).toBeNull();
  });

  it('refuses the plain PKCE method', async () => {
    const jar = new CookieJar();
    const response = await followOnProvider(
      provider(),
      await browse(authorizeUrl(provider(), { code_challenge_method: 'plain' }), jar),
      jar,
    );
    expect(redirectParams(provider(), response).get('error')).toBe('invalid_request');
  });

  it('refuses a code presented with the wrong verifier', async () => {
    const { params } = await signIn(provider());
    const response = await exchangeCode(provider(), params.get('code') ?? '', 'x'.repeat(43));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code presented twice', async () => {
    const { params, verifier } = await signIn(provider());
    const code = params.get('code') ?? '';
    expect((await exchangeCode(provider(), code, verifier)).status).toBe(200);
    const again = await exchangeCode(provider(), code, verifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('never redirects to an unregistered redirect URI', async () => {
    const jar = new CookieJar();
    const response = await browse(
      authorizeUrl(provider(), { redirect_uri: 'https://attacker.example/callback' }),
      jar,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('answers Deny with access_denied', async () => {
    const { params } = await signIn(provider(), { decision: 'deny', state: 'denied' });
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('denied');
    expect(params.get('iss')).toBe(provider().issuer);
  });

  it('answers prompt=none from the session once signed in, and login_required before', async () => {
    const jar = new CookieJar();
    const before = await signIn(provider(), {
      jar,
      prompt: 'none',
      scope: 'openid gateway:access',
    });
    expect(before.params.get('error')).toBe('login_required');

    await signIn(provider(), { jar, scope: 'openid gateway:access', prompt: null });
    const silent = await signIn(provider(), {
      jar,
      prompt: 'none',
      scope: 'openid gateway:access',
    });
    expect(silent.page).toBeUndefined();
    expect(silent.params.get('code')).toBeTruthy();
  });

  it('shows the page again for prompt=consent despite a session', async () => {
    const jar = new CookieJar();
    await signIn(provider(), { jar, prompt: null });
    const again = await signIn(provider(), { jar, prompt: 'consent' });
    expect(again.page).toContain('>Authorize</button>');
    expect(again.params.get('code')).toBeTruthy();
  });
});
