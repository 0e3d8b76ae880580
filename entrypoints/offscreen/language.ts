/**
 * The offscreen document has no `storage` API, so it follows the language setting through its
 * mirror in the extension origin's `localStorage`: read once, then on each `storage` event (sent
 * to every other document of the origin when Settings writes it). The errors it makes are then in
 * the person's language.
 */
import { currentLanguage } from '../../lib/i18n/current';
import { isLanguageChoice, LANGUAGE_MIRROR_KEY, resolveLanguage } from '../../lib/i18n/language';

function showMirrored(): void {
  try {
    const choice = localStorage.getItem(LANGUAGE_MIRROR_KEY);
    if (isLanguageChoice(choice)) currentLanguage.value = resolveLanguage(choice);
  } catch {
    // Without localStorage the browser's language stands.
  }
}

export function followMirroredLanguage(): void {
  showMirrored();
  addEventListener('storage', (event) => {
    if (event.key === LANGUAGE_MIRROR_KEY) showMirrored();
  });
}
