import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_CLIENT } from '../../dev/gateway';
import { bearer, refreshTokens, signInForTokens, startTestGateway, userinfo } from './helpers';

function revoke(gatewayUrl: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${gatewayUrl}/oauth2/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

describe('revocation (RFC 7009)', () => {
  it('revoking a refresh token kills the grant: its refresh and access tokens', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const tokens = await signInForTokens(gateway);
    const response = await revoke(gateway.url, {
      token: tokens.refresh_token,
      client_id: DEMO_CLIENT.clientId,
    });
    expect(response.status).toBe(200);
    expect((await refreshTokens(gateway, tokens.refresh_token)).status).toBe(400);
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(401);
  });

  it('revoking an access token kills that token only', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const tokens = await signInForTokens(gateway);
    expect((await revoke(gateway.url, { token: tokens.access_token })).status).toBe(200);
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(401);
    expect((await refreshTokens(gateway, tokens.refresh_token)).status).toBe(200);
  });

  it('accepts ?token= in the query and answers 200 for unknown tokens', async () => {
    const gateway = await startTestGateway();
    const tokens = await signInForTokens(gateway);
    const byQuery = await fetch(
      `${gateway.url}/oauth2/revoke?token=${encodeURIComponent(tokens.access_token)}`,
      { method: 'POST' },
    );
    expect(byQuery.status).toBe(200);
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(401);
    expect((await revoke(gateway.url, { token: 'never-issued' })).status).toBe(200);
    const missing = await revoke(gateway.url, { client_id: DEMO_CLIENT.clientId });
    expect(missing.status).toBe(400);
  });

  it('revokes through the control interface too', async () => {
    const gateway = await startTestGateway();
    const tokens = await signInForTokens(gateway);
    expect(gateway.control.revokeGrantOf(tokens.access_token)).toBe(true);
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(401);
    expect(gateway.control.revokeGrantOf('unknown')).toBe(false);
  });
});

describe('revocation left out of the metadata', () => {
  it('announces no revocation endpoint when asked not to', async () => {
    const gateway = await startTestGateway({ announceRevocation: false });
    const metadata = await (
      await fetch(`${gateway.url}/.well-known/oauth-authorization-server`)
    ).json();
    expect(metadata).not.toHaveProperty('revocation_endpoint');
    expect(metadata).toHaveProperty('token_endpoint');
  });
});

describe('userinfo', () => {
  it('answers the profile with a stable sub', async () => {
    const gateway = await startTestGateway();
    const first = await signInForTokens(gateway);
    const response = await userinfo(gateway, first.access_token);
    expect(response.status).toBe(200);
    const profile = (await response.json()) as Record<string, unknown>;
    expect(profile).toEqual({
      sub: expect.any(String),
      name: DEMO_ACCOUNT.name,
      email: DEMO_ACCOUNT.email,
      email_verified: true,
      preferred_username: 'ada',
      updated_at: expect.any(Number),
      scopes: ['api:access', 'profile:read'],
    });
    gateway.control.reset();
    const again = await signInForTokens(gateway);
    const later = (await (await userinfo(gateway, again.access_token)).json()) as { sub: string };
    expect(later.sub).toBe(profile.sub);
  });

  it('refuses a token without profile:read with 403 insufficient_scope', async () => {
    const gateway = await startTestGateway();
    const tokens = await signInForTokens(gateway, { scope: 'api:access' });
    const response = await userinfo(gateway, tokens.access_token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'insufficient_scope' });
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('refuses a bad token with 401 and a Bearer challenge', async () => {
    const gateway = await startTestGateway();
    const response = await fetch(`${gateway.url}/oauth2/userinfo`, { headers: bearer('forged') });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
  });
});
