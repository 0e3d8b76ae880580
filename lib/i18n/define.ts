/**
 * One mechanism for every string a person reads. Each area of the extension defines its messages
 * in `lib/i18n/messages/<area>.ts` with `defineMessages`: English is the source, and the type
 * makes German and Japanese carry every key. A message is a string with `{name}` placeholders,
 * or plural forms chosen by `Intl.PluralRules` for the `count` parameter. Numbers in parameters
 * are formatted for the language by `Intl.NumberFormat`.
 *
 * Areas stay separate so a page's bundle carries only the strings it shows.
 */
import { currentLanguage, type Language } from './language';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
export type Catalog = Record<string, Message>;

export type Translations<E extends Catalog> = Record<
  Exclude<Language, 'en'>,
  { [K in keyof E]: Message }
>;

export type MessageParams = Record<string, string | number>;

/**
 * Words kept until they are shown, for a message held in state: called at render, so a message
 * already on screen is redrawn in a newly chosen language (`() => areaText('key', params)`).
 * Text that came already written (a server's, the worker's) is `() => text` and stays as it is.
 */
export type Words = () => string;

export interface Translator<E extends Catalog> {
  (key: keyof E & string, params?: MessageParams): string;
  /** The same message in a given language, whatever the current one is. */
  in(language: Language, key: keyof E & string, params?: MessageParams): string;
  readonly catalogs: Record<Language, Catalog>;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

function cached<T>(map: Map<Language, T>, language: Language, make: () => T): T {
  let value = map.get(language);
  if (!value) {
    value = make();
    map.set(language, value);
  }
  return value;
}

export function formatNumber(value: number, language: Language = currentLanguage.value): string {
  return cached(numberFormats, language, () => new Intl.NumberFormat(language)).format(value);
}

function pick(message: Message, language: Language, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params.count ?? 0);
  const rule = cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count);
  return message[rule] ?? message.other;
}

export function formatMessage(
  message: Message,
  language: Language,
  params: MessageParams = {},
): string {
  return pick(message, language, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, language) : value;
  });
}

export function defineMessages<const E extends Catalog>(
  en: E,
  translations: Translations<E>,
): Translator<E> {
  const catalogs: Record<Language, Catalog> = { en, ...translations };
  const translate = (language: Language, key: keyof E & string, params?: MessageParams) =>
    formatMessage(catalogs[language][key] ?? en[key] ?? key, language, params);
  const t = (key: keyof E & string, params?: MessageParams) =>
    translate(currentLanguage.value, key, params);
  return Object.assign(t, { in: translate, catalogs });
}
