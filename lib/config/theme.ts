/**
 * The theme chosen in Settings. `system` follows the browser's light or dark mode; the others pin
 * one. Kept in `storage.local` (every page watches it) and mirrored in the extension origin's
 * `localStorage`, which a page can read synchronously before its first paint.
 */
import { defineCheckedItem } from './checked-item';
import { oneOf } from './schema';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const isThemeChoice = oneOf(THEME_CHOICES);

export const themeChoice = defineCheckedItem<ThemeChoice>('local:settings.theme', {
  fallback: 'system',
  check: isThemeChoice,
  label: 'the theme',
});

/** The `localStorage` key of the mirror. */
export const THEME_MIRROR_KEY = 'passlight.theme';
