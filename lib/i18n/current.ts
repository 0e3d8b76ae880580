/**
 * The language in use in this context, as a signal: components that translate re-render when it
 * changes, and Settings changes it in every open page at once.
 */
import { defineCheckedItem } from '../config/checked-item';
import {
  currentLanguage,
  isLanguageChoice,
  LANGUAGE_MIRROR_KEY,
  type Language,
  type LanguageChoice,
  resolveLanguage,
} from './language';

export { currentLanguage };

export const languageChoice = defineCheckedItem<LanguageChoice>('local:settings.language', {
  fallback: 'browser',
  check: isLanguageChoice,
  label: 'the language',
});

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
