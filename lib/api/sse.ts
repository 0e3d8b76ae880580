/**
 * Server-Sent Events from a fetch body, as an async iterator of `data` fields.
 *
 * One TextDecoder in streaming mode holds back the bytes of a character split across network
 * chunks; eventsource-parser copes with events split anywhere. Every read is bounded: a stream
 * that stays silent longer than `idleTimeoutMs`, an event that grows past `maxEventChars` without
 * ending (a line with no newline, while keep-alives reset the idle timer), and a stream that lasts
 * longer than `maxDurationMs` in all are each given up with an error.
 */
import { createParser } from 'eventsource-parser';
import { apiErrorText } from '../i18n/messages/api-errors';
import { ApiError } from './errors';

/** An answer's events are a few hundred characters; a long one is a few thousand. */
export const MAX_EVENT_CHARS = 256 * 1024;
/** Longer than any answer takes, short enough that a stream kept open forever is let go. */
export const MAX_STREAM_DURATION_MS = 10 * 60_000;

export interface SseOptions {
  idleTimeoutMs: number;
  /** The most characters held unparsed: an event, comment or line that has not ended yet. */
  maxEventChars?: number;
  /** How long the whole stream may last, however lively it is. */
  maxDurationMs?: number;
  /** The caller's abort (Stop): ends the iteration quietly with an AbortError. */
  signal?: AbortSignal;
}

/**
 * A body that arrives faster than it is read is read chunk after chunk in microtasks, which
 * never let the page render or take a click: after this much reading, a turn of the event loop.
 */
const READ_SLICE_MS = 10;

/** One turn of the event loop: the page renders and handles input, then reading goes on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Stop = 'idle' | 'too-long' | null;

export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  options: SseOptions,
): AsyncGenerator<string> {
  const maxEventChars = options.maxEventChars ?? MAX_EVENT_CHARS;
  const maxDurationMs = options.maxDurationMs ?? MAX_STREAM_DURATION_MS;
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const pending: string[] = [];
  /** Whether an event or comment ended during the last feed: what was held is parsed. */
  let ended = false;
  const parser = createParser({
    onEvent: (event) => {
      pending.push(event.data);
      ended = true;
    },
    onComment: () => {
      ended = true;
    },
  });
  /** Characters fed since the last event or comment ended. */
  let held = 0;
  let stop: Stop = null;
  const giveUp = (why: Exclude<Stop, null>) => {
    stop = why;
    void reader.cancel().catch(() => undefined);
  };
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = () => {
    clearTimeout(idle);
    idle = setTimeout(() => giveUp('idle'), options.idleTimeoutMs);
  };
  const lifetime = setTimeout(() => giveUp('too-long'), maxDurationMs);
  const onAbort = () => void reader.cancel().catch(() => undefined);
  options.signal?.addEventListener('abort', onAbort);
  let finished = false;

  const feed = (text: string) => {
    ended = false;
    parser.feed(text);
    // After an ending, only what follows the last line break can still be unparsed.
    held = ended ? text.length - text.lastIndexOf('\n') - 1 : held + text.length;
    if (held > maxEventChars) {
      throw new ApiError('server', apiErrorText('lineTooLong'));
    }
  };

  try {
    armIdleTimer();
    let sliceStart = performance.now();
    while (true) {
      if (performance.now() - sliceStart > READ_SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (options.signal?.aborted) throw options.signal.reason;
        throw new ApiError('network', apiErrorText('connectionLost'), undefined, { cause });
      }
      if (stop === 'idle') {
        throw new ApiError('network', apiErrorText('serverSilent'));
      }
      if (stop === 'too-long') {
        const minutes = Math.max(1, Math.round(maxDurationMs / 60_000));
        throw new ApiError('server', apiErrorText('answerTooSlow', { count: minutes }));
      }
      if (options.signal?.aborted) throw options.signal.reason;
      if (chunk.done) {
        finished = true;
        feed(decoder.decode());
        yield* pending.splice(0);
        return;
      }
      armIdleTimer();
      feed(decoder.decode(chunk.value, { stream: true }));
      yield* pending.splice(0);
    }
  } finally {
    clearTimeout(idle);
    clearTimeout(lifetime);
    options.signal?.removeEventListener('abort', onAbort);
    // Whoever stops early (an error, a bound, the caller leaving the loop) ends the download too.
    if (!finished) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
