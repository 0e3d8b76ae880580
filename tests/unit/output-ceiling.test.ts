import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveMessage } from '../../lib/chat/live-message';
import {
  answerKindOf,
  DEFAULT_OUTPUT_CEILINGS,
  OUTPUT_CEILING_RANGE,
  outputCeilingFor,
} from '../../lib/chat/output-ceiling';
import type { MessageContext } from '../../lib/chat/records';
import { maxTokensFor, outputCeilings } from '../../lib/config/output-ceilings';

function message(role: 'user' | 'assistant', context?: MessageContext): LiveMessage {
  return {
    id: crypto.randomUUID(),
    role,
    createdAt: 0,
    images: [],
    context,
    text: signal('text'),
    arrived: signal(null),
    status: signal('complete'),
    error: signal(undefined),
    cost: signal(undefined),
    model: signal(undefined),
    earlierLeftOut: signal(false),
    imageWork: signal(undefined),
  };
}

const page = { pageTitle: 'T', pageUrl: 'https://example.com/' };

describe('the ceiling on an answer’s tokens', () => {
  beforeEach(() => fakeBrowser.reset());

  it('knows the action from the last question’s context', () => {
    expect(answerKindOf([message('user')])).toBe('chat');
    expect(answerKindOf([message('user', { kind: 'selection', ...page })])).toBe('explain');
    expect(answerKindOf([message('user', { kind: 'page', ...page })])).toBe('summarize');
    expect(answerKindOf([message('user', { kind: 'image', ...page })])).toBe('describe');
    // A follow-up question in a conversation that started with Explain is chat.
    const followUp = [
      message('user', { kind: 'selection', ...page }),
      message('assistant'),
      message('user'),
    ];
    expect(answerKindOf(followUp)).toBe('chat');
  });

  it('uses the defaults, a chosen value, and clamps what is out of range', () => {
    const explain = [message('user', { kind: 'selection', ...page })];
    expect(outputCeilingFor(explain, {})).toBe(DEFAULT_OUTPUT_CEILINGS.explain);
    expect(outputCeilingFor(explain, { explain: 2500 })).toBe(2500);
    expect(outputCeilingFor(explain, { explain: 10 })).toBe(OUTPUT_CEILING_RANGE.min);
    expect(outputCeilingFor(explain, { explain: 1e9 })).toBe(OUTPUT_CEILING_RANGE.max);
    expect(outputCeilingFor(explain, { explain: Number.NaN })).toBe(
      DEFAULT_OUTPUT_CEILINGS.explain,
    );
  });

  it('reads the person’s choices from storage', async () => {
    const describe = [message('user', { kind: 'image', ...page })];
    expect(await maxTokensFor(describe)).toBe(DEFAULT_OUTPUT_CEILINGS.describe);
    await outputCeilings.setValue({ describe: 1500 });
    expect(await maxTokensFor(describe)).toBe(1500);
  });
});
