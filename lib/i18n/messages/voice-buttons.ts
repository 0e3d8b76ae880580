/**
 * The voice area's words that the side panel shows at first paint: the microphone button and
 * Read aloud under answers. Kept apart from voice.ts, which loads with the recording code on the
 * first press, so that the panel's first paint does not carry every voice message.
 */
import { defineMessages } from '../define';

export const voiceButtonText = defineMessages(
  {
    speak: 'Speak a question',
    speakShortcut: 'Speak a question ({shortcut}; hold to talk)',
    stopRecording: 'Stop recording',
    readAloud: 'Read aloud',
  },
  {
    de: {
      speak: 'Frage sprechen',
      speakShortcut: 'Frage sprechen ({shortcut}; gedrückt halten zum Sprechen)',
      stopRecording: 'Aufnahme beenden',
      readAloud: 'Vorlesen',
    },
    ja: {
      speak: '質問を話す',
      speakShortcut: '質問を話す（{shortcut}、押し続けると押している間だけ録音）',
      stopRecording: '録音を止める',
      readAloud: '読み上げる',
    },
  },
);
