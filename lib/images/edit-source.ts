/**
 * A picture to edit, as it will be uploaded. The original bytes go when they are a PNG, JPEG or
 * WebP of a sensible size, so the model changes the picture itself and not a copy; anything else
 * (GIF, SVG, a 40 MB photo) is made into a JPEG of at most about 800 KB first.
 */

import { prepareImage } from '../media/compress-image';
import { imageTypeOf } from '../media/image-header';

/** Larger pictures are re-encoded before they are sent. */
export const MAX_EDIT_SOURCE_BYTES = 8 * 1024 * 1024;
const SENT_AS_IS = new Set(['image/png', 'image/jpeg', 'image/webp']);

export async function editSourceFrom(picture: Blob): Promise<Blob> {
  const bytes = new Uint8Array(await picture.arrayBuffer());
  const type = imageTypeOf(bytes);
  if (type && SENT_AS_IS.has(type) && bytes.byteLength <= MAX_EDIT_SOURCE_BYTES)
    return new Blob([bytes as BlobPart], { type });
  const { dataUrl } = await prepareImage(picture);
  return (await fetch(dataUrl)).blob();
}
