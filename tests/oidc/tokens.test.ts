/**
 * What a signed-in client does with its tokens: refresh (which rotates), userinfo, revocation,
 * and what introspection tells the gateway about each.
 */
import { describe, expect, it } from 'vitest';
import { OIDC_DEMO_ACCOUNT, startOidcProvider } from '../../dev/oidc/provider';
import {
  introspect,
  refresh,
  revoke,
  signInForTokens,
  type TokenSet,
  useProvider,
  userinfo,
} from './helpers';

const provider = useProvider();

describe('OpenID provider: tokens', () => {
  it('rotates the refresh token on each refresh and refuses the spent one', async () => {
    const first = await signInForTokens(provider());
    const { exp: firstExpiry } = await introspect(provider(), first.refresh_token ?? '');
    const refreshed = await refresh(provider(), first.refresh_token ?? '');
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenSet;
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    // The sign-in keeps its end: the new refresh token inherits what was left.
    const { exp: secondExpiry } = await introspect(provider(), second.refresh_token ?? '');
    expect(Math.abs(Number(secondExpiry) - Number(firstExpiry))).toBeLessThanOrEqual(1);

    const replayed = await refresh(provider(), first.refresh_token ?? '');
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('gives name and email at userinfo, as the scopes allow', async () => {
    const full = await signInForTokens(provider());
    const response = await userinfo(provider(), full.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      sub: OIDC_DEMO_ACCOUNT.sub,
      name: OIDC_DEMO_ACCOUNT.name,
      email: OIDC_DEMO_ACCOUNT.email,
      email_verified: true,
    });

    const narrow = await signInForTokens(provider(), { scope: 'openid gateway:access' });
    expect(await (await userinfo(provider(), narrow.access_token)).json()).toEqual({
      sub: OIDC_DEMO_ACCOUNT.sub,
    });
  });

  it('tells the gateway, through introspection, who an access token is for and its scopes', async () => {
    const tokens = await signInForTokens(provider());
    const answer = await introspect(provider(), tokens.access_token);
    expect(answer).toMatchObject({
      active: true,
      sub: OIDC_DEMO_ACCOUNT.sub,
      client_id: provider().clientId,
      token_type: 'Bearer',
      iss: provider().issuer,
    });
    expect(String(answer.scope).split(' ')).toContain('gateway:access');
    expect(await introspect(provider(), 'not-a-token')).toEqual({ active: false });
  });

  it('refuses introspection to a caller without the gateway credential', async () => {
    const tokens = await signInForTokens(provider());
    const response = await fetch(provider().resourceServer.introspectionEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${provider().resourceServer.clientId}:wrong`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: tokens.access_token }).toString(),
    });
    expect(response.status).toBe(401);
  });

  it('revokes an access token on its own', async () => {
    const tokens = await signInForTokens(provider());
    expect((await revoke(provider(), tokens.access_token, 'access_token')).status).toBe(200);
    expect(await introspect(provider(), tokens.access_token)).toEqual({ active: false });
    expect((await userinfo(provider(), tokens.access_token)).status).toBe(401);
    expect((await refresh(provider(), tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('ends the whole grant when the refresh token is revoked', async () => {
    const tokens = await signInForTokens(provider());
    expect((await revoke(provider(), tokens.refresh_token ?? '', 'refresh_token')).status).toBe(
      200,
    );
    expect(await introspect(provider(), tokens.access_token)).toEqual({ active: false });
    const refreshed = await refresh(provider(), tokens.refresh_token ?? '');
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers revocation of an unknown token with success (RFC 7009)', async () => {
    expect((await revoke(provider(), 'never-issued')).status).toBe(200);
  });

  it('issues access tokens with the lifetime it was started with', async () => {
    // Three seconds: a busy machine may take more than one between issuing and asking.
    const shortLived = await startOidcProvider({ accessTokenTtlSeconds: 3 });
    try {
      const tokens = await signInForTokens(shortLived);
      expect(tokens.expires_in).toBe(3);
      expect((await introspect(shortLived, tokens.access_token)).active).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 3100));
      expect(await introspect(shortLived, tokens.access_token)).toEqual({ active: false });
    } finally {
      await shortLived.close();
    }
  });
});
