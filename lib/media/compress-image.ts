/**
 * Any image a person gives us, made into a `data:` URL of at most about 800 KB that AI Pass
 * accepts. Decoding (`createImageBitmap`) and encoding (`OffscreenCanvas.convertToBlob`) run off
 * the main thread; only the drawing call runs on it.
 */
import { canSendAsIs, encodingAttempts, MAX_IMAGE_BYTES, scaledSize } from './image-plan';

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

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new ImageProblem('This image could not be read. Try a PNG, JPEG, WebP or GIF file.');
  }
}

export async function prepareImage(blob: Blob): Promise<PreparedImage> {
  if (!blob.type.startsWith('image/')) throw new ImageProblem('That file is not an image.');
  if (blob.size > MAX_INPUT_BYTES)
    throw new ImageProblem('This image is larger than 40 MB. Try a smaller one.');
  const bitmap = await decode(blob);
  try {
    const { width, height } = bitmap;
    if (width < 2 && height < 2)
      throw new ImageProblem('This image is a single pixel: there is nothing to describe.');
    if (canSendAsIs(blob.type, blob.size, width, height)) {
      return { dataUrl: await dataUrlOf(blob), width, height, bytes: blob.size };
    }
    for (const attempt of encodingAttempts()) {
      const size = scaledSize(width, height, attempt.maxSide);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (!context) throw new ImageProblem('This browser cannot resize images here.');
      context.fillStyle = '#ffffff'; // JPEG has no transparency: show it on white, not black.
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      const encoded = await canvas.convertToBlob({ type: 'image/jpeg', quality: attempt.quality });
      if (encoded.size <= MAX_IMAGE_BYTES) {
        return { dataUrl: await dataUrlOf(encoded), ...size, bytes: encoded.size };
      }
    }
    throw new ImageProblem('This image could not be made small enough to send.');
  } finally {
    bitmap.close();
  }
}
