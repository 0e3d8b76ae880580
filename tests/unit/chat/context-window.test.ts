import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../lib/api/chat';
import {
  budgetFor,
  DEFAULT_BUDGET,
  DEFAULT_CONTEXT_TOKENS,
  fitToContext,
  shareAfterRefusal,
} from '../../../lib/chat/context-window';

const system: ChatMessage = { role: 'system', content: 'system' };
const image = (text: string): ChatMessage => ({
  role: 'user',
  content: [
    { type: 'text', text },
    { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAAA' } },
  ],
});

describe('fitting a conversation to the model’s context', () => {
  it('sends a short conversation as it is', () => {
    const messages: ChatMessage[] = [system, { role: 'user', content: 'Hi' }];
    expect(fitToContext(messages)).toEqual({ messages, leftOut: false });
  });

  it('leaves out the oldest images first, keeping the newest and the question', () => {
    const messages: ChatMessage[] = [
      system,
      image('first'),
      { role: 'assistant', content: 'one' },
      image('second'),
      { role: 'assistant', content: 'two' },
      image('third'),
    ];
    const fitted = fitToContext(messages, { tokens: 100_000, images: 2 });
    expect(fitted.leftOut).toBe(true);
    expect(fitted.messages[1]?.content).toBe(
      'first\n\n(An image was here; it was not sent again.)',
    );
    expect(Array.isArray(fitted.messages[3]?.content)).toBe(true);
    expect(Array.isArray(fitted.messages[5]?.content)).toBe(true);
  });

  it('then the oldest turns, whole, and never the question being answered', () => {
    const long = 'x'.repeat(4_000); // about 1,000 tokens
    const messages: ChatMessage[] = [system];
    for (let i = 0; i < 10; i++)
      messages.push(
        { role: 'user', content: `q${i} ${long}` },
        { role: 'assistant', content: `a${i} ${long}` },
      );
    messages.push({ role: 'user', content: 'the question' });
    const fitted = fitToContext(messages, { tokens: 5_000, images: 4 });
    expect(fitted.leftOut).toBe(true);
    expect(fitted.messages[0]).toBe(system);
    expect(fitted.messages.at(-1)?.content).toBe('the question');
    expect(fitted.messages[1]?.role).toBe('user');
    expect(fitted.messages.length).toBeLessThan(messages.length);
    expect(JSON.stringify(fitted.messages).length / 4).toBeLessThan(5_000);
  });
});

describe('the budget from the model’s real context', () => {
  const estimate = (messages: ChatMessage[]) => JSON.stringify(messages).length / 4;

  it('takes the answer’s room off the context, with a margin for the estimate', () => {
    // OpenRouter's claude-3.5-haiku: 200,000 tokens; the chat ceiling of 8,000 fits whole.
    expect(budgetFor({ contextTokens: 200_000, maxTokens: 8_000 })).toEqual({
      budget: { tokens: Math.floor(192_000 * 0.9), images: 4 },
      maxTokens: 8_000,
    });
    // A gateway that says nothing: the conservative default.
    expect(budgetFor({ contextTokens: undefined, maxTokens: 8_000 }).budget).toEqual(
      DEFAULT_BUDGET,
    );
    expect(DEFAULT_CONTEXT_TOKENS - 8_000).toBeGreaterThan(DEFAULT_BUDGET.tokens);
  });

  it('gives the answer half a small context at most, so the request itself is valid', () => {
    // An 8,192-token model (LiteLLM's max_input_tokens for an older gpt-4).
    const { budget, maxTokens } = budgetFor({ contextTokens: 8_192, maxTokens: 8_000 });
    expect(maxTokens).toBe(4_096);
    expect(budget.tokens + maxTokens).toBeLessThan(8_192);
  });

  it('fits a long conversation into a 4,096-token model, answer included', () => {
    const turn = 'y'.repeat(2_000); // about 500 tokens each
    const messages: ChatMessage[] = [system];
    for (let i = 0; i < 12; i++)
      messages.push(
        { role: 'user', content: `q${i} ${turn}` },
        { role: 'assistant', content: turn },
      );
    messages.push({ role: 'user', content: 'the question' });
    const { budget, maxTokens } = budgetFor({ contextTokens: 4_096, maxTokens: 4_000 });
    const fitted = fitToContext(messages, budget);
    expect(fitted.leftOut).toBe(true);
    expect(fitted.messages.at(-1)?.content).toBe('the question');
    expect(fitted.messages.length).toBeGreaterThan(2);
    expect(estimate(fitted.messages) + maxTokens).toBeLessThan(4_096);
  });

  it('sends less after each refusal as too long, never nothing', () => {
    const long = 'z'.repeat(4_000);
    const messages: ChatMessage[] = [system];
    for (let i = 0; i < 30; i++)
      messages.push(
        { role: 'user', content: `q${i} ${long}` },
        { role: 'assistant', content: long },
      );
    messages.push({ role: 'user', content: 'the question' });
    let share = 1;
    const lengths: number[] = [];
    for (let refusal = 0; refusal < 6; refusal++) {
      const { budget } = budgetFor({ contextTokens: 32_768, maxTokens: 8_000, share });
      lengths.push(fitToContext(messages, budget).messages.length);
      share = shareAfterRefusal(share);
    }
    expect(lengths[1]).toBeLessThan(lengths[0] ?? 0);
    expect(lengths[2]).toBeLessThan(lengths[1] ?? 0);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(2);
    expect(shareAfterRefusal(1 / 16)).toBe(1 / 16);
  });
});
