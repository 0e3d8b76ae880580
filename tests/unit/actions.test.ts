import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type PageAction, queueAction, takeActions } from '../../lib/actions/page-action';
import { trimAtSentence } from '../../lib/actions/trim';

const page = { title: 'A page', url: 'https://example.com/a' };
const explain: PageAction = { kind: 'explain', text: 'Light.', omitted: 0, page };

describe('pending page actions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands each window only its own actions, once, oldest first', async () => {
    await queueAction(1, explain);
    await queueAction(2, { ...explain, text: 'Other window' });
    await queueAction(1, { ...explain, text: 'Second' });
    const mine = await takeActions(1);
    expect(mine.map((entry) => (entry.action as { text: string }).text)).toEqual([
      'Light.',
      'Second',
    ]);
    expect(await takeActions(1)).toEqual([]);
    expect(await takeActions(2)).toHaveLength(1);
  });

  it('drops actions no panel took in time', async () => {
    await queueAction(1, explain);
    expect(await takeActions(1, Date.now() + 6 * 60_000)).toEqual([]);
  });
});

describe('trimAtSentence', () => {
  it('keeps a short text whole', () => {
    expect(trimAtSentence('  Short text.  ')).toEqual({ text: 'Short text.', omitted: 0 });
  });

  it('cuts a long text at a sentence end and counts what was left out', () => {
    const sentence = 'Light travels fast. ';
    const text = sentence.repeat(10_000); // 200,000 characters
    const { text: kept, omitted } = trimAtSentence(text, 1000);
    expect(kept.endsWith('fast.')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(1000);
    expect(kept.length + omitted).toBe(text.trim().length);
  });

  it('falls back to a word boundary when no sentence ends nearby', () => {
    const { text } = trimAtSentence('word '.repeat(1000), 101);
    expect(text.endsWith('word')).toBe(true);
  });
});
