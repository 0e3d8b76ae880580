/**
 * Extension-added latency: from an SSE event leaving the gateway to its text on the screen.
 *
 * The gateway records when it handed each event to the socket; the side panel page records when
 * the answer's text changed. An event's delay is the time to the first change after it, counted
 * only when that change came before the next event (so it can only be this event's text).
 */
import type { BenchBrowser } from './browser';
import { median } from './browser';

const PACE_MS = 40;
const REPLY = Array.from(
  { length: 12 },
  (_, i) => `Sentence ${i + 1} of a streamed answer, with Grüße and 你好.`,
).join(' ');

export async function measureStreamLatency(
  bench: BenchBrowser,
): Promise<{ medianMs: number; events: number }> {
  bench.gateway.control.setReply(REPLY);
  bench.gateway.control.setPace(PACE_MS);
  bench.gateway.control.clearRequests();
  const panel = await bench.open('sidepanel.html');
  await panel.getByLabel('Model').waitFor();
  await panel.evaluate(() => {
    const changes: number[] = [];
    (globalThis as unknown as { textChanges: number[] }).textChanges = changes;
    new MutationObserver(() => changes.push(performance.timeOrigin + performance.now())).observe(
      document.body,
      {
        subtree: true,
        childList: true,
        characterData: true,
      },
    );
  });
  await panel.getByLabel('Your question').fill('Stream something');
  await panel.getByLabel('Your question').press('Enter');
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
  const changes = await panel.evaluate(
    () => (globalThis as unknown as { textChanges: number[] }).textChanges,
  );
  const sent =
    bench.gateway.control.requests().find((r) => r.path === '/oauth2/v1/chat/completions')
      ?.eventsSentAt ?? [];
  await panel.close();
  bench.gateway.control.setPace(0);
  bench.gateway.control.setReply(null);

  const delays: number[] = [];
  sent.forEach((sentAt, index) => {
    const next = sent[index + 1] ?? Number.POSITIVE_INFINITY;
    const shown = changes.find((time) => time >= sentAt);
    if (shown !== undefined && shown < next) delays.push(shown - sentAt);
  });
  return { medianMs: median(delays), events: delays.length };
}
