/**
 * Server-Sent Events from a fetch body, as an async iterator of `data` fields.
 *
 * One TextDecoder in streaming mode holds back the bytes of a character split across network
 * chunks; eventsource-parser copes with events split anywhere. A stream that stays silent longer
 * than `idleTimeoutMs` is abandoned with an error, so no answer waits forever.
 */
import { createParser } from 'eventsource-parser';
import { ApiError } from './errors';

export interface SseOptions {
  idleTimeoutMs: number;
  /** The caller's abort (Stop): ends the iteration quietly with an AbortError. */
  signal?: AbortSignal;
}

export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  options: SseOptions,
): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const pending: string[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event.data) });
  let idle: ReturnType<typeof setTimeout> | undefined;
  let stalled = false;
  const armIdleTimer = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      void reader.cancel();
    }, options.idleTimeoutMs);
  };
  const onAbort = () => void reader.cancel();
  options.signal?.addEventListener('abort', onAbort);

  try {
    armIdleTimer();
    while (true) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (options.signal?.aborted) throw options.signal.reason;
        throw new ApiError(
          'network',
          'The connection was lost in the middle of the answer.',
          undefined,
          { cause },
        );
      }
      if (stalled) {
        throw new ApiError('network', 'The answer stopped arriving. The server went silent.');
      }
      if (options.signal?.aborted) throw options.signal.reason;
      if (chunk.done) {
        parser.feed(decoder.decode());
        yield* pending.splice(0);
        return;
      }
      armIdleTimer();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      yield* pending.splice(0);
    }
  } finally {
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
