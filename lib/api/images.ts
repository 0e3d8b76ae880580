/**
 * `/images/generations` (JSON) and `/images/edits` (multipart, one `image` field per picture).
 * Both answer `{data: [{url} | {b64_json}]}`; which of the two a provider sends is its choice, so
 * none is asked for and both are accepted (lib/images/image-bytes.ts turns either into bytes).
 */
import { authorizedJson } from './authorized-fetch';
import { ApiError } from './errors';

/** Four images of a few megabytes each, as base64: more is no image answer. */
export const MAX_IMAGE_ANSWER_BYTES = 64 * 1024 * 1024;
/** The slowest image models take a minute or two for a picture; three is no answer coming. */
export const IMAGE_ANSWER_TIMEOUT_MS = 180_000;
const IMAGE_ANSWER_LIMITS = {
  maxBytes: MAX_IMAGE_ANSWER_BYTES,
  timeoutMs: IMAGE_ANSWER_TIMEOUT_MS,
};
/** More pictures than any model makes in one answer: the rest are ignored. */
const MAX_RESULTS = 10;
/** A URL longer than this is no image address. */
const MAX_URL_LENGTH = 8192;

export type ImageResult = { kind: 'base64'; data: string } | { kind: 'url'; url: string };

export interface GenerationRequest {
  model: string;
  prompt: string;
  size?: string;
  count?: number;
  signal?: AbortSignal;
}

export interface EditRequest extends GenerationRequest {
  /** The picture to change first, then any references. */
  images: Blob[];
}

/** The answer's pictures; rejects with an ApiError when it holds none Passlight can use. */
export function parseImageAnswer(body: unknown, providerName = 'The provider'): ImageResult[] {
  const data = (body as { data?: unknown } | null)?.data;
  const results: ImageResult[] = [];
  for (const entry of Array.isArray(data) ? data.slice(0, MAX_RESULTS) : []) {
    const { b64_json: base64, url } = (entry ?? {}) as Record<string, unknown>;
    if (typeof base64 === 'string' && base64 !== '') results.push({ kind: 'base64', data: base64 });
    else if (typeof url === 'string' && /^https?:\/\//i.test(url) && url.length <= MAX_URL_LENGTH)
      results.push({ kind: 'url', url });
  }
  if (results.length === 0)
    throw new ApiError('server', `${providerName} answered without an image.`);
  return results;
}

function countAndSize(request: GenerationRequest): { n?: number; size?: string } {
  return {
    ...(request.count && request.count > 1 ? { n: request.count } : {}),
    ...(request.size ? { size: request.size } : {}),
  };
}

export async function requestGeneration(request: GenerationRequest): Promise<ImageResult[]> {
  const { body, service } = await authorizedJson('/images/generations', {
    api: true,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: request.model,
      prompt: request.prompt,
      ...countAndSize(request),
    }),
    signal: request.signal,
    ...IMAGE_ANSWER_LIMITS,
  });
  return parseImageAnswer(body, service.name);
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** The multipart body of an edit: `model`, `prompt`, then one `image` field per picture. */
export function editBody(request: EditRequest): FormData {
  const form = new FormData();
  form.append('model', request.model);
  form.append('prompt', request.prompt);
  const { n, size } = countAndSize(request);
  if (n) form.append('n', String(n));
  if (size) form.append('size', size);
  request.images.forEach((image, index) => {
    form.append('image', image, `image-${index + 1}.${EXTENSIONS[image.type] ?? 'png'}`);
  });
  return form;
}

export async function requestEdit(request: EditRequest): Promise<ImageResult[]> {
  // No content-type header: fetch writes the multipart boundary itself.
  const { body, service } = await authorizedJson('/images/edits', {
    api: true,
    method: 'POST',
    body: editBody(request),
    signal: request.signal,
    ...IMAGE_ANSWER_LIMITS,
  });
  return parseImageAnswer(body, service.name);
}
