/** The arithmetic of shrinking an image under the upload limit; no browser APIs, so it tests in Node. */

/** AI Pass asks for images of about 800 KB at most. */
export const MAX_IMAGE_BYTES = 800 * 1024;
/** Vision models see little more than this; larger only costs bytes. */
export const MAX_IMAGE_SIDE = 2048;
/** Formats AI Pass accepts as they are. */
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/** An image already small enough in an accepted format is sent untouched, keeping it sharp. */
export function canSendAsIs(type: string, bytes: number, width: number, height: number): boolean {
  return (
    ACCEPTED_IMAGE_TYPES.includes(type) &&
    type !== 'image/gif' && // an animated GIF would send every frame: take the first one instead
    bytes <= MAX_IMAGE_BYTES &&
    Math.max(width, height) <= MAX_IMAGE_SIDE
  );
}

/** The size to draw at so the longer side is at most `maxSide`, keeping the aspect ratio. */
export function scaledSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Successive attempts: lower the JPEG quality first, then the size. */
export function* encodingAttempts(): Generator<{ maxSide: number; quality: number }> {
  for (const maxSide of [MAX_IMAGE_SIDE, 1536, 1024, 768, 512]) {
    for (const quality of [0.85, 0.72, 0.6]) yield { maxSide, quality };
  }
}
