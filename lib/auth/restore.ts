/** At browser start, or on switching provider: bring back its session without showing a window. */

import { loadActiveProvider } from '../config/providers';
import { staySignedIn } from '../config/settings';
import { serverMetadata } from './metadata';
import { fetchProfile } from './profile';
import { publishStatus } from './publish';
import { refreshOnce } from './refresh';
import {
  beginSession,
  dropPlaceholder,
  hadSession,
  keptRefreshToken,
  migrateLegacyKeptToken,
  readSession,
  renewSession,
} from './session-store';
import { signIn } from './sign-in';
import { authStatus } from './status';

let restoring: Promise<void> | null = null;

/**
 * `silent`: also try a window-less sign-in when there was a session before (at browser start;
 * not on switching provider, where it would race the person's own click on Sign in). One at a
 * time: two restores would spend the same kept refresh token twice, which a server takes for
 * theft.
 */
export function restoreSession({ silent }: { silent: boolean }): Promise<void> {
  restoring ??= restore(silent).finally(() => {
    restoring = null;
  });
  return restoring;
}

/**
 * At every worker start. A status never written means a new browser session (`storage.session`
 * starts empty), whether or not the browser also sent `runtime.onStartup`, which it does not for
 * every way of loading an extension. Otherwise the status is only checked to name the provider
 * in use.
 */
export async function restoreIfNewBrowserSession(): Promise<void> {
  const [status, provider] = await Promise.all([authStatus.getValue(), loadActiveProvider()]);
  if (status.provider === undefined) {
    await publishStatus();
    await restoreSession({ silent: true });
  } else if (status.provider.id !== provider.id) {
    await publishStatus();
  }
}

async function restore(silent: boolean): Promise<void> {
  await migrateLegacyKeptToken();
  const { id } = await loadActiveProvider();
  const current = await readSession(id);
  if (current.session) return;
  const kept = await keptRefreshToken(id).getValue();
  if (kept && (await staySignedIn.getValue())) {
    // An expired placeholder, so that the refresh below runs with the kept refresh token; it
    // begins a session only if nothing (a sign-out) ended the epoch the token was read in.
    const epoch = await beginSession(current.epoch, {
      ...kept,
      accessToken: '',
      expiresAt: 0,
      lifetimeSeconds: 0,
      scope: '',
    });
    if (epoch === null) return;
    try {
      const session = await refreshOnce(id);
      const as = await serverMetadata(session.provider);
      const user = await fetchProfile(as, session.provider, session.accessToken);
      if (await renewSession(epoch, { ...session, user })) await publishStatus();
      return;
    } catch {
      // Fall through to a silent sign-in: the server may still have a browser session.
      await dropPlaceholder(id, epoch);
    }
  }
  if (silent && (await hadSession.getValue())) {
    await signIn({ interactive: false }).catch(() => {
      // Quiet by design: the popup offers "Sign in" when this does not work.
    });
  }
}
