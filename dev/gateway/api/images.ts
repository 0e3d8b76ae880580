/**
 * `POST /images/generations` (JSON), `/images/edits` and `/images/variations` (multipart):
 * real PNGs, answered as a gateway URL or base64 as `response_format` asks.
 */
import type { FastifyInstance } from 'fastify';
import { charge, PRICES } from '../billing/ledger';
import type { GatewayContext } from '../context';
import { storeFile } from '../files';
import { isRecord } from '../http';
import { inspectImage } from '../media/image-facts';
import { gradientPng } from '../media/png';
import type { ImageFacts } from '../recording';
import type { User } from '../state';
import { requirePaidAccess } from './access';
import { invalidRequest } from './errors';
import { type ModelKind, requireModel } from './models';
import { readMultipart, type UploadedFile } from './multipart';

const MAX_IMAGES_PER_CALL = 4;
/** `size` is checked for form, but every picture made here is 256×256. */
const SIZE_PATTERN = /^\d{2,4}x\d{2,4}$/;
const IMAGE_FIELDS = new Set(['image', 'image[]']);

/** The options every image endpoint shares, whether from JSON or from form fields. */
interface ImageRequest {
  model: unknown;
  prompt: unknown;
  n: unknown;
  size: unknown;
  responseFormat: unknown;
}

export function registerImageRoutes(api: FastifyInstance, ctx: GatewayContext): void {
  api.post('/images/generations', async (request) => {
    const { user } = await requirePaidAccess(ctx, request);
    const options = readImageOptions(
      fromJson(request.body),
      ['image-generation'],
      '/images/generations',
      true,
    );
    return answerImages(ctx, user, options, `generate:${options.prompt}`);
  });

  api.post('/images/edits', async (request) => {
    const { user } = await requirePaidAccess(ctx, request);
    const form = await readMultipart(ctx, request);
    const options = readImageOptions(fromForm(form.fields), ['image-edit'], '/images/edits', true);
    const images = inspectUploads(form.files);
    ctx.recorder.annotate(request, { images });
    return answerImages(ctx, user, options, `edit:${options.prompt}:${images.length}`);
  });

  api.post('/images/variations', async (request) => {
    const { user } = await requirePaidAccess(ctx, request);
    const form = await readMultipart(ctx, request);
    const options = readImageOptions(
      fromForm(form.fields),
      ['image-generation'],
      '/images/variations',
      false,
    );
    const images = inspectUploads(form.files);
    ctx.recorder.annotate(request, { images });
    return answerImages(
      ctx,
      user,
      options,
      `variation:${images.map((image) => image.bytes).join(',')}`,
    );
  });
}

interface ImageOptions {
  prompt: string;
  count: number;
  responseFormat: 'url' | 'b64_json';
}

function fromJson(body: unknown): ImageRequest {
  const fields = isRecord(body) ? body : {};
  return {
    model: fields.model,
    prompt: fields.prompt,
    n: fields.n,
    size: fields.size,
    responseFormat: fields.response_format,
  };
}

function fromForm(fields: Map<string, string>): ImageRequest {
  return {
    model: fields.get('model'),
    prompt: fields.get('prompt'),
    n: fields.has('n') ? Number(fields.get('n')) : undefined,
    size: fields.get('size'),
    responseFormat: fields.get('response_format'),
  };
}

function readImageOptions(
  request: ImageRequest,
  kinds: ModelKind[],
  endpoint: string,
  promptRequired: boolean,
): ImageOptions {
  requireModel(request.model, kinds, endpoint);
  const { prompt, n, size, responseFormat } = request;
  if (prompt !== undefined && typeof prompt !== 'string') {
    throw invalidRequest('prompt must be a string.');
  }
  if (promptRequired && !prompt) throw invalidRequest('prompt is required.');
  const count = n ?? 1;
  if (!Number.isInteger(count) || Number(count) < 1 || Number(count) > MAX_IMAGES_PER_CALL) {
    throw invalidRequest(`n must be a whole number from 1 to ${MAX_IMAGES_PER_CALL}.`);
  }
  if (size !== undefined && (typeof size !== 'string' || !SIZE_PATTERN.test(size))) {
    throw invalidRequest('size must look like 1024x1024.');
  }
  const format = responseFormat ?? 'url';
  if (format !== 'url' && format !== 'b64_json') {
    throw invalidRequest('response_format must be url or b64_json.');
  }
  return { prompt: prompt ?? '', count: Number(count), responseFormat: format };
}

/** Every uploaded `image` (or `image[]`) must be a real picture; at least one is needed. */
function inspectUploads(files: UploadedFile[]): ImageFacts[] {
  const images = files.filter((file) => IMAGE_FIELDS.has(file.field));
  if (images.length === 0) throw invalidRequest('image is required.');
  return images.map((file) => {
    const inspection = inspectImage(file.bytes);
    if (!inspection.ok) throw invalidRequest(`${file.filename}: ${inspection.reason}`);
    return inspection.facts;
  });
}

function answerImages(ctx: GatewayContext, user: User, options: ImageOptions, seed: string) {
  const format = ctx.state.settings.imageFormatOverride ?? options.responseFormat;
  const data = Array.from({ length: options.count }, (_, index) => {
    const png = gradientPng(`${seed}#${index}`);
    return format === 'b64_json'
      ? { b64_json: png.toString('base64') }
      : { url: storeFile(ctx, 'image/png', 'png', png) };
  });
  charge(user, PRICES.image * options.count);
  return { created: Math.floor(Date.now() / 1000), data };
}
