import { describe, expect, it } from 'vitest';
import {
  canSendAsIs,
  encodingAttempts,
  MAX_IMAGE_BYTES,
  scaledSize,
} from '../../lib/media/image-plan';

describe('image size planning', () => {
  it('sends a small JPEG, PNG or WebP untouched, but never a GIF or an oversized image', () => {
    expect(canSendAsIs('image/png', 300_000, 800, 600)).toBe(true);
    expect(canSendAsIs('image/webp', MAX_IMAGE_BYTES, 2048, 10)).toBe(true);
    expect(canSendAsIs('image/gif', 10_000, 100, 100)).toBe(false);
    expect(canSendAsIs('image/png', MAX_IMAGE_BYTES + 1, 800, 600)).toBe(false);
    expect(canSendAsIs('image/jpeg', 100_000, 6000, 4000)).toBe(false);
    expect(canSendAsIs('image/svg+xml', 1_000, 100, 100)).toBe(false);
  });

  it('keeps the aspect ratio when scaling down, and never scales up', () => {
    expect(scaledSize(6000, 4000, 2048)).toEqual({ width: 2048, height: 1365 });
    expect(scaledSize(4000, 6000, 1024)).toEqual({ width: 683, height: 1024 });
    expect(scaledSize(640, 480, 2048)).toEqual({ width: 640, height: 480 });
    expect(scaledSize(10_000, 1, 512)).toEqual({ width: 512, height: 1 });
  });

  it('tries lower quality before smaller sizes, ending small', () => {
    const attempts = [...encodingAttempts()];
    expect(attempts[0]).toEqual({ maxSide: 2048, quality: 0.85 });
    expect(attempts[1]).toEqual({ maxSide: 2048, quality: 0.72 });
    expect(attempts.at(-1)).toEqual({ maxSide: 512, quality: 0.6 });
  });
});
