/**
 * What the voice specs share (voice.spec.ts with a speaking microphone, voice-silence.spec.ts with
 * a silent one: a worker has one fake microphone, hence two files): a signed-in panel with words
 * already typed, the microphone button, and the transcription calls the gateway saw.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { RecordedRequest } from '../../dev/gateway/recording';
import { expect } from './fixtures';
import { openSignedInPanel } from './session';

export const TRANSCRIPTION_PATH = '/oauth2/v1/audio/transcriptions';

export function transcriptionRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.path === TRANSCRIPTION_PATH);
}

/** The side panel signed in, with `typed` in the question box: a recording must keep it. */
export async function openPanelWithTyped(
  context: BrowserContext,
  openExtensionPage: (file: string) => Promise<Page>,
  typed: string,
): Promise<{ panel: Page; box: Locator }> {
  const panel = await openSignedInPanel(context, openExtensionPage);
  const box = panel.getByRole('textbox', { name: 'Your question' });
  await box.fill(typed);
  return { panel, box };
}

/** Presses the microphone and waits for the level meter that shows it records. */
export async function startRecording(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Speak a question' }).click();
  await expect(panel.getByRole('meter', { name: 'Sound level' })).toBeVisible();
}
