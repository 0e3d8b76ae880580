/**
 * What an image really is, read from its bytes: the formats vision models accept, and size.
 */
import { imageSize } from 'image-size';
import type { ImageFacts } from '../recording';

/** image-size's type names → the names used in answers and MIME types. */
const ACCEPTED_TYPES: Record<string, string> = {
  jpg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
};

export const ACCEPTED_FORMATS_TEXT = 'JPEG, PNG, GIF or WebP';

export type ImageInspection = { ok: true; facts: ImageFacts } | { ok: false; reason: string };

export function inspectImage(bytes: Buffer): ImageInspection {
  let detected: ReturnType<typeof imageSize>;
  try {
    detected = imageSize(bytes);
  } catch {
    return { ok: false, reason: `The data is not a readable ${ACCEPTED_FORMATS_TEXT} image.` };
  }
  const format = ACCEPTED_TYPES[detected.type ?? ''];
  if (!format) {
    return {
      ok: false,
      reason: `Unsupported image format ${detected.type ?? 'unknown'}: use ${ACCEPTED_FORMATS_TEXT}.`,
    };
  }
  return {
    ok: true,
    facts: { format, width: detected.width, height: detected.height, bytes: bytes.length },
  };
}
