/**
 * The languages Passlight speaks and the one in use. The language setting in Settings overrides
 * the browser's; like the theme it is kept in `storage.local` and mirrored in the extension
 * origin's `localStorage`, so a page can paint its first frame in the right language.
 */
import { defineCheckedItem } from '../config/checked-item';
import { oneOf } from '../config/schema';

export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `browser` follows the browser's own language list. */
export const LANGUAGE_CHOICES = ['browser', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const isLanguage = oneOf(LANGUAGES);
export const isLanguageChoice = oneOf(LANGUAGE_CHOICES);

export const languageChoice = defineCheckedItem<LanguageChoice>('local:settings.language', {
  fallback: 'browser',
  check: isLanguageChoice,
  label: 'the language',
});

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
