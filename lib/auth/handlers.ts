/** The background's answers to the session messages; each checks who is asking. */

import { authText } from '../i18n/messages/auth';
import { onMessage } from '../messages';
import { guarded } from '../messaging/sender';
import { type AuthResult, failure } from './errors';
import { getAccessToken } from './refresh';
import { signIn } from './sign-in';
import { signOut } from './sign-out';

const REFUSED = {
  ok: false,
  code: 'forbidden',
  // A getter, so the refusal is said in the language in use when it is sent.
  get message() {
    return authText('onlyOwnPages');
  },
} as const;

async function settle<T>(work: () => Promise<T>): Promise<AuthResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return failure(error);
  }
}

/** A token for a call, as `auth.getAccessToken` answers it: refreshed first when near expiry. */
export function accessGrantFor(failedToken?: string) {
  return settle(() => getAccessToken(failedToken));
}

export function registerAuthHandlers(): void {
  onMessage(
    'auth.signIn',
    guarded(
      ({ data }) =>
        settle(() =>
          signIn({ interactive: true, mode: data?.mode, anotherAccount: data?.anotherAccount }),
        ),
      REFUSED,
    ),
  );
  onMessage(
    'auth.signOut',
    guarded(
      ({ data }) =>
        settle(async () => {
          await signOut(data?.providerId);
          return null;
        }),
      REFUSED,
    ),
  );
  onMessage(
    'auth.getAccessToken',
    guarded(({ data }) => accessGrantFor(data?.failedToken), REFUSED),
  );
}
