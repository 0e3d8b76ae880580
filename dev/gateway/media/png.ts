/**
 * Real PNG pictures, deterministic from a seed: a two-colour diagonal gradient.
 */
import { PNG } from 'pngjs';
import { stableHash } from '../secrets';

const SIZE = 256;

export function gradientPng(seed: string): Buffer {
  const hash = stableHash(seed);
  const from = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
  const to = from.map((channel) => 255 - channel);
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      const t = (x + y) / (2 * (SIZE - 1));
      const offset = (y * SIZE + x) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const start = from[channel] ?? 0;
        const end = to[channel] ?? 0;
        png.data[offset + channel] = Math.round(start + (end - start) * t);
      }
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
