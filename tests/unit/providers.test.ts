import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Provider } from '../../lib/auth/provider';
import {
  activeProviderId,
  addProvider,
  loadActiveProvider,
  loadProviders,
  removeProvider,
  watchProviders,
} from '../../lib/config/providers';

const STATS: Provider = {
  id: 'ai-stats',
  name: 'AI Stats',
  issuer: 'https://auth.aistats.example',
  discovery: 'oidc',
  clientId: 'passlight',
  scopes: ['openid', 'gateway:access'],
  tokenDialect: 'form',
  apiBase: 'https://api.aistats.example/v1',
  hasBalance: false,
};

describe('providers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has AI Pass built in, first and active by default', async () => {
    const [aipass, ...others] = await loadProviders();
    expect(aipass).toMatchObject({ id: 'aipass', name: 'AI Pass', hasBalance: true });
    expect(others).toEqual([]);
    expect((await loadActiveProvider()).id).toBe('aipass');
  });

  it('keeps added providers, and falls back to AI Pass when the active one is removed', async () => {
    await addProvider(STATS);
    await activeProviderId.setValue('ai-stats');
    expect(await loadActiveProvider()).toEqual(STATS);
    await removeProvider('ai-stats');
    expect((await loadProviders()).map((p) => p.id)).toEqual(['aipass']);
    expect((await loadActiveProvider()).id).toBe('aipass');
  });

  it('refuses a second provider with the same id', async () => {
    await addProvider(STATS);
    await expect(addProvider(STATS)).rejects.toThrow('exists already');
    await expect(addProvider({ ...STATS, id: 'aipass' })).rejects.toThrow('exists already');
  });

  it('tells watchers about additions and the active choice', async () => {
    const seen: string[] = [];
    const unwatch = watchProviders((providers, id) => seen.push(`${providers.length} ${id}`));
    await addProvider(STATS);
    await activeProviderId.setValue('ai-stats');
    await expect.poll(() => seen).toEqual(['2 aipass', '2 ai-stats']);
    unwatch();
  });
});
