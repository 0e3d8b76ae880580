/**
 * Any image a person gives us, made into a `data:` URL of at most about 800 KB that AI Pass
 * accepts. Decoding (`createImageBitmap`) and encoding (`OffscreenCanvas.convertToBlob`) run off
 * the main thread; only the drawing call runs on it.
 */

import { mediaText } from '../i18n/messages/media';
import { type Dimensions, readDimensions } from './image-header';
import {
  canSendAsIs,
  encodingAttempts,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_SIDE,
  scaledSize,
} from './image-plan';
import { rasterizeSvg } from './svg';
import { SvgTooComplexError } from './svg-budget';

export class ImageProblem extends Error {
  override readonly name = 'ImageProblem';
}

export interface PreparedImage {
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

/** Images as large as 40 MB are taken in; beyond that we refuse before decoding. */
const MAX_INPUT_BYTES = 40 * 1024 * 1024;

async function dataUrlOf(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return `data:${blob.type};base64,${btoa(binary)}`;
}

/**
 * Decodes the image, straight at the size it will be sent at when its size is known: a
 * 12-megapixel JPEG decoded at 2048 pixels wide costs a fraction of a full decode.
 */
async function decode(blob: Blob, known: Dimensions | null): Promise<ImageBitmap> {
  try {
    if (!known) return await createImageBitmap(blob);
    const target = scaledSize(known.width, known.height, MAX_IMAGE_SIDE);
    // Width only: the height follows the image's own aspect after EXIF rotation, which the
    // header's size does not know about. A rotated photo decodes a little larger, never squashed.
    return await createImageBitmap(blob, { resizeWidth: target.width, resizeQuality: 'high' });
  } catch {
    throw new ImageProblem(mediaText('unreadable'));
  }
}

function assertWorthDescribing({ width, height }: Dimensions): void {
  if (width < 8 && height < 8) {
    throw new ImageProblem(mediaText('trackingPixel'));
  }
}

/** SVG is drawn into a PNG first: `createImageBitmap` cannot decode vector images. */
async function rasterizedIfVector(blob: Blob): Promise<Blob> {
  if (blob.type !== 'image/svg+xml') return blob;
  try {
    return await rasterizeSvg(blob);
  } catch (error) {
    if (error instanceof SvgTooComplexError) throw new ImageProblem(error.message);
    throw new ImageProblem(mediaText('svgUnreadable'));
  }
}

export async function prepareImage(original: Blob): Promise<PreparedImage> {
  if (!original.type.startsWith('image/')) throw new ImageProblem(mediaText('notAnImage'));
  if (original.size > MAX_INPUT_BYTES) {
    throw new ImageProblem(mediaText('tooLarge', { megabytes: MAX_INPUT_BYTES / 1024 / 1024 }));
  }
  const blob = await rasterizedIfVector(original);
  const known = readDimensions(await blob.arrayBuffer());
  if (known) {
    assertWorthDescribing(known);
    if (canSendAsIs(blob.type, blob.size, known.width, known.height)) {
      return { dataUrl: await dataUrlOf(blob), ...known, bytes: blob.size };
    }
  }
  const bitmap = await decode(blob, known);
  try {
    const { width, height } = bitmap;
    assertWorthDescribing(bitmap);
    for (const attempt of encodingAttempts()) {
      const size = scaledSize(width, height, attempt.maxSide);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (!context) throw new ImageProblem(mediaText('cannotResize'));
      context.fillStyle = '#ffffff'; // JPEG has no transparency: show it on white, not black.
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      const encoded = await canvas.convertToBlob({ type: 'image/jpeg', quality: attempt.quality });
      if (encoded.size <= MAX_IMAGE_BYTES) {
        return { dataUrl: await dataUrlOf(encoded), ...size, bytes: encoded.size };
      }
    }
    throw new ImageProblem(mediaText('cannotShrink'));
  } finally {
    bitmap.close();
  }
}
