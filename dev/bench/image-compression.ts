/**
 * Time to make a 12-megapixel photo (4000×3000 JPEG with grain, as a phone takes) into the
 * ≤ 800 KB image that is sent, with the real prepareImage in Chromium. Budget: 500 ms.
 */
import type { Page } from '@playwright/test';

export async function measureImageCompression(
  panel: Page,
): Promise<{ medianMs: number; bytes: number }> {
  return panel.evaluate(async () => {
    const { prepareImage } = (
      globalThis as unknown as {
        passlightTest: { prepareImage: (blob: Blob) => Promise<{ bytes: number }> };
      }
    ).passlightTest;
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#3a6ea5');
    gradient.addColorStop(1, '#f2c14e');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    const grain = context.getImageData(0, 0, 4000, 3000);
    for (let i = 0; i < grain.data.length; i += 4) {
      const noise = (Math.random() - 0.5) * 40;
      grain.data[i] = (grain.data[i] ?? 0) + noise;
      grain.data[i + 1] = (grain.data[i + 1] ?? 0) + noise;
      grain.data[i + 2] = (grain.data[i + 2] ?? 0) + noise;
    }
    context.putImageData(grain, 0, 0);
    const photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });

    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      bytes = (await prepareImage(photo)).bytes;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[2] ?? 0, bytes };
  });
}
