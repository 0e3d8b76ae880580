import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keptRefreshToken, migrateLegacyKeptToken } from '../../lib/auth/session-store';

describe('the refresh token kept by the first version', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('moves to AI Pass’s key with its provider, and the old key is removed', async () => {
    await fakeBrowser.storage.local.set({
      'auth.keptRefreshToken': {
        refreshToken: 'kept-refresh-token',
        serverUrl: 'https://aipass.example',
        clientId: 'my-client',
      },
    });
    await migrateLegacyKeptToken();
    expect(await keptRefreshToken('aipass').getValue()).toMatchObject({
      refreshToken: 'kept-refresh-token',
      provider: { id: 'aipass', issuer: 'https://aipass.example', clientId: 'my-client' },
    });
    expect(await fakeBrowser.storage.local.get('auth.keptRefreshToken')).toEqual({});
  });

  it('never replaces a token the current version kept', async () => {
    const provider = { id: 'aipass' } as never;
    await keptRefreshToken('aipass').setValue({ refreshToken: 'newer', provider });
    await fakeBrowser.storage.local.set({
      'auth.keptRefreshToken': {
        refreshToken: 'older',
        serverUrl: 'https://a.example',
        clientId: 'c',
      },
    });
    await migrateLegacyKeptToken();
    expect((await keptRefreshToken('aipass').getValue())?.refreshToken).toBe('newer');
    expect(await fakeBrowser.storage.local.get('auth.keptRefreshToken')).toEqual({});
  });
});
