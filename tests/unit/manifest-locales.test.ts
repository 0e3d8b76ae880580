import { describe, expect, it } from 'vitest';
import type { WxtHooks } from 'wxt';
import { LANGUAGES } from '../../lib/i18n/language';
import { DEFAULT_LOCALE, manifestLocaleFiles } from '../../lib/i18n/manifest-locales';
import { manifestText } from '../../lib/i18n/messages/manifest';
import config from '../../wxt.config';

/** The limits the Chrome Web Store and Chromium put on the translated manifest fields. */
const LIMITS = { name: 75, description: 132 } as const;

describe("the manifest's _locales", () => {
  const files = manifestLocaleFiles();

  it('has one messages.json per language, the default one among them', () => {
    expect(files.map((file) => file.relativeDest).sort()).toEqual(
      LANGUAGES.map((language) => `_locales/${language}/messages.json`).sort(),
    );
    expect(LANGUAGES).toContain(DEFAULT_LOCALE);
  });

  for (const language of LANGUAGES) {
    it(`writes the ${language} catalog as it is, under keys a manifest may name`, () => {
      const file = files.find((f) => f.relativeDest === `_locales/${language}/messages.json`);
      const messages = JSON.parse(file?.contents ?? '{}') as Record<string, { message: string }>;
      const catalog = manifestText.catalogs[language];
      expect(Object.keys(messages).sort()).toEqual(Object.keys(catalog).sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry).toEqual({ message: catalog[key] });
      }
      expect(messages.name?.message.length).toBeLessThanOrEqual(LIMITS.name);
      expect(messages.description?.message.length).toBeLessThanOrEqual(LIMITS.description);
    });
  }

  it('is what the build adds to the extension, and what the manifest refers to', async () => {
    const added: Array<{ relativeDest: string; contents?: string }> = [];
    const hook = (config.hooks as Partial<WxtHooks> | undefined)?.['build:publicAssets'];
    await hook?.({} as never, added as never);
    expect(added).toEqual(files);

    const manifestOf = config.manifest as (env: object) => Record<string, unknown>;
    const manifest = manifestOf({ mode: 'production', browser: 'chrome', manifestVersion: 3 });
    expect(manifest).toMatchObject({
      default_locale: DEFAULT_LOCALE,
      name: '__MSG_name__',
      description: '__MSG_description__',
      commands: {
        'open-side-panel': { description: '__MSG_openSidePanel__' },
        'explain-selection': { description: '__MSG_explainSelection__' },
      },
    });
  });
});
