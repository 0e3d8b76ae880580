/**
 * Read aloud end to end: the background makes the offscreen document, which fetches each part
 * from the gateway while the one before it plays, and every page sees the state in storage.
 */
import type { Page } from '@playwright/test';
import type { RecordedRequest } from '../../dev/gateway/recording';
import { splitIntoSegments } from '../../lib/speech/segments';
import { expect, test } from './fixtures';
import { openSignedInPanel } from './session';
import { closeOffscreenDocument, offscreenDocuments, speechState } from './speech';

const SPEECH_PATH = '/oauth2/v1/audio/speech';

/** `count` sentences of about 45 characters: the first part plays for about two seconds. */
function textOf(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `This is sentence ${index + 1}, read aloud in turn.`,
  ).join(' ');
}

/** Sends 'speech.start' as @webext-core/messaging would, from one of the extension's pages. */
function sendSpeechMessage(page: Page, type: string, data?: unknown): Promise<unknown> {
  return page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ type, data, id: 1, timestamp: Date.now() }),
    [type, data] as const,
  );
}

test.afterEach(({ serviceWorker }) => closeOffscreenDocument(serviceWorker));

test('reads in parts, fetching the next one while one plays, in an offscreen document', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const text = textOf(30);
  const parts = splitIntoSegments(text);
  expect(parts.length).toBeGreaterThanOrEqual(3);
  const speechRequests = (): RecordedRequest[] =>
    gateway.control.requests().filter((request) => request.path === SPEECH_PATH);

  expect(await sendSpeechMessage(panel, 'speech.start', { text })).toEqual({ res: { ok: true } });

  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('playing');
  expect(await offscreenDocuments(serviceWorker)).toBe(1);

  // Each part is fetched once the one before it is playing: all of them only after a while.
  await expect
    .poll(() => speechRequests().filter((request) => request.finishedAt !== null).length, {
      timeout: 15_000,
    })
    .toBe(parts.length);
  const requests = speechRequests();
  const first = requests[0];
  const last = requests.at(-1);
  expect(first?.finishedAt).toBeLessThan(last?.startedAt ?? 0);
  for (const [index, request] of requests.entries()) {
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ input: parts[index], voice: 'alloy', speed: 1 });
    // Never more than one ahead: a request starts only after the one before it has finished.
    const before = requests[index - 1];
    if (before) expect(request.startedAt).toBeGreaterThanOrEqual(before.finishedAt ?? Infinity);
  }
  expect(
    requests.map((request) => (request.body as { response_format: string }).response_format),
  ).toEqual(['wav', ...parts.slice(1).map(() => 'mp3')]);
  expect(await speechState(serviceWorker)).toMatchObject({ total: parts.length });

  await sendSpeechMessage(panel, 'speech.stop');
  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('idle');
});

test('Stop ends playback and fetches nothing more', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const speechRequestCount = () =>
    gateway.control.requests().filter((request) => request.path === SPEECH_PATH).length;

  await sendSpeechMessage(panel, 'speech.start', { text: textOf(30) });
  await expect
    .poll(() => speechState(serviceWorker))
    .toMatchObject({ status: 'playing', segment: 1 });

  expect(await sendSpeechMessage(panel, 'speech.stop')).toEqual({ res: { ok: true } });
  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('idle');
  const countAtStop = speechRequestCount();
  // The first part lasts about two seconds: the third part would have been asked for by then.
  expect(countAtStop).toBeLessThan(3);
  await panel.waitForTimeout(2_500);
  expect(speechRequestCount()).toBe(countAtStop);
  expect(await speechState(serviceWorker)).toMatchObject({ status: 'idle' });
});

test('pauses and resumes', async ({ extensionContext, openExtensionPage, serviceWorker }) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await sendSpeechMessage(panel, 'speech.start', { text: textOf(30) });
  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('playing');

  await sendSpeechMessage(panel, 'speech.pause');
  await expect
    .poll(() => speechState(serviceWorker))
    .toMatchObject({ status: 'paused', segment: 1 });
  await sendSpeechMessage(panel, 'speech.resume');
  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('playing');
  await sendSpeechMessage(panel, 'speech.stop');
});

test('a used-up budget stops reading and says why', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });

  await sendSpeechMessage(panel, 'speech.start', { text: textOf(30) });

  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('error');
  expect((await speechState(serviceWorker))?.message).toBe(
    'Your AI Pass balance is used up. Add credit to continue.',
  );
  const requests = gateway.control.requests().filter((request) => request.path === SPEECH_PATH);
  expect(requests).toHaveLength(1);
  expect(requests[0]?.status).toBe(400);
});

test('refuses blank text', async ({ extensionContext, openExtensionPage, serviceWorker }) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  expect(await sendSpeechMessage(panel, 'speech.start', { text: '  \n ' })).toEqual({
    res: { ok: false, code: 'nothing-to-read', message: 'There is no text to read aloud.' },
  });
  expect(await offscreenDocuments(serviceWorker)).toBe(0);
});
