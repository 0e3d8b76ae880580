/**
 * The languages Passlight speaks and the one in use. The language setting in Settings overrides
 * the browser's; like the theme it is kept in `storage.local` (`current.ts`) and mirrored in the
 * extension origin's `localStorage`, so a page can paint its first frame in the right language.
 *
 * Nothing here touches storage: the build reads the catalogs in Node, for the manifest's
 * `_locales`, and a stored item cannot even be defined there.
 */
import { signal } from '@preact/signals';
import { oneOf } from '../config/schema';

export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `browser` follows the browser's own language list. */
export const LANGUAGE_CHOICES = ['browser', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Each language's name in itself, as the language setting lists them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  ja: '日本語',
};

export const isLanguage = oneOf(LANGUAGES);
export const isLanguageChoice = oneOf(LANGUAGE_CHOICES);

/** The `localStorage` key of the mirror. */
export const LANGUAGE_MIRROR_KEY = 'passlight.language';

/** The first of the browser's languages Passlight has, by primary subtag (de-AT is German). */
export function browserLanguage(
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

export function resolveLanguage(choice: LanguageChoice, preferred?: readonly string[]): Language {
  return choice === 'browser' ? browserLanguage(preferred) : choice;
}

/** The language in use in this context; `current.ts` makes it follow the setting. */
export const currentLanguage = signal<Language>(browserLanguage());
