/**
 * What the Read aloud messages carry (the messages themselves are in lib/messages.ts), as types
 * only, so the message protocol imports nothing that runs.
 */

/** The voices AI Pass's text to speech offers (listed for the options page in lib/config/settings.ts). */
export type SpeechVoice = 'alloy' | 'echo' | 'fable' | 'onyx' | 'nova' | 'shimmer';

export type SpeechStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'error';

/** Where Read aloud stands (kept in `storage.session` by lib/speech/state.ts). */
export interface SpeechState {
  status: SpeechStatus;
  /** The part being read, from 1; 0 when idle. */
  segment: number;
  /** How many parts the text was cut into; 0 when idle. */
  total: number;
  /** Why reading stopped, when `status` is 'error'. */
  message?: string;
}

export type SpeechRefusal =
  /** The message did not come from one of Passlight's own pages. */
  | 'forbidden'
  /** The text has nothing to say (empty, or only spaces). */
  | 'nothing-to-read'
  /** The offscreen document could not be made or reached. */
  | 'unavailable';

/** A command's answer; how reading goes afterwards is in the `speech.state` storage item. */
export type SpeechResult = { ok: true } | { ok: false; code: SpeechRefusal; message: string };

/** From the background to the offscreen document: read these segments with these settings. */
export interface SpeechReading {
  segments: string[];
  voice: SpeechVoice;
  speed: number;
}
