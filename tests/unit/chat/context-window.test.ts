import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../lib/api/chat';
import { fitToContext } from '../../../lib/chat/context-window';

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
