/** The background's answers to the Read aloud messages; each checks who is asking. */
import { browser } from 'wxt/browser';
import { OFFSCREEN_DOCUMENT } from '../browsers/offscreen-audio';
import { onMessage } from '../messages';
import { guarded, isOwnExtensionPage } from '../messaging/sender';
import {
  confirmReadAloud,
  pauseReadAloud,
  publishSpeechState,
  resumeReadAloud,
  startReadAloud,
  stopReadAloud,
} from './controller';
import type { SpeechResult } from './protocol';
import { parseSpeechState } from './state';

const REFUSED: SpeechResult = {
  ok: false,
  code: 'forbidden',
  message: 'Only Passlight’s own pages may ask for this.',
};

function isOffscreenDocument(sender: { id?: string; url?: string }): boolean {
  return (
    isOwnExtensionPage(sender) && sender.url === browser.runtime.getURL(`/${OFFSCREEN_DOCUMENT}`)
  );
}

export function registerSpeechHandlers(): void {
  onMessage(
    'speech.start',
    guarded(({ data }) => startReadAloud(String(data?.text ?? '')), REFUSED),
  );
  onMessage(
    'speech.confirm',
    guarded(() => confirmReadAloud(), REFUSED),
  );
  onMessage(
    'speech.pause',
    guarded(() => pauseReadAloud(), REFUSED),
  );
  onMessage(
    'speech.resume',
    guarded(() => resumeReadAloud(), REFUSED),
  );
  onMessage(
    'speech.stop',
    guarded(() => stopReadAloud(), REFUSED),
  );
  onMessage(
    'speech.state',
    guarded(
      async ({ data }) => {
        const state = parseSpeechState(data);
        if (state) await publishSpeechState(state);
      },
      undefined,
      isOffscreenDocument,
    ),
  );
}
