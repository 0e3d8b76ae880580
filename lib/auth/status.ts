/**
 * The sign-in state every page shows. It holds no secret, so pages read and watch it directly;
 * only the background writes it.
 */
import { storage } from 'wxt/utils/storage';

export interface AccountProfile {
  /** The stable account id: identity is keyed by it, never by email. */
  sub: string;
  name: string;
  email: string;
}

export type AuthStatus =
  | {
      signedIn: false /** Why the last session ended, when it did not end by choice. */;
      reason?: string;
    }
  | { signedIn: true; user: AccountProfile; serverUrl: string };

export const authStatus = storage.defineItem<AuthStatus>('session:auth.status', {
  fallback: { signedIn: false },
});
