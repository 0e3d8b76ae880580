/** Shared steps for tests that observe Read aloud: its state, and the offscreen document playing. */
import type { Worker } from '@playwright/test';
import type { SpeechState } from '../../lib/speech/state';

export function speechState(serviceWorker: Worker): Promise<SpeechState | undefined> {
  return serviceWorker.evaluate(
    async () => (await chrome.storage.session.get('speech.state'))['speech.state'] as SpeechState,
  );
}

export function offscreenDocuments(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(
    async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length,
  );
}

/** Nothing from one test may go on playing into the next one. */
export function closeOffscreenDocument(serviceWorker: Worker): Promise<void> {
  return serviceWorker.evaluate(() => chrome.offscreen.closeDocument().catch(() => undefined));
}
