/**
 * Response bodies read through a byte cap: a server (or anything between it and us) that sends
 * more than an answer of that kind can hold is cut off as soon as the cap is passed, so a
 * gigabyte body costs a few megabytes of reading, never the memory to hold it.
 */

import { apiErrorText } from '../i18n/messages/api-errors';
import { ApiError } from './errors';

/** Enough for any JSON answer of the API: the model list, a balance, an error. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** An error's body is a sentence or two; more is not worth reading to say what went wrong. */
export const MAX_ERROR_BYTES = 64 * 1024;
/** One read-aloud segment of 1,000 characters is about a minute of sound: 1 MB of mp3. */
export const MAX_AUDIO_BYTES = 16 * 1024 * 1024;

function bodyTooLarge(): ApiError {
  return new ApiError('server', apiErrorText('bodyTooLarge'));
}

/** The body's bytes; rejects with an ApiError as soon as more than `maxBytes` arrive. */
export async function readBoundedBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw bodyTooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw bodyTooLarge();
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body parsed as JSON, read through `maxBytes`. Rejects on a body too large or not JSON. */
export async function readBoundedJson(
  response: Response,
  maxBytes = MAX_JSON_BYTES,
): Promise<unknown> {
  const text = new TextDecoder().decode(await readBoundedBytes(response, maxBytes));
  return JSON.parse(text) as unknown;
}

/** The body as a Blob of the response's type, read through `maxBytes`. */
export async function readBoundedBlob(response: Response, maxBytes: number): Promise<Blob> {
  const bytes = await readBoundedBytes(response, maxBytes);
  return new Blob([bytes as BlobPart], { type: response.headers.get('content-type') ?? '' });
}
