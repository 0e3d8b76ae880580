import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import { readServerSentEvents } from '../../lib/api/sse';

/** A body that delivers exactly these byte chunks, then optionally stays open. */
function bodyOf(chunks: Uint8Array[], keepOpen = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (!keepOpen) controller.close();
    },
  });
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe('readServerSentEvents', () => {
  it('keeps characters whole when the bytes of one are split across chunks, at every offset', async () => {
    const text = 'data: {"t":"Grüße 你好 🚀"}\n\ndata: [DONE]\n\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const events = await collect(
        readServerSentEvents(bodyOf([bytes.slice(0, cut), bytes.slice(cut)]), {
          idleTimeoutMs: 1000,
        }),
      );
      expect(events).toEqual(['{"t":"Grüße 你好 🚀"}', '[DONE]']);
    }
  });

  it('handles one byte per chunk', async () => {
    const bytes = new TextEncoder().encode('data: a\n\ndata: 🌍\n\n');
    const chunks = [...bytes].map((byte) => new Uint8Array([byte]));
    expect(await collect(readServerSentEvents(bodyOf(chunks), { idleTimeoutMs: 1000 }))).toEqual([
      'a',
      '🌍',
    ]);
  });

  it('gives up on a stream that goes silent, with a network error', async () => {
    const body = bodyOf([new TextEncoder().encode('data: first\n\n')], true);
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const data of readServerSentEvents(body, { idleTimeoutMs: 50 })) seen.push(data);
    })().catch((error: unknown) => error);
    expect(seen).toEqual(['first']);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('network');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const body = bodyOf([new TextEncoder().encode('data: one\n\n')], true);
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const data of readServerSentEvents(body, {
        idleTimeoutMs: 5000,
        signal: controller.signal,
      })) {
        seen.push(data);
        controller.abort();
      }
    })().catch((error: unknown) => error);
    expect(seen).toEqual(['one']);
    expect((failure as Error).name).toBe('AbortError');
  });
});
