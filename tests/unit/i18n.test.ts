import { describe, expect, it } from 'vitest';
import { type Catalog, formatMessage, type Message, type Translator } from '../../lib/i18n/define';
import { browserLanguage, LANGUAGES, resolveLanguage } from '../../lib/i18n/language';

/** Every area's messages: a new area file is checked without being listed here. */
const areas = import.meta.glob<Record<string, unknown>>('../../lib/i18n/messages/*.ts', {
  eager: true,
});

function translatorsOf(module: Record<string, unknown>): Array<[string, Translator<Catalog>]> {
  return Object.entries(module).filter(
    (entry): entry is [string, Translator<Catalog>] =>
      typeof entry[1] === 'function' && 'catalogs' in entry[1],
  );
}

const placeholdersOf = (message: Message): string[] => {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  const names = forms.flatMap((form) =>
    [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''),
  );
  return [...new Set(names)].sort();
};

describe('message catalogs', () => {
  const all = Object.entries(areas).flatMap(([file, module]) =>
    translatorsOf(module).map(([name, t]) => ({ where: `${file} ${name}`, t })),
  );

  it('finds the areas', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const { where, t } of all) {
    it(`${where}: every key exists in every language with the same placeholders`, () => {
      const english = t.catalogs.en;
      for (const language of LANGUAGES) {
        const catalog = t.catalogs[language];
        expect(Object.keys(catalog).sort(), `${where} (${language})`).toEqual(
          Object.keys(english).sort(),
        );
        for (const [key, message] of Object.entries(catalog)) {
          const forms = typeof message === 'string' ? [message] : Object.values(message);
          for (const form of forms)
            expect(form?.trim(), `${where} ${key} (${language})`).toBeTruthy();
          expect(placeholdersOf(message), `${where} ${key} (${language})`).toEqual(
            placeholdersOf(english[key] ?? ''),
          );
        }
      }
    });
  }
});

describe('formatMessage', () => {
  const conversations = { one: '{count} conversation', other: '{count} conversations' };

  it('chooses plural forms by the language’s rules and formats the count', () => {
    expect(formatMessage(conversations, 'en', { count: 1 })).toBe('1 conversation');
    expect(formatMessage(conversations, 'en', { count: 12345 })).toBe('12,345 conversations');
    expect(
      formatMessage({ one: '{count} Gespräch', other: '{count} Gespräche' }, 'de', {
        count: 12345,
      }),
    ).toBe('12.345 Gespräche');
    // Japanese has one form only.
    expect(formatMessage({ other: '{count} 件の会話' }, 'ja', { count: 1 })).toBe('1 件の会話');
  });

  it('leaves a placeholder with no value visible rather than inventing one', () => {
    expect(formatMessage('Hello {name}', 'en')).toBe('Hello {name}');
  });
});

describe('the language in use', () => {
  it('follows the first browser language Passlight has, by primary subtag', () => {
    expect(browserLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(browserLanguage(['ja'])).toBe('ja');
    expect(browserLanguage(['fr', 'es'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('lets the setting override the browser', () => {
    expect(resolveLanguage('ja', ['de'])).toBe('ja');
    expect(resolveLanguage('browser', ['de'])).toBe('de');
  });
});
