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
import { advanceEpoch, exclusive, sessionEpoch } from './session-epoch';
import type { AccountProfile } from './status';
import type { TokenSet } from './token-set';

export interface StoredSession extends TokenSet {
  /** The provider as it was when the tokens were issued: refresh and revocation go there. */
  provider: Provider;
  /** Who signed in; absent only while a kept refresh token is being turned into a session. */
  user?: AccountProfile;
  /** OpenID Connect's ID token, kept as the `id_token_hint` that ends the provider's session. */
  idToken?: string;
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

/**
 * Signed out by choice: the next sign-in asks who is signing in (`prompt=login`), because the
 * provider's own browser session may still belong to the person who just left.
 */
export const signedOutByChoice = perProvider<boolean>((id) => `local:auth.signedOutByChoice.${id}`);

/** A provider's session and its epoch, read together. */
export interface SessionReading {
  epoch: number;
  session: StoredSession | null;
}

/** Runs `work` with the provider's stored session, in turn with the session's writes. */
export function withStoredSession<T>(
  providerId: string,
  work: (session: StoredSession | null) => Promise<T>,
): Promise<T> {
  return exclusive(providerId, async () => work(await sessionTokens(providerId).getValue()));
}

export function readSession(providerId: string): Promise<SessionReading> {
  return exclusive(providerId, async () => ({
    epoch: sessionEpoch(providerId),
    session: await sessionTokens(providerId).getValue(),
  }));
}

/**
 * Writes a token pair in one write, so a reader never sees half of a rotation, and keeps the
 * refresh token on disk exactly while "Stay signed in" is on. Only inside `exclusive`.
 */
async function store(session: StoredSession): Promise<void> {
  const { provider } = session;
  await sessionTokens(provider.id).setValue(session);
  if (session.refreshToken && (await staySignedIn.getValue())) {
    await keptRefreshToken(provider.id).setValue({ refreshToken: session.refreshToken, provider });
  } else {
    await keptRefreshToken(provider.id).removeValue();
  }
}

/**
 * A new session (a sign-in, or a restore from the kept refresh token) in place of the
 * provider's, unless its epoch moved on since `expected`. Resolves with the new session's epoch,
 * or null when the answer came too late and nothing was written.
 */
export function beginSession(expected: number, session: StoredSession): Promise<number | null> {
  const id = session.provider.id;
  return exclusive(id, async () => {
    if (sessionEpoch(id) !== expected) return null;
    const epoch = advanceEpoch(id);
    await store(session);
    await hadSession.setValue(true);
    await signedOutByChoice(id).removeValue();
    return epoch;
  });
}

/** Renewed tokens (or the profile) of the session of epoch `expected`; false once it ended. */
export function renewSession(expected: number, session: StoredSession): Promise<boolean> {
  const id = session.provider.id;
  return exclusive(id, async () => {
    if (sessionEpoch(id) !== expected) return false;
    await store(session);
    return true;
  });
}

/**
 * A restore that could not renew the kept token: its session (still without a user) goes, the
 * kept token stays for the next try. Nothing is touched once the epoch moved on.
 */
export function dropPlaceholder(providerId: string, expected: number): Promise<void> {
  return exclusive(providerId, async () => {
    if (sessionEpoch(providerId) === expected) await sessionTokens(providerId).removeValue();
  });
}

async function removeSecrets(providerId: string): Promise<StoredSession | null> {
  const session = await sessionTokens(providerId).getValue();
  await Promise.all([
    sessionTokens(providerId).removeValue(),
    keptRefreshToken(providerId).removeValue(),
  ]);
  const pending = await pendingSignIn.getValue();
  if (pending?.providerId === providerId) await pendingSignIn.removeValue();
  return session;
}

/**
 * Signing out: the epoch moves on at once, so whatever is in flight for the session can no
 * longer write; then, in turn, the sign-out is `announce`d and its tokens leave both areas.
 * Resolves with the tokens that were stored, for revocation.
 */
export function forgetSessionByChoice(
  providerId: string,
  announce: () => Promise<void>,
): Promise<StoredSession | null> {
  advanceEpoch(providerId);
  return exclusive(providerId, async () => {
    await announce();
    const session = await removeSecrets(providerId);
    await hadSession.setValue(false);
    await signedOutByChoice(providerId).setValue(true);
    return session;
  });
}

/**
 * The server ended the session of epoch `expected`: `announce` it, then forget it, unless it had
 * already ended.
 */
export function forgetEndedSession(
  providerId: string,
  expected: number,
  announce: () => Promise<void>,
): Promise<boolean> {
  return exclusive(providerId, async () => {
    if (sessionEpoch(providerId) !== expected) return false;
    advanceEpoch(providerId);
    await announce();
    await removeSecrets(providerId);
    return true;
  });
}

/** Follows the "Stay signed in" switch: keep the refresh token on disk only while it is on. */
export async function applyStaySignedIn(enabled: boolean, providerIds: string[]): Promise<void> {
  for (const id of providerIds) {
    await exclusive(id, async () => {
      // Read here, not before: the session kept is the one stored now, or none after a sign-out.
      const session = await sessionTokens(id).getValue();
      if (enabled && session?.refreshToken) {
        await keptRefreshToken(id).setValue({
          refreshToken: session.refreshToken,
          provider: session.provider,
        });
      }
      if (!enabled) await keptRefreshToken(id).removeValue();
    });
  }
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
  await exclusive(provider.id, async () => {
    const kept = keptRefreshToken(provider.id);
    if (!(await kept.getValue()))
      await kept.setValue({ refreshToken: legacy.refreshToken, provider });
    await legacyKeptRefreshToken.removeValue();
  });
}
