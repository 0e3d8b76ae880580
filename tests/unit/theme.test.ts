import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isThemeChoice, themeChoice } from '../../lib/config/theme';

describe('theme choice', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is System until one is chosen, and is kept in storage.local', async () => {
    expect(await themeChoice.getValue()).toBe('system');
    await themeChoice.setValue('dark');
    expect(await fakeBrowser.storage.local.get('settings.theme')).toEqual({
      'settings.theme': 'dark',
    });
  });

  it('accepts only its three choices', () => {
    expect(['system', 'light', 'dark'].every(isThemeChoice)).toBe(true);
    for (const value of ['Dark', 'neon', '', null, 1, undefined, {}]) {
      expect(isThemeChoice(value)).toBe(false);
    }
  });
});
