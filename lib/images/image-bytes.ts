/**
 * An image answer's picture as bytes Passlight can show from a `blob:` URL. Base64 is decoded
 * here; a URL is fetched by the extension, within a size and a time, without cookies. Either way
 * the bytes must be a PNG, JPEG, GIF or WebP by their own signature: a server's `Content-Type`
 * is not believed, and SVG (whose drawing can cost without bound) is not taken from a model.
 */
import { readBoundedBytes } from '../api/bounded-body';
import { ApiError } from '../api/errors';
import { imageTypeOf } from '../media/image-header';

/** Larger than any picture an image model makes (a 2048² PNG is about 12 MB). */
export const MAX_RESULT_BYTES = 20 * 1024 * 1024;
/** A picture that takes longer than this to download is given up. */
export const RESULT_TIMEOUT_MS = 30_000;

export type ResultProblem =
  /** The site neither shares the image (CORS) nor is Passlight allowed there, or it is down. */
  'unreachable' | 'too-large' | 'too-slow' | 'not-an-image';

export class ImageResultProblem extends Error {
  override readonly name = 'ImageResultProblem';
  constructor(readonly code: ResultProblem) {
    super(code);
  }
}

/** The bytes as a Blob of the type their signature shows; refused when they are no picture. */
export function pictureFrom(bytes: Uint8Array): Blob {
  const type = imageTypeOf(bytes);
  if (!type) throw new ImageResultProblem('not-an-image');
  return new Blob([bytes as BlobPart], { type });
}

export function decodeBase64Picture(data: string, maxBytes = MAX_RESULT_BYTES): Blob {
  // Four characters carry three bytes: the length says the size before anything is decoded.
  if ((data.length * 3) / 4 > maxBytes + 3) throw new ImageResultProblem('too-large');
  let binary: string;
  try {
    binary = atob(data.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
  } catch {
    throw new ImageResultProblem('not-an-image');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return pictureFrom(bytes);
}

export interface FetchLimits {
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function fetchPicture(
  url: string,
  { maxBytes = MAX_RESULT_BYTES, timeoutMs = RESULT_TIMEOUT_MS, signal }: FetchLimits = {},
): Promise<Blob> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      signal: both,
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) throw new ImageResultProblem('unreachable');
    bytes = await readBoundedBytes(response, maxBytes);
  } catch (error) {
    if (signal?.aborted) throw error; // the person stopped it: not a problem of the image
    if (timeout.aborted) throw new ImageResultProblem('too-slow');
    if (error instanceof ImageResultProblem) throw error;
    if (error instanceof ApiError) throw new ImageResultProblem('too-large');
    throw new ImageResultProblem('unreachable');
  }
  return pictureFrom(bytes);
}
