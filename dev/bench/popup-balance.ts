/**
 * From opening the popup to the balance on screen, with the balance not cached (the slow path:
 * the popup asks the worker for a token, then the gateway for the figures). Gateway: no delay.
 */
import { type BenchBrowser, median } from './browser';

const RUNS = 15;

export async function measurePopupBalance(bench: BenchBrowser): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await bench.worker.evaluate(() => chrome.storage.session.remove('account.balance'));
    const page = await bench.context.newPage();
    await page.goto(bench.worker.url().replace('background.js', 'popup.html'), {
      waitUntil: 'commit',
    });
    // performance.now() counts from the navigation's start: the moment the popup is opened.
    const shownAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () =>
            document.querySelector('[data-testid=remaining]')
              ? resolve(performance.now())
              : requestAnimationFrame(check);
          check();
        }),
    );
    times.push(shownAt);
    await page.close();
  }
  return median(times);
}
