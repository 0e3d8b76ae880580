/** The voice choices, in `storage.local`: how a spoken question is sent and answers are heard. */
import { defineCheckedItem } from '../config/checked-item';
import { isBoolean, isString, recordOf } from '../config/schema';

/** A transcribed question is sent at once instead of waiting in the composer. */
export const sendWhenTranscribed = defineCheckedItem('local:settings.voice.sendWhenTranscribed', {
  fallback: false,
  check: isBoolean,
  label: 'Send when transcribed',
});

/** Every answer that finishes in the side panel is read aloud: hands-free talk. */
export const readAnswersAloud = defineCheckedItem('local:settings.voice.readAnswersAloud', {
  fallback: false,
  check: isBoolean,
  label: 'Read each answer aloud when it finishes',
});

/** The transcription model picked per provider, by provider id, for gateways that offer several. */
export const transcriptionModels = defineCheckedItem('local:voice.transcriptionModels', {
  fallback: {} as Record<string, string>,
  check: recordOf(isString({ max: 512 }), { max: 100 }),
  label: 'the transcription model you picked',
});
