/**
 * Applies the chosen theme to this page and keeps it applied when Settings change it: first from
 * the synchronous mirror, so the page paints in the right colours, then from `storage.local`,
 * which is the truth.
 */
import {
  isThemeChoice,
  THEME_MIRROR_KEY,
  type ThemeChoice,
  themeChoice,
} from '../lib/config/theme';

function show(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

function remember(value: unknown): void {
  // A hand-edited or future value is read as "system" rather than as a colour scheme.
  const choice: ThemeChoice = isThemeChoice(value) ? value : 'system';
  show(choice);
  try {
    localStorage.setItem(THEME_MIRROR_KEY, choice);
  } catch {
    // A full or disabled localStorage only costs the first frame its colours.
  }
}

export function applyTheme(): () => void {
  let mirrored: string | null = null;
  try {
    mirrored = localStorage.getItem(THEME_MIRROR_KEY);
  } catch {
    mirrored = null;
  }
  if (isThemeChoice(mirrored)) show(mirrored);
  void themeChoice.getValue().then(remember);
  return themeChoice.watch(remember);
}
