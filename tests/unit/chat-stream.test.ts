import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_JSON_BYTES, readBoundedBytes } from '../../lib/api/bounded-body';
import { fetchModelIds, streamChat } from '../../lib/api/chat';
import { ApiError } from '../../lib/api/errors';
import { type CountingBody, countingBody } from './stream-source';

const sent: Array<{ path: string; body: unknown }> = [];
let answer: () => Response;

vi.mock('../../lib/api/authorized-fetch', async () => {
  const { readBoundedJson } = await import('../../lib/api/bounded-body');
  const authorizedExchange = async (path: string, init: RequestInit = {}) => {
    sent.push({ path, body: init.body ? JSON.parse(String(init.body)) : undefined });
    return { response: answer(), service: { name: 'AI Pass', hasBalance: true } };
  };
  // The real one's reading, through the byte cap, of what the exchange above answers.
  const authorizedJson = async (path: string, init: RequestInit & { maxBytes?: number } = {}) => {
    const { response, service } = await authorizedExchange(path, init);
    return { body: await readBoundedJson(response, init.maxBytes), service };
  };
  return { authorizedExchange, authorizedJson };
});

afterEach(() => {
  sent.length = 0;
});

const delta = (text: string) =>
  `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`;

async function drain(stream: AsyncIterable<string>): Promise<{ text: string; error: unknown }> {
  let text = '';
  try {
    for await (const piece of stream) text += piece;
  } catch (error) {
    return { text, error };
  }
  return { text, error: undefined };
}

describe('streamChat bounds', () => {
  it('stops an answer that never ends at the answer cap, with a note, having read no further', async () => {
    const source = countingBody(() => delta('z'.repeat(1000)));
    answer = () => new Response(source.body);
    const { text, error } = await drain(
      streamChat({ model: 'gpt-4o-mini', messages: [], maxAnswerChars: 100_000 }),
    );
    expect(text).toHaveLength(100_000);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'The answer passed 100,000 characters, so it was stopped there.',
    );
    expect(source.cancelled).toBe(true);
    expect(source.made).toBeLessThan(102 * (1000 + 60));
  });

  it('sends the ceiling on output tokens it is given, and none when it has none', async () => {
    answer = () => new Response(`${delta('ok')}data: [DONE]\n\n`);
    await drain(streamChat({ model: 'gpt-4o-mini', messages: [], maxTokens: 1200 }));
    await drain(streamChat({ model: 'gpt-4o-mini', messages: [] }));
    expect(sent.map(({ body }) => (body as { max_tokens?: number }).max_tokens)).toEqual([
      1200,
      undefined,
    ]);
  });
});

describe('bodies read through a byte cap', () => {
  /** A 1 GB body, made only as it is read. */
  const gigabyte = (): CountingBody => {
    const chunk = `[${'"gpt-4o-mini",'.repeat(4096)}`.slice(0, 65_536);
    return countingBody(() => chunk, (1024 * 1024 * 1024) / 65_536);
  };

  it('gives up on a 1 GB model list just past the cap', async () => {
    const source = gigabyte();
    answer = () => new Response(source.body);
    const error = await fetchModelIds().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/far more than expected/);
    expect(source.made).toBeLessThanOrEqual(MAX_JSON_BYTES + 65_536);
    expect(source.cancelled).toBe(true);
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const source = gigabyte();
    const response = new Response(source.body, { headers: { 'content-length': '1073741824' } });
    await expect(readBoundedBytes(response, 1024)).rejects.toThrow(/far more than expected/);
    expect(source.made).toBe(0);
  });

  it('reads a body within the cap whole', async () => {
    const response = new Response(new TextEncoder().encode('["a","b"]'));
    expect(new TextDecoder().decode(await readBoundedBytes(response, 9))).toBe('["a","b"]');
  });
});
