/**
 * The titles conversations get, in the language in use when they start. Apart from the records,
 * which the popup reads too, so it does not carry the panel's words.
 */
import { panelText } from '../i18n/messages/panel';

/** The title a conversation gets from its first question. */
export function titleFrom(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line === '') return panelText('untitled');
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}
