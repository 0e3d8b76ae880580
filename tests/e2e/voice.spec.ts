/**
 * Speaking a question, end to end: Chromium's fake microphone plays a speech-like WAV, the panel
 * records it with MediaRecorder and sends it to the local gateway's `/audio/transcriptions`.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { MultipartPartSummary, RecordedRequest } from '../../dev/gateway/recording';
import { expect, test } from './fixtures';
import {
  openPanelWithTyped,
  startRecording,
  TRANSCRIPTION_PATH,
  transcriptionRequests,
} from './recording';
import { openSignedInPanel } from './session';

test.use({ fakeMicrophone: 'voice' });

function partsOf(request: RecordedRequest | undefined): MultipartPartSummary[] {
  return (request?.body as { parts?: MultipartPartSummary[] } | undefined)?.parts ?? [];
}

/** The meter's value once it shows sound coming in. */
async function expectSoundComingIn(panel: Page): Promise<void> {
  const meter = panel.getByRole('meter', { name: 'Sound level' });
  await expect(meter).toBeVisible();
  await expect
    .poll(() => meter.evaluate((element: HTMLMeterElement) => element.value))
    .toBeGreaterThan(0.05);
}

/** WCAG 2.1 A and AA rules axe-core finds broken on the page, by rule and element. */
async function brokenRules(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}`),
  );
}

/** Presses the microphone, waits for sound, presses again. */
async function speakAndStop(panel: Page): Promise<void> {
  await startRecording(panel);
  await expectSoundComingIn(panel);
  await panel.getByRole('button', { name: 'Stop recording' }).click();
}

test('a spoken question is sent as WebM to a whisper model and lands after what was typed', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}, testInfo) => {
  const { panel, box } = await openPanelWithTyped(
    extensionContext,
    openExtensionPage,
    'Typed first:',
  );
  await startRecording(panel);
  await expectSoundComingIn(panel);
  await expect(panel.getByRole('button', { name: 'Stop recording' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    expect(await brokenRules(panel), scheme).toEqual([]);
    await panel.screenshot({ path: testInfo.outputPath(`recording-${scheme}.png`) });
  }
  await panel.waitForTimeout(1_500); // more than one MediaRecorder part
  await panel.getByRole('button', { name: 'Stop recording' }).click();

  await expect(box).toHaveValue(/^Typed first: Local transcription of \d+ bytes of audio\/webm\.$/);
  const [request] = transcriptionRequests(gateway.control.requests());
  expect(request?.status).toBe(200);
  const parts = partsOf(request);
  const file = parts.find((part) => part.field === 'file');
  expect(file?.mimetype).toMatch(/^audio\/webm/);
  expect(file?.filename).toBe('question.webm');
  expect(file?.bytes).toBeGreaterThan(1_000);
  expect(file?.head?.startsWith('1a45dfa3')).toBe(true); // WebM's EBML header
  expect(parts.find((part) => part.field === 'model')?.value).toBe('whisper-1');
  const sizeInText = Number((await box.inputValue()).match(/of (\d+) bytes/)?.[1]);
  expect(sizeInText).toBe(file?.bytes);
  await expect(panel.getByText('Transcribed with whisper-1 · cost $0.001')).toBeVisible();
});

test('Send when transcribed sends the spoken question at once', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ 'settings.voice.sendWhenTranscribed': true }),
  );
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await speakAndStop(panel);
  await expect(
    panel.getByRole('article', { name: 'Your question' }).getByText(/^Local transcription of/),
  ).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Your question' })).toHaveValue('');
});

test('holding the shortcut records until it is released', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await panel.getByRole('textbox', { name: 'Your question' }).focus();
  await panel.keyboard.down('Alt');
  await panel.keyboard.down('Shift');
  await panel.keyboard.down('V');
  await expectSoundComingIn(panel);
  await panel.waitForTimeout(1_000);
  await panel.keyboard.up('V');
  await panel.keyboard.up('Shift');
  await panel.keyboard.up('Alt');
  await expect(panel.getByRole('textbox', { name: 'Your question' })).toHaveValue(
    /^Local transcription of \d+ bytes/,
  );
  expect(transcriptionRequests(gateway.control.requests())).toHaveLength(1);
});

test('Escape cancels: nothing is sent and nothing typed is lost', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const { panel, box } = await openPanelWithTyped(extensionContext, openExtensionPage, 'Keep this');
  await startRecording(panel);
  await expectSoundComingIn(panel);
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('meter', { name: 'Sound level' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Speak a question' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await panel.waitForTimeout(1_500); // a late part or call would have arrived by now
  expect(transcriptionRequests(gateway.control.requests())).toHaveLength(0);
  await expect(box).toHaveValue('Keep this');
});

test('a used-up budget says so with Add credit, and keeps what was typed', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const { panel, box } = await openPanelWithTyped(extensionContext, openExtensionPage, 'Typed');
  gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
  await speakAndStop(panel);
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Your AI Pass balance is used up. Add credit to continue.');
  await expect(alert.getByRole('button', { name: 'Add credit' })).toBeVisible();
  await expect(box).toHaveValue('Typed');
});

test('a transcription error from the server is said, and nothing typed is lost', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}, testInfo) => {
  const { panel, box } = await openPanelWithTyped(extensionContext, openExtensionPage, 'Typed');
  gateway.control.injectFault({ kind: 'status', status: 500, path: TRANSCRIPTION_PATH });
  await speakAndStop(panel);
  await expect(panel.getByRole('alert')).toContainText(
    'The transcription failed: AI Pass had a problem (500). Try again in a moment.',
  );
  await expect(box).toHaveValue('Typed');
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    expect(await brokenRules(panel), scheme).toEqual([]);
    await panel.screenshot({ path: testInfo.outputPath(`error-${scheme}.png`) });
  }
});

test('a denied microphone gets its own message', async ({
  extensionContext,
  openExtensionPage,
  extensionId,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const cdp = await extensionContext.newCDPSession(panel);
  await cdp.send('Browser.setPermission', {
    origin: `chrome-extension://${extensionId}`,
    permission: { name: 'microphone' },
    setting: 'denied',
  });
  try {
    await panel.getByRole('button', { name: 'Speak a question' }).click();
    await expect(panel.getByRole('alert')).toContainText('Passlight may not use the microphone.');
    expect(transcriptionRequests(gateway.control.requests())).toHaveLength(0);
  } finally {
    await cdp.send('Browser.resetPermissions', {});
  }
});

test('the Passlight tab that asks for the microphone says it is allowed, then closes', async ({
  openExtensionPage,
}, testInfo) => {
  const page = await openExtensionPage('microphone.html');
  await expect(page.getByRole('heading', { name: 'Microphone for Passlight' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'Microphone allowed. Recording goes on in the side panel; this tab closes by itself.',
  );
  await page.screenshot({ path: testInfo.outputPath('microphone-tab.png') });
  await page.waitForEvent('close');
});
