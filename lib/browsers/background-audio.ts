/**
 * Read aloud's player in Firefox: the background is an event page with a DOM, so it plays the
 * audio itself, with the offscreen document's own player and speech source. A page cannot message
 * itself, so it stores each state directly and takes its tokens from its own token store.
 */
import { browser } from 'wxt/browser';
import { createAudioPlayer } from '../../entrypoints/offscreen/audio-player';
import { releaseClip, speechClips } from '../../entrypoints/offscreen/speech-source';
import { takeGrantsFrom } from '../api/authorized-fetch';
import { accessGrantFor } from '../auth/handlers';
import { createSpeechQueue, type SpeechQueue } from '../speech/player-queue';
import type { SpeechState } from '../speech/state';
import type { AudioHost } from './audio-player';

/**
 * Firefox ends an event page after 30 s without events or API calls, playing or not; an API call
 * this often while a reading loads or plays keeps it alive. Test builds call sooner, so a test can
 * prove it against a shorter idle time.
 */
const KEEP_ALIVE_MS = import.meta.env.MODE === 'test' ? 1_000 : 20_000;

/** Keeps the event page alive from `start()` until `stop()`. */
function createKeepAlive() {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    start() {
      timer ??= setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

export function createBackgroundAudioHost(onState: (state: SpeechState) => void): AudioHost {
  let queue: SpeechQueue<string> | undefined;
  const keepAlive = createKeepAlive();
  const report = (state: SpeechState) => {
    // A long pause may end the page, as a long pause ends Chrome's offscreen document.
    if (state.status === 'loading' || state.status === 'playing') keepAlive.start();
    else keepAlive.stop();
    onState(state);
  };
  return {
    async open() {
      takeGrantsFrom(accessGrantFor);
      queue ??= createSpeechQueue({ player: createAudioPlayer(), releaseClip, onState: report });
    },
    async isOpen() {
      return queue !== undefined;
    },
    async send(command) {
      if (!queue) throw new Error('Read aloud has no player yet.');
      if (command.kind === 'play')
        queue.start(command.reading.segments, speechClips(command.reading));
      else queue[command.kind]();
    },
  };
}
