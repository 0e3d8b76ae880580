import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hadSession } from '../../lib/auth/session-store';
import { type CheckedItem, takeResetNotes } from '../../lib/config/checked-item';
import { activeProviderId, addedProviders, loadProviders } from '../../lib/config/providers';
import {
  BUILD_DEFAULTS,
  loadProviderSettings,
  speechSpeed,
  speechVoice,
  staySignedIn,
} from '../../lib/config/settings';
import { lastConversation, rememberedModel } from '../../lib/config/side-panel-memory';
import { modelPreferences } from '../../lib/models/stored';

const agnic = {
  id: 'agnic',
  name: 'Agnic',
  issuer: 'https://api.agnic.ai',
  discovery: 'oauth2',
  clientId: 'passlight',
  scopes: ['api:access'],
  tokenDialect: 'json-snake',
  apiBase: 'https://api.agnic.ai/v1',
  hasBalance: false,
};

/** Each stored key: a value that fits and values that do not (hand edits, downgrades, bugs). */
const CASES: Array<{ item: CheckedItem<unknown>; good: unknown; bad: unknown[] }> = [
  { item: staySignedIn as CheckedItem<unknown>, good: true, bad: ['true', 1] },
  { item: speechVoice as CheckedItem<unknown>, good: 'nova', bad: ['robot', 3] },
  { item: speechSpeed as CheckedItem<unknown>, good: 1.5, bad: [9, -1, '1'] },
  {
    item: addedProviders as CheckedItem<unknown>,
    good: [agnic],
    bad: [
      agnic,
      [{ ...agnic, tokenDialect: 'camel-json' }],
      [{ ...agnic, id: '../evil' }],
      [{ ...agnic, apiBase: 'javascript:alert(1)' }],
      [{ ...agnic, extra: true }],
      [{ ...agnic, scopes: 'api:access' }],
    ],
  },
  { item: activeProviderId as CheckedItem<unknown>, good: 'agnic', bad: [7, 'Not An Id'] },
  { item: hadSession as CheckedItem<unknown>, good: true, bad: ['yes'] },
  { item: rememberedModel as CheckedItem<unknown>, good: 'openai/gpt-4o-mini', bad: [['a']] },
  { item: lastConversation as CheckedItem<unknown>, good: null, bad: [{ id: 'x' }] },
  {
    item: modelPreferences as CheckedItem<unknown>,
    good: { agnic: { hidden: ['openai/tts-1'], kinds: { 'acme/x': 'vision' } } },
    bad: [
      [],
      { agnic: { hidden: 'openai/tts-1', kinds: {} } },
      { agnic: { hidden: [], kinds: { 'acme/x': 'telepathy' } } },
    ],
  },
];

const storageKey = (item: CheckedItem<unknown>) => item.key.replace(/^local:/, '');

describe('settings checked on read', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each(CASES.map((entry) => [entry.item.key, entry] as const))(
    '%s: keeps a value that fits, and replaces one that does not by its default, once noted',
    async (_key, { item, good, bad }) => {
      await fakeBrowser.storage.local.set({ [storageKey(item)]: good });
      expect(await item.getValue()).toEqual(good);
      expect(await takeResetNotes()).toEqual([]);
      for (const value of bad) {
        await fakeBrowser.storage.local.set({ [storageKey(item)]: value });
        expect(await item.getValue()).toEqual(item.fallback);
        // The value that did not fit is gone: the next read is the default, without a new note.
        expect(await fakeBrowser.storage.local.get(storageKey(item))).toEqual({});
        const notes = await takeResetNotes();
        expect(notes).toHaveLength(1);
        expect(await takeResetNotes()).toEqual([]);
      }
    },
  );

  it('lets watchers see the default instead of a value that does not fit', async () => {
    const seen: unknown[] = [];
    const unwatch = speechVoice.watch((voice) => seen.push(voice));
    await fakeBrowser.storage.local.set({ 'settings.voice': 'echo' });
    await fakeBrowser.storage.local.set({ 'settings.voice': 'robot' });
    await expect.poll(() => seen).toEqual(['echo', 'alloy']);
    unwatch();
  });

  it('falls back to the build defaults for an AI Pass server or client that does not fit', async () => {
    await fakeBrowser.storage.local.set({
      'settings.serverUrl': { url: 'https://x.example' },
      'settings.clientId': 'c'.repeat(300),
    });
    expect(await loadProviderSettings()).toEqual(BUILD_DEFAULTS);
    expect(await takeResetNotes()).toEqual(['the AI Pass server URL', 'the AI Pass Client ID']);
  });

  it('loses no note written while the notes are being taken', async () => {
    await fakeBrowser.storage.local.set({ 'settings.voice': 'robot' });
    const [voice, taken] = await Promise.all([speechVoice.getValue(), takeResetNotes()]);
    expect(voice).toBe('alloy');
    expect([...taken, ...(await takeResetNotes())]).toEqual(['the read-aloud voice']);
  });

  it('keeps working with a corrupt provider list: AI Pass is still there', async () => {
    await fakeBrowser.storage.local.set({ 'providers.added': 'garbage' });
    const providers = await loadProviders();
    expect(providers.map((provider) => provider.id)).toEqual(['aipass']);
    expect(await takeResetNotes()).toEqual(['the providers you added']);
  });
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the convention', () => {
  it('defines every storage.local key with a schema', () => {
    // The notes list checks itself as it is read. The first version's refresh-token key is read
    // once and removed by the session store, whose per-provider keys carry the provider id.
    const unchecked = ['lib', 'entrypoints', 'components']
      .flatMap(sourceFiles)
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/defineItem(?:<[^(]*>)?\(\s*'(local:[^']+)'/g)].map(
          (match) => `${path}: ${match[1]}`,
        ),
      )
      .filter((found) => !found.endsWith('local:settings.resetNotes'))
      .filter((found) => !found.endsWith('local:auth.keptRefreshToken'));
    expect(unchecked).toEqual([]);
  });
});
