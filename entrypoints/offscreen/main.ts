/**
 * The offscreen document: plays Read aloud so the person can stay on their page. It fetches the
 * speech itself (the service worker may be stopped at any time) and tells the background how
 * reading goes; it can use no extension API but `runtime`, so it keeps no state in storage.
 */
import { onMessage, sendMessage } from '../../lib/messages';
import { guarded } from '../../lib/messaging/sender';
import { createSpeechQueue } from '../../lib/speech/player-queue';
import { createAudioPlayer } from './audio-player';
import { followMirroredLanguage } from './language';
import { releaseClip, speechClips } from './speech-source';

followMirroredLanguage();
const queue = createSpeechQueue({
  player: createAudioPlayer(),
  releaseClip,
  onState: (state) => {
    // Sending wakes a sleeping background; there is no one else to tell if it fails.
    sendMessage('speech.state', state).catch(() => undefined);
  },
});

onMessage(
  'offscreen.speech.play',
  guarded(({ data }) => queue.start(data.segments, speechClips(data))),
);
onMessage(
  'offscreen.speech.pause',
  guarded(() => queue.pause()),
);
onMessage(
  'offscreen.speech.resume',
  guarded(() => queue.resume()),
);
onMessage(
  'offscreen.speech.stop',
  guarded(() => queue.stop()),
);
