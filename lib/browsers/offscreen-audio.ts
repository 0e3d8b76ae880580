/**
 * Read aloud's player in Chromium: an offscreen document (`entrypoints/offscreen/`), since a
 * service worker has no DOM to play audio in. It reports its state with `speech.state` messages.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messages';
import type { AudioHost } from './audio-player';

/** The offscreen document's page, from `entrypoints/offscreen/`. */
export const OFFSCREEN_DOCUMENT = 'offscreen.html';

async function hasOffscreenDocument(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [browser.runtime.getURL(`/${OFFSCREEN_DOCUMENT}`)],
  });
  return contexts.length > 0;
}

async function createOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_DOCUMENT,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Reads the text the person chose aloud while they stay on their page.',
    });
  } catch (error) {
    // "Only a single offscreen document may be created": made meanwhile, by an earlier worker.
    if (!(await hasOffscreenDocument())) throw error;
  }
}

export function createOffscreenAudioHost(): AudioHost {
  let creating: Promise<void> | undefined;
  return {
    // One creation in flight, shared by every caller.
    open() {
      creating ??= createOffscreenDocument().finally(() => {
        creating = undefined;
      });
      return creating;
    },
    isOpen: hasOffscreenDocument,
    async send(command) {
      if (command.kind === 'play') await sendMessage('offscreen.speech.play', command.reading);
      else await sendMessage(`offscreen.speech.${command.kind}`);
    },
  };
}
