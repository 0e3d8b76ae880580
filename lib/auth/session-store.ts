/**
 * Where the secrets live. Only the background imports this module.
 *
 * `storage.session` is kept in memory and, by default, readable only by the extension's own
 * pages and worker, never by content scripts. Each provider has its own session under its own
 * key, so signing in to one never touches another's tokens. With "Stay signed in" on, the
 * refresh token is also kept in `storage.local`, so the session survives a browser restart.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { defineCheckedItem } from '../config/checked-item';
import { isBoolean } from '../config/schema';
import { staySignedIn } from '../config/settings';
import { aipassProvider, type Provider } from './provider';
import type { AccountProfile } from './status';
import type { TokenSet } from './token-set';

export interface StoredSession extends TokenSet {
  /** The provider as it was when the tokens were issued: refresh and revocation go there. */
  provider: Provider;
  /** Who signed in; absent only while a kept refresh token is being turned into a session. */
  user?: AccountProfile;
}

export interface PendingSignIn {
  providerId: string;
  state: string;
  codeVerifier: string;
  /** Sent when the provider speaks OpenID Connect; the ID token must carry it back. */
  nonce?: string;
  redirectUri: string;
  startedAt: number;
}

export interface KeptRefreshToken {
  refreshToken: string;
  provider: Provider;
}

type Item<T> = WxtStorageItem<T, Record<string, unknown>>;

/** One storage item per provider id, made once. */
function perProvider<T>(key: (id: string) => `session:${string}` | `local:${string}`) {
  const items = new Map<string, Item<T | null>>();
  return (providerId: string): Item<T | null> => {
    let item = items.get(providerId);
    if (!item) {
      item = storage.defineItem<T | null>(key(providerId), { fallback: null });
      items.set(providerId, item);
    }
    return item;
  };
}

export const sessionTokens = perProvider<StoredSession>((id) => `session:auth.tokens.${id}`);

export const keptRefreshToken = perProvider<KeptRefreshToken>(
  (id) => `local:auth.keptRefreshToken.${id}`,
);

/** One sign-in window at a time, whichever the provider. */
export const pendingSignIn = storage.defineItem<PendingSignIn | null>('session:auth.pending', {
  fallback: null,
});

/** Not a secret: whether a session existed, so a browser start knows to try a silent sign-in. */
export const hadSession = defineCheckedItem('local:auth.hadSession', {
  fallback: false,
  check: isBoolean,
  label: 'whether you were signed in',
});

/** Stores a new token pair in one write, so a reader never sees half of a rotation. */
export async function saveSession(session: StoredSession): Promise<void> {
  const { provider } = session;
  await sessionTokens(provider.id).setValue(session);
  if (session.refreshToken && (await staySignedIn.getValue())) {
    await keptRefreshToken(provider.id).setValue({ refreshToken: session.refreshToken, provider });
  }
}

/** Follows the "Stay signed in" switch: keep the refresh token on disk only while it is on. */
export async function applyStaySignedIn(enabled: boolean, providerIds: string[]): Promise<void> {
  for (const id of providerIds) {
    const session = await sessionTokens(id).getValue();
    if (enabled && session) await saveSession(session);
    if (!enabled) await keptRefreshToken(id).removeValue();
  }
}

export async function clearSecrets(providerId: string): Promise<void> {
  await Promise.all([
    sessionTokens(providerId).removeValue(),
    keptRefreshToken(providerId).removeValue(),
  ]);
  const pending = await pendingSignIn.getValue();
  if (pending?.providerId === providerId) await pendingSignIn.removeValue();
}

/** Where the first version kept AI Pass's refresh token, before sessions were per provider. */
const legacyKeptRefreshToken = storage.defineItem<{
  refreshToken: string;
  serverUrl: string;
  clientId: string;
} | null>('local:auth.keptRefreshToken', { fallback: null });

/**
 * Moves a refresh token kept by the first version to AI Pass's key, so "Stay signed in" still
 * works after the update, and no token is left on disk under a key nothing reads.
 */
export async function migrateLegacyKeptToken(): Promise<void> {
  const legacy = await legacyKeptRefreshToken.getValue();
  if (!legacy) return;
  const provider = aipassProvider({ serverUrl: legacy.serverUrl, clientId: legacy.clientId });
  const kept = keptRefreshToken(provider.id);
  if (!(await kept.getValue()))
    await kept.setValue({ refreshToken: legacy.refreshToken, provider });
  await legacyKeptRefreshToken.removeValue();
}
