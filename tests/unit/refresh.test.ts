/**
 * The worker's token refresh against the local gateway over real HTTP (WXT's fake browser for
 * storage): one refresh however many callers, and each kind of failure handled as it should be.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_CLIENT, type Gateway, startGateway } from '../../dev/gateway';
import { aipassProvider } from '../../lib/auth/provider';
import { getAccessToken } from '../../lib/auth/refresh';
import { sessionTokens } from '../../lib/auth/session-store';
import { authStatus } from '../../lib/auth/status';
import { signInForTokens } from '../gateway/helpers';

let gateway: Gateway;

function refreshRequests() {
  return gateway.control
    .requests()
    .filter(
      (r) =>
        r.path === '/oauth2/token' &&
        (r.body as { grantType?: string }).grantType === 'refresh_token',
    );
}

/** A signed-in session as the worker stores it, already expired when `expired` is set. */
async function storeSession(
  expired: boolean,
): Promise<{ accessToken: string; refreshToken: string }> {
  const tokens = await signInForTokens(gateway);
  await sessionTokens('aipass').setValue({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: expired ? Date.now() - 1000 : Date.now() + tokens.expires_in * 1000,
    lifetimeSeconds: tokens.expires_in,
    scope: tokens.scope,
    provider: aipassProvider({ serverUrl: gateway.url, clientId: DEMO_CLIENT.clientId }),
  });
  gateway.control.clearRequests();
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}

describe('refresh coordination', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    gateway = await startGateway();
  });
  afterEach(async () => {
    await gateway.close();
  });

  it('gives twenty simultaneous callers one refresh and the same new token', async () => {
    const old = await storeSession(true);
    const grants = await Promise.all(Array.from({ length: 20 }, () => getAccessToken()));
    expect(refreshRequests()).toHaveLength(1);
    const tokens = new Set(grants.map((grant) => grant.accessToken));
    expect(tokens.size).toBe(1);
    expect(tokens.has(old.accessToken)).toBe(false);
    // Both tokens rotated and stored together.
    const stored = await sessionTokens('aipass').getValue();
    expect(stored?.accessToken).toBe(grants[0]?.accessToken);
    expect(stored?.refreshToken).not.toBe(old.refreshToken);
  });

  it('does not refresh a token that is still fresh', async () => {
    const current = await storeSession(false);
    expect((await getAccessToken()).accessToken).toBe(current.accessToken);
    expect(refreshRequests()).toHaveLength(0);
  });

  it('refreshes a refused token once, and hands a newer one to late callers without refreshing', async () => {
    const old = await storeSession(false);
    const first = await getAccessToken(old.accessToken);
    const late = await getAccessToken(old.accessToken);
    expect(first.accessToken).not.toBe(old.accessToken);
    expect(late.accessToken).toBe(first.accessToken);
    expect(refreshRequests()).toHaveLength(1);
  });

  it('ends the session with a reason when the server refuses the refresh token', async () => {
    await storeSession(true);
    gateway.control.revokeAllGrants();
    await expect(getAccessToken()).rejects.toMatchObject({
      code: 'session-ended',
      message:
        'AI Pass ended your session (it was signed out or revoked elsewhere). Sign in again to continue.',
    });
    expect(await sessionTokens('aipass').getValue()).toBeNull();
    // The pages get the reason as a key and its values, to show in their own language.
    expect(await authStatus.getValue()).toMatchObject({
      signedIn: false,
      reason: { key: 'sessionEndedElsewhere', params: { provider: 'AI Pass' } },
    });
    expect(refreshRequests()).toHaveLength(1);
  });

  it('keeps the tokens when the server fails for a moment (5xx)', async () => {
    const old = await storeSession(true);
    gateway.control.injectFault({ kind: 'status', status: 502, path: '/oauth2/token' });
    await expect(getAccessToken()).rejects.toMatchObject({ code: 'temporarily-unavailable' });
    expect((await sessionTokens('aipass').getValue())?.refreshToken).toBe(old.refreshToken);
  });
});
