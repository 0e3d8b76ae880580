/**
 * Every message between the extension's contexts, in one map: the request each takes and the
 * response it gives. Everything else imports only `sendMessage` and `onMessage` from here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AuthResult } from './auth/errors';
import type { AccessGrant } from './auth/refresh';
import type { SignInRequest } from './auth/sign-in';
import type { AccountProfile } from './auth/status';
import type { SpeechReading, SpeechResult } from './speech/protocol';
import type { SpeechState } from './speech/state';

interface ProtocolMap {
  // Session (background). Only the extension's own pages may send these.
  'auth.signIn'(
    request: Pick<SignInRequest, 'mode' | 'anotherAccount'>,
  ): AuthResult<AccountProfile>;
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
