/**
 * Read aloud, background side: makes sure the browser's player exists (an offscreen document in
 * Chromium, the background page in Firefox), forwards commands to it, and stores the state it
 * reports. A new reading replaces the one before it (the player's queue sees to that).
 */
import { createAudioHost } from '../browsers/audio-host';
import type { AudioCommand } from '../browsers/audio-player';
import { loadSpeechPreferences } from '../config/settings';
import { speechText } from '../i18n/messages/speech';
import type { SpeechResult } from './protocol';
import { noticeOf, pendingReadingText, readingNotice } from './reading-notice';
import { planReading, type ReadingPlan } from './reading-plan';
import { splitIntoSegments } from './segments';
import { IDLE_SPEECH_STATE, type SpeechState, speechState } from './state';

const OK: SpeechResult = { ok: true };
/** Made when it happens, in the language in use then. */
const nothingToRead = (): SpeechResult => ({
  ok: false,
  code: 'nothing-to-read',
  message: speechText('nothingToRead'),
});

let writes: Promise<void> = Promise.resolve();

/** Stores a state for every page to see, in the order states were reported. */
export function publishSpeechState(state: SpeechState): Promise<void> {
  const write = writes.then(() => speechState.setValue(state));
  writes = write.catch(() => undefined);
  return write;
}

async function unavailable(total: number): Promise<SpeechResult> {
  const message = speechText('unavailable');
  await publishSpeechState({ status: 'error', segment: 0, total, message });
  return { ok: false, code: 'unavailable', message };
}

const player = createAudioHost((state) => void publishSpeechState(state));

/**
 * Reads `text` aloud in the voice and speed from the settings, replacing any reading. At most
 * `READ_ALOUD_MAX_CHARS` are read; a reading longer than `CONFIRM_ABOVE_CHARS` waits, with its
 * expected cost shown, until the person confirms it (`confirmReadAloud`).
 */
export async function startReadAloud(text: string): Promise<SpeechResult> {
  const plan = planReading(text);
  if (!plan) return nothingToRead();
  if (plan.needsConfirmation) {
    await pendingReadingText.setValue(plan.text);
    await readingNotice.setValue(noticeOf(plan, true));
    return OK;
  }
  return play(plan);
}

/** Starts the long reading that waits for a yes. */
export async function confirmReadAloud(): Promise<SpeechResult> {
  const [text, notice] = await Promise.all([
    pendingReadingText.getValue(),
    readingNotice.getValue(),
  ]);
  const plan = notice?.awaitingConfirmation ? planReading(text) : null;
  if (!plan || !notice) return nothingToRead();
  return play({ ...plan, totalChars: notice.totalChars });
}

async function play(plan: ReadingPlan): Promise<SpeechResult> {
  const segments = splitIntoSegments(plan.text);
  if (segments.length === 0) return nothingToRead();
  await Promise.all([
    pendingReadingText.removeValue(),
    readingNotice.setValue(noticeOf(plan, false)),
  ]);
  const { voice, speed } = await loadSpeechPreferences();
  try {
    await player.open();
    await player.send({ kind: 'play', reading: { segments, voice, speed } });
    return OK;
  } catch {
    return unavailable(segments.length);
  }
}

/**
 * Sends a command to the player; without one there is nothing to command, and `stateWithout` is
 * stored instead so no page goes on showing a reading that is over.
 */
async function forward(command: AudioCommand, stateWithout: SpeechState): Promise<SpeechResult> {
  try {
    if (await player.isOpen()) {
      await player.send(command);
      return OK;
    }
  } catch {
    // The document closed while we spoke to it: as if it had gone before.
  }
  await publishSpeechState(stateWithout);
  return OK;
}

export function pauseReadAloud(): Promise<SpeechResult> {
  return forward({ kind: 'pause' }, IDLE_SPEECH_STATE);
}

/** Chrome closes an audio offscreen document after 30 s without sound, so a long pause ends it. */
export async function resumeReadAloud(): Promise<SpeechResult> {
  const { status, segment, total } = await speechState.getValue();
  const ended: SpeechState =
    status === 'paused'
      ? {
          status: 'error',
          segment,
          total,
          message: speechText('endedInPause'),
        }
      : IDLE_SPEECH_STATE;
  return forward({ kind: 'resume' }, ended);
}

/** Stops reading, and drops a long reading that was waiting for a yes. */
export async function stopReadAloud(): Promise<SpeechResult> {
  await Promise.all([pendingReadingText.removeValue(), readingNotice.removeValue()]);
  return forward({ kind: 'stop' }, IDLE_SPEECH_STATE);
}
