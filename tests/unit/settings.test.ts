import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BUILD_DEFAULTS,
  loadProviderSettings,
  resetProviderSettings,
  saveProviderSettings,
  watchProviderSettings,
} from '../../lib/config/settings';

describe('provider settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('falls back to the build defaults', async () => {
    expect(await loadProviderSettings()).toEqual(BUILD_DEFAULTS);
  });

  it('keeps overrides in storage.local and restores the defaults on reset', async () => {
    await saveProviderSettings({ serverUrl: 'https://gateway.example', clientId: 'my-client' });
    expect(await loadProviderSettings()).toEqual({
      serverUrl: 'https://gateway.example',
      clientId: 'my-client',
    });
    expect(await fakeBrowser.storage.local.get('settings.serverUrl')).toEqual({
      'settings.serverUrl': 'https://gateway.example',
    });
    await resetProviderSettings();
    expect(await loadProviderSettings()).toEqual(BUILD_DEFAULTS);
  });

  it('stores a value equal to the build default as no override', async () => {
    await saveProviderSettings({ serverUrl: BUILD_DEFAULTS.serverUrl, clientId: 'my-client' });
    expect(await fakeBrowser.storage.local.get('settings.serverUrl')).toEqual({
      'settings.serverUrl': '',
    });
  });

  it('tells watchers about changes made anywhere', async () => {
    const seen: string[] = [];
    const unwatch = watchProviderSettings((settings) => seen.push(settings.serverUrl));
    await saveProviderSettings({ serverUrl: 'https://one.example', clientId: 'c' });
    await expect.poll(() => seen.at(-1)).toBe('https://one.example');
    unwatch();
  });
});
