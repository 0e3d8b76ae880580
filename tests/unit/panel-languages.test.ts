/**
 * The side panel's words in the language in use: errors made while it is German are German,
 * counts take the language's plural forms and digit grouping, dates follow the language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatConversationDate } from '../../entrypoints/sidepanel/conversation-date';
import { apiErrorFrom } from '../../lib/api/errors';
import { questionFor } from '../../lib/chat/action-inbox';
import { endingWords } from '../../lib/chat/answer-announcement';
import { StorageProblem } from '../../lib/chat/storage-problem';
import { titleFrom } from '../../lib/chat/titles';
import { currentLanguage } from '../../lib/i18n/current';
import { apiErrorText } from '../../lib/i18n/messages/api-errors';
import { chatErrorText } from '../../lib/i18n/messages/chat-errors';
import { mediaText } from '../../lib/i18n/messages/media';
import { panelText } from '../../lib/i18n/messages/panel';
import { speechText } from '../../lib/i18n/messages/speech';
import { extentNote } from '../../lib/speech/reading-plan';

const aipass = { name: 'AI Pass', hasBalance: true };

afterEach(() => {
  currentLanguage.value = 'en';
});

describe('errors are made in the language in use at the time', () => {
  it('a 402 from the gateway', () => {
    const english = apiErrorFrom(402, new Headers(), null, aipass).message;
    currentLanguage.value = 'de';
    const german = apiErrorFrom(402, new Headers(), null, aipass);
    currentLanguage.value = 'ja';
    const japanese = apiErrorFrom(402, new Headers(), null, aipass);
    expect(english).toBe('Your AI Pass balance is used up. Add credit to continue.');
    expect(german.code).toBe('budget-exhausted');
    expect(german.message).toBe(
      'Ihr Guthaben bei AI Pass ist aufgebraucht. Laden Sie es auf, um weiterzumachen.',
    );
    expect(japanese.message).toBe(
      'AI Pass の残高がなくなりました。続けるにはクレジットを追加してください。',
    );
  });

  it('a wait before retrying, and a server status that is not grouped like a number', () => {
    currentLanguage.value = 'de';
    expect(apiErrorFrom(429, new Headers({ 'retry-after': '7' }), null, aipass).message).toBe(
      'AI Pass erhält gerade zu viele Anfragen. Versuchen Sie es in 7 s erneut.',
    );
    expect(apiErrorFrom(503, new Headers(), null, aipass).message).toContain('(503)');
  });

  it('a storage problem', () => {
    currentLanguage.value = 'ja';
    expect(new StorageProblem('quota').message).toBe(chatErrorText.in('ja', 'storageQuota'));
  });

  it('an answer’s announcement and a new conversation’s title', () => {
    expect(endingWords('stopped')).toBe('Answer stopped.');
    currentLanguage.value = 'de';
    expect(endingWords('stopped')).toBe('Antwort angehalten.');
    expect(titleFrom('  ')).toBe('Neues Gespräch');
  });

  it('a page action’s title, while what is asked of the model stays as it was', () => {
    currentLanguage.value = 'ja';
    const page = { title: 'Kurs', url: 'https://example.test/' };
    const explain = questionFor({ kind: 'explain', text: 'Licht', omitted: 0, page });
    expect(explain.title).toBe('説明：Licht');
    expect(explain.text).toBe('Explain this.');
    const summary = questionFor({ kind: 'summarize', text: 'Licht', omitted: 0, page });
    expect(summary.title).toBe('要約：Kurs');
    expect(summary.text).toBe('Summarize this page.');
  });
});

describe('counts', () => {
  it('take the language’s plural form and grouping', () => {
    expect(panelText.in('en', 'leftOut', { count: 1 })).toBe(
      '1 character at the end was left out to fit the model.',
    );
    expect(panelText.in('en', 'leftOut', { count: 12_345 })).toBe(
      '12,345 characters at the end were left out to fit the model.',
    );
    expect(panelText.in('de', 'leftOut', { count: 12_345 })).toBe(
      '12.345 Zeichen am Ende wurden weggelassen, damit es für das Modell passt.',
    );
    expect(panelText.in('ja', 'leftOut', { count: 12_345 })).toBe(
      'モデルに収まるよう、末尾の 12,345 文字を省きました。',
    );
    expect(panelText.in('en', 'tooManyImages', { count: 4 })).toBe(
      'At most 4 images in one question.',
    );
    expect(mediaText.in('de', 'tooSlow', { count: 1 })).toBe(
      'Das Herunterladen dieses Bildes hat länger als 1 Sekunde gedauert.',
    );
  });

  it('in Read aloud’s notes, with both numbers formatted', () => {
    const cut = { readChars: 19_950, totalChars: 400_000 };
    expect(extentNote(cut)).toBe('Reading the first 19,950 of 400,000 characters');
    currentLanguage.value = 'de';
    expect(extentNote(cut)).toBe('Es werden die ersten 19.950 von 400.000 Zeichen vorgelesen');
    expect(extentNote({ readChars: 10, totalChars: 10 })).toBeNull();
    expect(speechText.in('en', 'confirmAll', { count: 1 })).toBe('Read 1 character aloud?');
    expect(speechText.in('en', 'confirmAll', { count: 6_000 })).toBe(
      'Read 6,000 characters aloud?',
    );
  });

  it('in an answer stopped for its length', () => {
    currentLanguage.value = 'de';
    expect(apiErrorText('answerTooLong', { count: 1_000_000 })).toBe(
      'Die Antwort hat 1.000.000 Zeichen überschritten und wurde deshalb dort angehalten.',
    );
  });
});

describe('the drawer’s dates', () => {
  // 1 December 2026, 14:05 in the machine's time zone.
  const time = new Date(2026, 11, 1, 14, 5).getTime();

  it('follow the language in use', () => {
    expect(formatConversationDate(time, 'en')).toMatch(/^Dec 1, 0?2:05\s?PM$/);
    expect(formatConversationDate(time, 'de')).toBe('1. Dez., 14:05');
    expect(formatConversationDate(time, 'ja')).toBe('12月1日 14:05');
    currentLanguage.value = 'ja';
    expect(formatConversationDate(time)).toBe('12月1日 14:05');
  });
});
