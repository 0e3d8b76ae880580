/**
 * Where Read aloud plays, which depends on the browser: Chromium's service worker has no DOM and
 * opens an offscreen document; Firefox's background page plays the audio itself.
 */
import type { SpeechState } from '../speech/state';
import type { AudioHost } from './audio-player';
import { createBackgroundAudioHost } from './background-audio';
import { createOffscreenAudioHost } from './offscreen-audio';

/** The player of this build's browser; `onState` receives its states where it runs in the background. */
export function createAudioHost(onState: (state: SpeechState) => void): AudioHost {
  return import.meta.env.FIREFOX ? createBackgroundAudioHost(onState) : createOffscreenAudioHost();
}
