/**
 * Every message between the extension's contexts, in one map: the request each takes and the
 * response it gives. Everything else imports only `sendMessage` and `onMessage` from here. Its
 * types come from type-only modules, so a page importing it reaches no background module.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AccessGrant, AccountProfile, AuthResult, SignInMode } from './auth/types';
import type { SpeechReading, SpeechResult, SpeechState } from './speech/protocol';

interface ProtocolMap {
  // Session (background). Only the extension's own pages may send these.
  'auth.signIn'(request: {
    mode?: SignInMode;
    anotherAccount?: boolean;
  }): AuthResult<AccountProfile>;
  /** Signs out of the provider in use, or of `providerId` (before it is removed). */
  'auth.signOut'(request: { providerId?: string }): AuthResult<null>;
  /** `failedToken`: the token a call was just refused with; it is then refreshed. */
  'auth.getAccessToken'(request: { failedToken?: string }): AuthResult<AccessGrant>;

  // Read aloud (background). Only the extension's own pages may send these.
  'speech.start'(request: { text: string }): SpeechResult;
  /** Starts the long reading that waits for the person's yes to its cost. */
  'speech.confirm'(): SpeechResult;
  'speech.pause'(): SpeechResult;
  'speech.resume'(): SpeechResult;
  'speech.stop'(): SpeechResult;
  /** Sent by the offscreen document only: its playback state, for the background to store. */
  'speech.state'(state: SpeechState): void;
  // Read aloud (offscreen document). Sent by the background only.
  'offscreen.speech.play'(reading: SpeechReading): void;
  'offscreen.speech.pause'(): void;
  'offscreen.speech.resume'(): void;
  'offscreen.speech.stop'(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
