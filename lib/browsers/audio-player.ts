/** What a Read aloud player takes, wherever the browser plays it (see audio-host.ts). */
import type { SpeechReading } from '../speech/protocol';

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
