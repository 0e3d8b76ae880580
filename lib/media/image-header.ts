/**
 * An image's size read from its first bytes, without decoding it: enough to decide whether to
 * send it as it is, and to decode a large photo straight at the size it will be sent at.
 */
export interface Dimensions {
  width: number;
  height: number;
}

function png(bytes: DataView): Dimensions | null {
  // Signature, then the IHDR chunk: width and height at offsets 16 and 20.
  if (bytes.byteLength < 24 || bytes.getUint32(0) !== 0x89504e47) return null;
  return { width: bytes.getUint32(16), height: bytes.getUint32(20) };
}

function gif(bytes: DataView): Dimensions | null {
  if (bytes.byteLength < 10 || bytes.getUint32(0) !== 0x47494638) return null; // "GIF8"
  return { width: bytes.getUint16(6, true), height: bytes.getUint16(8, true) };
}

function jpeg(bytes: DataView): Dimensions | null {
  if (bytes.byteLength < 4 || bytes.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 9 < bytes.byteLength) {
    if (bytes.getUint8(offset) !== 0xff) return null;
    const marker = bytes.getUint8(offset + 1);
    // Start-of-frame markers (not DHT 0xC4, JPG 0xC8, DAC 0xCC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.getUint16(offset + 5), width: bytes.getUint16(offset + 7) };
    }
    offset += 2 + bytes.getUint16(offset + 2);
  }
  return null;
}

function webp(bytes: DataView): Dimensions | null {
  if (
    bytes.byteLength < 30 ||
    bytes.getUint32(0) !== 0x52494646 ||
    bytes.getUint32(8) !== 0x57454250
  )
    return null;
  const chunk = bytes.getUint32(12);
  if (chunk === 0x56503820) {
    // "VP8 ": lossy; 14-bit sizes in the frame header.
    return {
      width: bytes.getUint16(26, true) & 0x3fff,
      height: bytes.getUint16(28, true) & 0x3fff,
    };
  }
  if (chunk === 0x5650384c) {
    // "VP8L": lossless; 14-bit sizes minus one, packed.
    const bits = bytes.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 0x56503858) {
    // "VP8X": extended; 24-bit sizes minus one.
    const width = 1 + (bytes.getUint8(24) | (bytes.getUint8(25) << 8) | (bytes.getUint8(26) << 16));
    const height =
      1 + (bytes.getUint8(27) | (bytes.getUint8(28) << 8) | (bytes.getUint8(29) << 16));
    return { width, height };
  }
  return null;
}

export function readDimensions(bytes: ArrayBuffer): Dimensions | null {
  const view = new DataView(bytes);
  try {
    return png(view) ?? gif(view) ?? jpeg(view) ?? webp(view);
  } catch {
    return null; // a truncated file: let the decoder say what is wrong
  }
}

/** The raster formats image models answer with, told apart by their first bytes. */
export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/**
 * What the bytes really are, whatever a server's `Content-Type` says: PNG, JPEG, GIF or WebP by
 * their signatures, or null for anything else (HTML, SVG, a truncated file).
 */
export function imageTypeOf(bytes: Uint8Array): RasterType | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 12) return null;
  if (view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) return 'image/png';
  if (view.getUint16(0) === 0xffd8 && view.getUint8(2) === 0xff) return 'image/jpeg';
  if (view.getUint32(0) === 0x47494638) return 'image/gif';
  if (view.getUint32(0) === 0x52494646 && view.getUint32(8) === 0x57454250) return 'image/webp';
  return null;
}
