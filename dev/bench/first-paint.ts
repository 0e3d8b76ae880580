/**
 * The side panel's cold first contentful paint next to the floor the browser allows: an empty
 * page of the same extension, opened the same way. Each run is a new tab, as a person opening the
 * panel gets; the median of seven is printed.
 */
import { type BenchBrowser, EMPTY_PAGE, median } from './browser';

const RUNS = 7;

async function firstContentfulPaint(bench: BenchBrowser, file: string): Promise<number> {
  const page = await bench.open(file);
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.close();
  return ms;
}

export interface FirstPaint {
  panelMs: number;
  emptyMs: number;
}

export async function measureFirstPaint(bench: BenchBrowser): Promise<FirstPaint> {
  const panel: number[] = [];
  const empty: number[] = [];
  // Interleaved, so that a noisy moment of the machine weighs on both alike.
  for (let run = 0; run < RUNS; run++) {
    empty.push(await firstContentfulPaint(bench, EMPTY_PAGE));
    panel.push(await firstContentfulPaint(bench, 'sidepanel.html'));
  }
  return { panelMs: median(panel), emptyMs: median(empty) };
}
