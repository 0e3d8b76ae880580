/** When a conversation last changed, as the drawer shows it: in the language in use. */
import { currentLanguage } from '../../lib/i18n/current';
import type { Language } from '../../lib/i18n/language';

const formats = new Map<Language, Intl.DateTimeFormat>();

export function formatConversationDate(
  time: number,
  language: Language = currentLanguage.value,
): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(language, format);
  }
  return format.format(time);
}
