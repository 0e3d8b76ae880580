/**
 * The language in use in this context, as a signal: components that translate re-render when it
 * changes, and Settings changes it in every open page at once.
 */
import { signal } from '@preact/signals';
import {
  browserLanguage,
  isLanguageChoice,
  LANGUAGE_MIRROR_KEY,
  type Language,
  type LanguageChoice,
  languageChoice,
  resolveLanguage,
} from './language';

export const currentLanguage = signal<Language>(browserLanguage());

function show(choice: LanguageChoice): void {
  currentLanguage.value = resolveLanguage(choice);
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage.value;
}

function readMirror(): LanguageChoice | null {
  try {
    const mirrored = globalThis.localStorage?.getItem(LANGUAGE_MIRROR_KEY);
    return isLanguageChoice(mirrored) ? mirrored : null;
  } catch {
    return null;
  }
}

function remember(choice: LanguageChoice): void {
  show(choice);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_MIRROR_KEY, choice);
  } catch {
    // A full or disabled localStorage only costs the first frame its language.
  }
}

/**
 * Follows the language setting: first from the synchronous mirror (pages only; the background
 * has no `localStorage`), then from `storage.local`, which is the truth. Returns the unwatch.
 */
export function followLanguageSetting(onChange?: (language: Language) => void): () => void {
  const mirrored = readMirror();
  if (mirrored) show(mirrored);
  const update = (choice: LanguageChoice) => {
    const before = currentLanguage.value;
    remember(choice);
    if (currentLanguage.value !== before) onChange?.(currentLanguage.value);
  };
  void languageChoice.getValue().then(update);
  return languageChoice.watch(update);
}
