/**
 * Every message between the extension's contexts, in one map: the request each takes and the
 * response it gives. Everything else imports only `sendMessage` and `onMessage` from here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AuthResult } from './auth/errors';
import type { AccessGrant } from './auth/refresh';
import type { SignInRequest } from './auth/sign-in';
import type { AccountProfile } from './auth/status';

interface ProtocolMap {
  // Session (background). Only the extension's own pages may send these.
  'auth.signIn'(request: Pick<SignInRequest, 'mode'>): AuthResult<AccountProfile>;
  'auth.signOut'(): AuthResult<null>;
  /** `failedToken`: the token a call was just refused with; it is then refreshed. */
  'auth.getAccessToken'(request: { failedToken?: string }): AuthResult<AccessGrant>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
