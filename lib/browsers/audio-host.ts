/**
 * Where Read aloud plays, which depends on the browser: Chromium's service worker has no DOM and
 * opens an offscreen document; Firefox's background page plays the audio itself.
 */
import type { SpeechReading } from '../speech/protocol';
import type { SpeechState } from '../speech/state';
import { createBackgroundAudioHost } from './background-audio';
import { createOffscreenAudioHost } from './offscreen-audio';

export type AudioCommand =
  | { kind: 'play'; reading: SpeechReading }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' };

export interface AudioHost {
  /** Makes the player ready; one at a time, however many callers ask. */
  open(): Promise<void>;
  /** Whether a player is there to take a command. */
  isOpen(): Promise<boolean>;
  send(command: AudioCommand): Promise<void>;
}

/** The player of this build's browser; `onState` receives its states where it runs in the background. */
export function createAudioHost(onState: (state: SpeechState) => void): AudioHost {
  return import.meta.env.FIREFOX ? createBackgroundAudioHost(onState) : createOffscreenAudioHost();
}
