/**
 * A body that makes its bytes only when read, counting what it made: tests of the bounds check
 * how much was read (the work done), not how long it took.
 */
export interface CountingBody {
  body: ReadableStream<Uint8Array>;
  /** Bytes handed to the reader so far. */
  readonly made: number;
  /** Whether the reader cancelled the body (stopped the download). */
  readonly cancelled: boolean;
}

/** `first`, then `next(index)` for each further read, up to `limit` reads in all. */
export function countingBody(
  next: (index: number) => string,
  limit = Number.POSITIVE_INFINITY,
): CountingBody {
  const encoder = new TextEncoder();
  let made = 0;
  let reads = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (reads >= limit) {
          controller.close();
          return;
        }
        const bytes = encoder.encode(next(reads));
        reads += 1;
        made += bytes.byteLength;
        controller.enqueue(bytes);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    get made() {
      return made;
    },
    get cancelled() {
      return cancelled;
    },
  };
}
