/**
 * Read aloud's segmentation of a long selection, in Chromium's own segmenter: 1 MB of text with
 * no sentence end at all (the worst case: one sentence to cut before words all along). Budget
 * 50 ms; the work is linear, so 100 KB should take about a tenth of it.
 */
import type { Page } from '@playwright/test';
import { median } from './browser';

export interface SegmentationCost {
  oneMegabyteMs: number;
  hundredKilobytesMs: number;
  segments: number;
}

export async function measureSegmentation(panel: Page): Promise<SegmentationCost> {
  const runs = await panel.evaluate(() => {
    const { splitIntoSegments } = (
      globalThis as unknown as {
        passlightTest: { splitIntoSegments: (text: string) => string[] };
      }
    ).passlightTest;
    const timeOf = (text: string) => {
      const start = performance.now();
      const segments = splitIntoSegments(text);
      return { ms: performance.now() - start, segments: segments.length };
    };
    const big = 'word '.repeat(200_000);
    const small = 'word '.repeat(20_000);
    timeOf(small); // warm up the segmenters
    return Array.from({ length: 5 }, () => ({ big: timeOf(big), small: timeOf(small) }));
  });
  return {
    oneMegabyteMs: median(runs.map((run) => run.big.ms)),
    hundredKilobytesMs: median(runs.map((run) => run.small.ms)),
    segments: runs[0]?.big.segments ?? 0,
  };
}
