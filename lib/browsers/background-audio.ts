/**
 * Read aloud's player in Firefox: the background is an event page with a DOM, so it plays the
 * audio itself, with the offscreen document's own player and speech source. A page cannot message
 * itself, so it stores each state directly and takes its tokens from its own token store.
 */
import { createAudioPlayer } from '../../entrypoints/offscreen/audio-player';
import { releaseClip, speechClips } from '../../entrypoints/offscreen/speech-source';
import { takeGrantsFrom } from '../api/authorized-fetch';
import { accessGrantFor } from '../auth/handlers';
import { createSpeechQueue, type SpeechQueue } from '../speech/player-queue';
import type { SpeechState } from '../speech/state';
import type { AudioHost } from './audio-host';

export function createBackgroundAudioHost(onState: (state: SpeechState) => void): AudioHost {
  let queue: SpeechQueue<string> | undefined;
  return {
    async open() {
      takeGrantsFrom(accessGrantFor);
      queue ??= createSpeechQueue({ player: createAudioPlayer(), releaseClip, onState });
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
