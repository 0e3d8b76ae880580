import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeResetNotes } from '../../lib/config/checked-item';
import { applyStoredChanges, STORED_CHANGES } from '../../lib/config/migrations';
import { speechSpeed } from '../../lib/config/settings';

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('stored changes on update', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('clamps a speed the first version stored out of range, once, and notes nothing', async () => {
    await fakeBrowser.storage.local.set({ 'settings.speechSpeed': 3.5 });
    await applyStoredChanges('update');
    expect(await stored('settings.speechSpeed')).toBe(2);
    expect(await stored('settings.speechSpeed$')).toEqual({ v: 2 });
    expect(await speechSpeed.getValue()).toBe(2);
    expect(await takeResetNotes()).toEqual([]);

    // Run again (a second update): already at v2, nothing changes.
    await fakeBrowser.storage.local.set({ 'settings.speechSpeed': 1.2 });
    await applyStoredChanges('update');
    expect(await stored('settings.speechSpeed')).toBe(1.2);
  });

  it('on a fresh install only records the versions; on other reasons does nothing', async () => {
    await applyStoredChanges('chrome_update');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await applyStoredChanges('install');
    for (const change of STORED_CHANGES) {
      const key = change.key.replace(/^local:/, '');
      expect(await stored(`${key}$`)).toEqual({ v: change.version });
      expect(await stored(key)).toBeUndefined();
    }
  });
});
