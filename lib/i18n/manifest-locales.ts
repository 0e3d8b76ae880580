/**
 * The manifest's translated strings as the browsers want them: `_locales/<language>/messages.json`
 * with a `{ message }` per key, referred to from the manifest as `__MSG_key__`. Made from one
 * catalog at build time (see `wxt.config.ts`), so they cannot drift from it.
 */
import { LANGUAGES } from './language';
import { manifestText } from './messages/manifest';

export type ManifestKey = Parameters<typeof manifestText>[0];

const KEYS = Object.keys(manifestText.catalogs.en) as ManifestKey[];

/** The manifest's reference to a translated string. */
export const manifestMessage = (key: ManifestKey) => `__MSG_${key}__` as const;

/** The language the store shows where it has none of the others. */
export const DEFAULT_LOCALE = 'en';

export interface LocaleFile {
  /** Inside the extension's output folder. */
  relativeDest: string;
  contents: string;
}

export function manifestLocaleFiles(): LocaleFile[] {
  return LANGUAGES.map((language) => {
    const messages = Object.fromEntries(
      KEYS.map((key) => [key, { message: manifestText.in(language, key) }]),
    );
    return {
      relativeDest: `_locales/${language}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
