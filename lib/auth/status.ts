/**
 * The sign-in state every page shows, for the provider in use. It holds no secret, so pages read
 * and watch it directly; only the background writes it.
 */
import { storage } from 'wxt/utils/storage';
import type { SessionEndReason } from '../i18n/messages/session-end';
import type { ProviderSummary } from './provider';
import type { AccountProfile } from './types';

export type { AccountProfile } from './types';

export type AuthStatus =
  | {
      signedIn: false;
      /** Why the last session ended, as a message key: the page shows it in its own language. */
      reason?: SessionEndReason;
      /** Absent only before the worker first wrote the status: then the built-in AI Pass. */
      provider?: ProviderSummary;
    }
  | { signedIn: true; user: AccountProfile; provider: ProviderSummary };

export const authStatus = storage.defineItem<AuthStatus>('session:auth.status', {
  fallback: { signedIn: false },
});

/**
 * The name to put on "Sign in with …" buttons. Until the worker first writes the status, the
 * provider in use is the built-in one: no other can have been chosen without the worker
 * publishing the status for it.
 */
export function providerNameOf(status: AuthStatus | null): string {
  return status?.provider?.name ?? 'AI Pass';
}

/** Who is signed in where, as one string: it changes when the account or the provider does. */
export function accountKey(status: AuthStatus | null): string | null {
  return status?.signedIn ? `${status.provider.id} ${status.user.sub}` : null;
}
