/** Tells every page the sign-in state of the provider in use; the only writer of `authStatus`. */
import { loadActiveProvider } from '../config/providers';
import type { SessionEndReason } from '../i18n/messages/session-end';
import { type Provider, summaryOf } from './provider';
import { type StoredSession, withStoredSession } from './session-store';
import { authStatus } from './status';

/**
 * Publishes the active provider's state: signed in when it has a session, otherwise signed out,
 * with the reason its session `ended` for (or the reason already shown, while the provider stays
 * the same).
 *
 * An ending session is published as ended at once: this is called from inside the write that
 * ends it. Otherwise the session is read and the status written in turn with the session's
 * writes, so a status never names tokens a sign-out has already taken away. (Inside a write of
 * one provider, this waits only for another provider's: never for itself.)
 */
export async function publishStatus(ended?: {
  providerId: string;
  reason?: SessionEndReason;
}): Promise<void> {
  const provider = await loadActiveProvider();
  if (ended?.providerId === provider.id) {
    await writeStatus(provider, null, ended.reason);
    return;
  }
  await withStoredSession(provider.id, (session) => writeStatus(provider, session, undefined));
}

async function writeStatus(
  provider: Provider,
  session: StoredSession | null,
  reason: SessionEndReason | undefined,
): Promise<void> {
  if (session?.user) {
    await authStatus.setValue({
      signedIn: true,
      user: session.user,
      provider: summaryOf(provider),
    });
    return;
  }
  const shown = await authStatus.getValue();
  const kept = !shown.signedIn && shown.provider?.id === provider.id ? shown.reason : undefined;
  const why = reason ?? kept;
  await authStatus.setValue({
    signedIn: false,
    provider: summaryOf(provider),
    ...(why ? { reason: why } : {}),
  });
}
