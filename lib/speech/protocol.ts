/** What the Read aloud messages carry (the messages themselves are in lib/messages.ts). */
import type { SpeechVoice } from '../config/settings';

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
