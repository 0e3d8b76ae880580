/**
 * Read aloud: from asking to read a text to its first sound, the offscreen document's first
 * `playing` event (seen by a page as the `playing` state it publishes, a few ms later). Cold on
 * every run: the offscreen document is closed first, so its creation and the speech-model lookup
 * count, as they do whenever reading starts after 30 s of silence. Gateway: no delay.
 */
import { type BenchBrowser, median } from './browser';

const RUNS = 5;

function textOf(sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, index) => `Sentence ${index + 1} of the bench text is read aloud like the others.`,
  ).join(' ');
}

/** Median milliseconds from 'speech.start' to the first sound, for a text of `sentences` sentences. */
export async function measureFirstAudio(bench: BenchBrowser, sentences: number): Promise<number> {
  const page = await bench.open('sidepanel.html');
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await bench.worker.evaluate(() => chrome.offscreen.closeDocument().catch(() => undefined));
      const elapsed = await page.evaluate(async (text) => {
        const firstSound = new Promise<number>((resolve) => {
          const onChanged = (changes: Record<string, chrome.storage.StorageChange>) => {
            if ((changes['speech.state']?.newValue as { status?: string })?.status !== 'playing') {
              return;
            }
            chrome.storage.onChanged.removeListener(onChanged);
            resolve(performance.now());
          };
          chrome.storage.onChanged.addListener(onChanged);
        });
        const askedAt = performance.now();
        // What @webext-core/messaging sends for sendMessage('speech.start', { text }).
        await chrome.runtime.sendMessage({
          type: 'speech.start',
          data: { text },
          id: 1,
          timestamp: Date.now(),
        });
        return (await firstSound) - askedAt;
      }, textOf(sentences));
      times.push(elapsed);
      await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'speech.stop', id: 2, timestamp: Date.now() }),
      );
    }
  } finally {
    await page.close();
  }
  return median(times);
}
