import { describe, expect, it } from 'vitest';
import { needsRefresh, refreshMarginMs, tokenSetFromResponse } from '../../lib/auth/token-set';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('token expiry arithmetic', () => {
  it('computes expiry from the time of receipt and expires_in', () => {
    const tokens = tokenSetFromResponse(
      { access_token: 'a', refresh_token: 'r', expires_in: 3600, scope: 'api:access' },
      NOW,
    );
    expect(tokens.expiresAt).toBe(NOW + 3_600_000);
    expect(tokens.lifetimeSeconds).toBe(3600);
  });

  it('refreshes with max(60 s, 10 % of the lifetime) left', () => {
    const hour = tokenSetFromResponse({ access_token: 'a', expires_in: 3600 }, NOW);
    expect(refreshMarginMs(hour)).toBe(360_000);
    expect(needsRefresh(hour, NOW + 3_600_000 - 360_001)).toBe(false);
    expect(needsRefresh(hour, NOW + 3_600_000 - 360_000)).toBe(true);

    const short = tokenSetFromResponse({ access_token: 'a', expires_in: 300 }, NOW);
    expect(refreshMarginMs(short)).toBe(60_000);
    expect(needsRefresh(short, NOW + 239_000)).toBe(false);
    expect(needsRefresh(short, NOW + 240_000)).toBe(true);

    const seventyDays = tokenSetFromResponse({ access_token: 'a', expires_in: 70 * 86_400 }, NOW);
    expect(refreshMarginMs(seventyDays)).toBe(7 * 86_400_000);
  });

  it('keeps the old refresh token and scope when a refresh does not send new ones', () => {
    const first = tokenSetFromResponse(
      { access_token: 'a1', refresh_token: 'r1', expires_in: 60, scope: 's' },
      NOW,
    );
    const second = tokenSetFromResponse({ access_token: 'a2', expires_in: 60 }, NOW + 1000, first);
    expect(second).toMatchObject({ accessToken: 'a2', refreshToken: 'r1', scope: 's' });
  });

  it('assumes a short lifetime when the server gives none', () => {
    const tokens = tokenSetFromResponse({ access_token: 'a' }, NOW);
    expect(tokens.expiresAt).toBe(NOW + 300_000);
  });
});
