import { describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../dev/gateway';
import {
  refreshTokens,
  signInForTokens,
  startTestGateway,
  type TokenSet,
  tokenRequest,
  userinfo,
} from './helpers';

async function refreshed(response: Response): Promise<TokenSet> {
  expect(response.status).toBe(200);
  return (await response.json()) as TokenSet;
}

async function expectInvalidGrant(response: Response) {
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
}

describe('refresh: rotation and reuse detection', () => {
  it('rotates both tokens; the old access token lives until it expires', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const first = await signInForTokens(gateway);
    const second = await refreshed(await refreshTokens(gateway, first.refresh_token));
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe('api:access profile:read');
    expect((await userinfo(gateway, first.access_token)).status).toBe(200);
    expect((await userinfo(gateway, second.access_token)).status).toBe(200);
    const third = await refreshed(await refreshTokens(gateway, second.refresh_token));
    expect((await userinfo(gateway, third.access_token)).status).toBe(200);
  });

  it('revokes the whole grant when a rotated refresh token comes back', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const first = await signInForTokens(gateway);
    const second = await refreshed(await refreshTokens(gateway, first.refresh_token));

    await expectInvalidGrant(await refreshTokens(gateway, first.refresh_token));
    await expectInvalidGrant(await refreshTokens(gateway, second.refresh_token));
    expect((await userinfo(gateway, second.access_token)).status).toBe(401);
    expect((await userinfo(gateway, first.access_token)).status).toBe(401);
  });

  it('answers an overlapping refresh of the same grant with 503 Retry-After: 1, not as reuse', async () => {
    const gateway = await startTestGateway();
    const first = await signInForTokens(gateway);
    const [a, b] = await Promise.all([
      refreshTokens(gateway, first.refresh_token),
      refreshTokens(gateway, first.refresh_token),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 503]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.headers.get('retry-after')).toBe('1');
    expect(await loser.json()).toMatchObject({ error: 'temporarily_unavailable' });
    // The 503 did not count as reuse: the grant lives on.
    const rotated = await refreshed(winner);
    expect((await userinfo(gateway, rotated.access_token)).status).toBe(200);
    await refreshed(await refreshTokens(gateway, rotated.refresh_token));
  });

  it('refreshes with form encoding too, and refuses a refresh token of another client', async () => {
    const other = {
      clientId: 'other-app',
      redirectUris: DEMO_CLIENT.redirectUris,
      scopes: ['api:access'],
    };
    const gateway = await startTestGateway({
      refreshProcessingMs: 5,
      clients: [DEMO_CLIENT, other],
    });
    const first = await signInForTokens(gateway);
    await expectInvalidGrant(
      await tokenRequest(gateway, {
        grantType: 'refresh_token',
        refreshToken: first.refresh_token,
        clientId: 'other-app',
      }),
    );
    await refreshed(
      await tokenRequest(
        gateway,
        {
          grant_type: 'refresh_token',
          refresh_token: first.refresh_token,
          client_id: DEMO_CLIENT.clientId,
        },
        'form',
      ),
    );
  });
});

describe('access token expiry', () => {
  it('expires every access token on demand, while refresh still works', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const first = await signInForTokens(gateway);
    gateway.control.expireAccessTokens();
    const response = await userinfo(gateway, first.access_token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const second = await refreshed(await refreshTokens(gateway, first.refresh_token));
    expect((await userinfo(gateway, second.access_token)).status).toBe(200);
  });

  it('issues tokens with the lifetime set at run time', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    gateway.control.setAccessTokenTtl(42);
    const tokens = await signInForTokens(gateway);
    expect(tokens.expires_in).toBe(42);
  });
});
