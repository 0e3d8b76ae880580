/**
 * Read aloud, background side: makes sure the offscreen document exists, forwards commands to
 * it, and stores the state it reports. A new reading replaces the one before it (the offscreen
 * document's queue sees to that).
 */
import { browser } from 'wxt/browser';
import { loadSpeechPreferences } from '../config/settings';
import { sendMessage } from '../messages';
import type { SpeechResult } from './protocol';
import { noticeOf, pendingReadingText, readingNotice } from './reading-notice';
import { planReading, type ReadingPlan } from './reading-plan';
import { splitIntoSegments } from './segments';
import { IDLE_SPEECH_STATE, type SpeechState, speechState } from './state';

/** The offscreen document's page, from `entrypoints/offscreen/`. */
export const OFFSCREEN_DOCUMENT = 'offscreen.html';
const OK: SpeechResult = { ok: true };
const NOTHING_TO_READ: SpeechResult = {
  ok: false,
  code: 'nothing-to-read',
  message: 'There is no text to read aloud.',
};

let creating: Promise<void> | undefined;
let writes: Promise<void> = Promise.resolve();

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

/** One creation in flight, shared by every caller. */
function ensureOffscreenDocument(): Promise<void> {
  creating ??= createOffscreenDocument().finally(() => {
    creating = undefined;
  });
  return creating;
}

/** Stores a state for every page to see, in the order states were reported. */
export function publishSpeechState(state: SpeechState): Promise<void> {
  const write = writes.then(() => speechState.setValue(state));
  writes = write.catch(() => undefined);
  return write;
}

async function unavailable(total: number): Promise<SpeechResult> {
  const message = 'Read aloud could not start in this browser. Try again in a moment.';
  await publishSpeechState({ status: 'error', segment: 0, total, message });
  return { ok: false, code: 'unavailable', message };
}

/**
 * Reads `text` aloud in the voice and speed from the settings, replacing any reading. At most
 * `READ_ALOUD_MAX_CHARS` are read; a reading longer than `CONFIRM_ABOVE_CHARS` waits, with its
 * expected cost shown, until the person confirms it (`confirmReadAloud`).
 */
export async function startReadAloud(text: string): Promise<SpeechResult> {
  const plan = planReading(text);
  if (!plan) return NOTHING_TO_READ;
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
  if (!plan || !notice) return NOTHING_TO_READ;
  return play({ ...plan, totalChars: notice.totalChars });
}

async function play(plan: ReadingPlan): Promise<SpeechResult> {
  const segments = splitIntoSegments(plan.text);
  if (segments.length === 0) return NOTHING_TO_READ;
  await Promise.all([
    pendingReadingText.removeValue(),
    readingNotice.setValue(noticeOf(plan, false)),
  ]);
  const { voice, speed } = await loadSpeechPreferences();
  try {
    await ensureOffscreenDocument();
    await sendMessage('offscreen.speech.play', { segments, voice, speed });
    return OK;
  } catch {
    return unavailable(segments.length);
  }
}

type OffscreenCommand =
  | 'offscreen.speech.pause'
  | 'offscreen.speech.resume'
  | 'offscreen.speech.stop';

/**
 * Sends a command to the offscreen document; without one there is nothing to command, and
 * `stateWithout` is stored instead so no page goes on showing a reading that is over.
 */
async function forward(
  command: OffscreenCommand,
  stateWithout: SpeechState,
): Promise<SpeechResult> {
  try {
    if (await hasOffscreenDocument()) {
      await sendMessage(command);
      return OK;
    }
  } catch {
    // The document closed while we spoke to it: as if it had gone before.
  }
  await publishSpeechState(stateWithout);
  return OK;
}

export function pauseReadAloud(): Promise<SpeechResult> {
  return forward('offscreen.speech.pause', IDLE_SPEECH_STATE);
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
          message: 'Reading ended during the long pause. Choose Read aloud again to start over.',
        }
      : IDLE_SPEECH_STATE;
  return forward('offscreen.speech.resume', ended);
}

/** Stops reading, and drops a long reading that was waiting for a yes. */
export async function stopReadAloud(): Promise<SpeechResult> {
  await Promise.all([pendingReadingText.removeValue(), readingNotice.removeValue()]);
  return forward('offscreen.speech.stop', IDLE_SPEECH_STATE);
}
