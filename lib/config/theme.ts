/**
 * The theme chosen in Settings. `system` follows the browser's light or dark mode; the others pin
 * one. Kept in `storage.local` (every page watches it) and mirrored in the extension origin's
 * `localStorage`, which a page can read synchronously before its first paint.
 */
import { storage } from 'wxt/utils/storage';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export const themeChoice = storage.defineItem<ThemeChoice>('local:settings.theme', {
  fallback: 'system',
});

/** The `localStorage` key of the mirror. */
export const THEME_MIRROR_KEY = 'passlight.theme';
