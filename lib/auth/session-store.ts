/**
 * Where the secrets live. Only the background imports this module.
 *
 * `storage.session` is kept in memory and, by default, readable only by the extension's own
 * pages and worker, never by content scripts. With "Stay signed in" on, the refresh token is also
 * kept in `storage.local`, so the session survives a browser restart.
 */
import { storage } from 'wxt/utils/storage';
import { staySignedIn } from '../config/settings';
import type { TokenSet } from './token-set';

export interface StoredSession extends TokenSet {
  serverUrl: string;
  clientId: string;
}

export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  redirectUri: string;
  serverUrl: string;
  clientId: string;
  startedAt: number;
}

export interface KeptRefreshToken {
  refreshToken: string;
  serverUrl: string;
  clientId: string;
}

export const sessionTokens = storage.defineItem<StoredSession | null>('session:auth.tokens', {
  fallback: null,
});

export const pendingSignIn = storage.defineItem<PendingSignIn | null>('session:auth.pending', {
  fallback: null,
});

export const keptRefreshToken = storage.defineItem<KeptRefreshToken | null>(
  'local:auth.keptRefreshToken',
  { fallback: null },
);

/** Not a secret: whether a session existed, so a browser start knows to try a silent sign-in. */
export const hadSession = storage.defineItem<boolean>('local:auth.hadSession', { fallback: false });

/** Stores a new token pair in one write, so a reader never sees half of a rotation. */
export async function saveSession(session: StoredSession): Promise<void> {
  await sessionTokens.setValue(session);
  if (session.refreshToken && (await staySignedIn.getValue())) {
    await keptRefreshToken.setValue({
      refreshToken: session.refreshToken,
      serverUrl: session.serverUrl,
      clientId: session.clientId,
    });
  }
}

/** Follows the "Stay signed in" switch: keep the refresh token on disk only while it is on. */
export async function applyStaySignedIn(enabled: boolean): Promise<void> {
  const session = await sessionTokens.getValue();
  if (enabled && session) await saveSession(session);
  if (!enabled) await keptRefreshToken.removeValue();
}

export async function clearSecrets(): Promise<void> {
  await Promise.all([
    sessionTokens.removeValue(),
    pendingSignIn.removeValue(),
    keptRefreshToken.removeValue(),
  ]);
}
