/** Hearing answers: Read aloud under a finished answer, and reading each answer as it finishes. */
import type { RecordedRequest } from '../../dev/gateway/recording';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';
import { closeOffscreenDocument, offscreenDocuments, speechState } from './speech';

const SPEECH_PATH = '/oauth2/v1/audio/speech';

function speechRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.path === SPEECH_PATH);
}

test.afterEach(({ serviceWorker }) => closeOffscreenDocument(serviceWorker));

test('Read aloud on a finished answer plays it in the offscreen document', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Say something short');
  const answer = lastAnswer(panel);
  const readAloud = answer.getByRole('button', { name: 'Read aloud' });
  await expect(readAloud).toBeVisible();
  const text = (await answer.locator('.bubble-assistant').innerText()).trim();
  expect(speechRequests(gateway.control.requests())).toHaveLength(0);

  await readAloud.click();
  await expect.poll(async () => (await speechState(serviceWorker))?.status).toBe('playing');
  expect(await offscreenDocuments(serviceWorker)).toBe(1);
  const [first] = speechRequests(gateway.control.requests());
  expect(first?.status).toBe(200);
  const input = (first?.body as { input?: string } | undefined)?.input ?? '';
  expect(input.length).toBeGreaterThan(0);
  expect(text.replace(/\s+/g, ' ')).toContain(input.replace(/\s+/g, ' ').slice(0, 20));
  // The same controls as the right-click action.
  await expect(panel.getByRole('button', { name: 'Stop reading aloud' })).toBeVisible();
  await panel.getByRole('button', { name: 'Stop reading aloud' }).click();
});

test('with "Read each answer aloud" on, an answer is read when it finishes', async ({
  extensionContext,
  openExtensionPage,
  gateway,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ 'settings.voice.readAnswersAloud': true }),
  );
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Say something short');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Read aloud' })).toBeVisible();
  await expect.poll(() => speechRequests(gateway.control.requests()).length).toBeGreaterThan(0);
  await expect(panel.getByRole('button', { name: 'Stop reading aloud' })).toBeVisible();
  await panel.getByRole('button', { name: 'Stop reading aloud' }).click();
});

test('with the option off, a finished answer is not read', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Say something short');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Read aloud' })).toBeVisible();
  await panel.waitForTimeout(1_000);
  expect(speechRequests(gateway.control.requests())).toHaveLength(0);
});
