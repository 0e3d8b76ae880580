import jpegJs from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readDimensions } from '../../lib/media/image-header';

function buffer(bytes: Uint8Array | Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('readDimensions', () => {
  it('reads a PNG', () => {
    const png = PNG.sync.write(new PNG({ width: 640, height: 480 }));
    expect(readDimensions(buffer(png))).toEqual({ width: 640, height: 480 });
  });

  it('reads a JPEG', () => {
    const data = Buffer.alloc(300 * 200 * 4, 128);
    const jpeg = jpegJs.encode({ data, width: 300, height: 200 }, 80).data;
    expect(readDimensions(buffer(jpeg))).toEqual({ width: 300, height: 200 });
  });

  it('reads a GIF', () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x03, 0x58, 0x02, 0, 0]);
    expect(readDimensions(buffer(gif))).toEqual({ width: 800, height: 600 });
  });

  it('reads a lossless WebP (VP8L)', () => {
    // RIFF....WEBPVP8L, chunk size, signature 0x2f, then 14-bit width-1 and height-1.
    const bytes = new Uint8Array(30);
    const view = new DataView(bytes.buffer);
    bytes.set([0x52, 0x49, 0x46, 0x46], 0);
    bytes.set([0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c], 8);
    bytes[20] = 0x2f;
    view.setUint32(21, (100 - 1) | ((50 - 1) << 14), true);
    expect(readDimensions(buffer(bytes))).toEqual({ width: 100, height: 50 });
  });

  it('gives up on anything else', () => {
    expect(
      readDimensions(buffer(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))),
    ).toBeNull();
    expect(readDimensions(new ArrayBuffer(3))).toBeNull();
  });
});
