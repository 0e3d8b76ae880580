import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import { MAX_EVENT_CHARS, readServerSentEvents } from '../../lib/api/sse';
import { countingBody } from './stream-source';

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

  describe('bounds', () => {
    async function failureOf(stream: AsyncIterable<string>, seen: string[] = []): Promise<unknown> {
      try {
        for await (const data of stream) seen.push(data);
      } catch (error) {
        return error;
      }
      return undefined;
    }

    it('stops an endless line once it passes the line limit, and stops the download', async () => {
      const source = countingBody((index) => (index === 0 ? 'data: ' : 'x'.repeat(4096)));
      const failure = await failureOf(readServerSentEvents(source.body, { idleTimeoutMs: 5000 }));
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).message).toMatch(/line too long/);
      // Read just past the limit: one chunk more, not the endless rest.
      expect(source.made).toBeGreaterThan(MAX_EVENT_CHARS);
      expect(source.made).toBeLessThanOrEqual(MAX_EVENT_CHARS + 2 * 4096);
      expect(source.cancelled).toBe(true);
    });

    it('stops an event whose data lines never end, once it passes the limit', async () => {
      const source = countingBody(() => `data: ${'y'.repeat(1000)}\n`);
      const failure = await failureOf(
        readServerSentEvents(source.body, { idleTimeoutMs: 5000, maxEventChars: 50_000 }),
      );
      expect((failure as ApiError).message).toMatch(/line too long/);
      expect(source.made).toBeLessThanOrEqual(50_000 + 2 * 1008);
    });

    it('lets any number of complete events and keep-alives through', async () => {
      const source = countingBody(
        (index) => (index % 2 ? ': keep-alive\n\n' : `data: ${index}\n\n`),
        2000,
      );
      const seen: string[] = [];
      const failure = await failureOf(
        readServerSentEvents(source.body, { idleTimeoutMs: 5000, maxEventChars: 64 }),
        seen,
      );
      expect(failure).toBeUndefined();
      expect(seen).toHaveLength(1000);
    });

    it('gives up on a stream that outlasts its total duration, keep-alives or not', async () => {
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      const beat = setInterval(
        () => controller?.enqueue(new TextEncoder().encode(': ping\n\n')),
        5,
      );
      const failure = await failureOf(
        readServerSentEvents(body, { idleTimeoutMs: 1000, maxDurationMs: 60 }),
      ).finally(() => clearInterval(beat));
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).message).toMatch(/still arriving after/);
    });
  });
});
