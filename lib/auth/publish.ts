/** Tells every page the sign-in state of the provider in use; the only writer of `authStatus`. */
import { loadActiveProvider } from '../config/providers';
import { summaryOf } from './provider';
import { sessionTokens } from './session-store';
import { authStatus } from './status';

/**
 * Publishes the active provider's state: signed in when it has a session, otherwise signed out,
 * with the reason its session `ended` for (or the reason already shown, while the provider stays
 * the same).
 */
export async function publishStatus(ended?: {
  providerId: string;
  reason?: string;
}): Promise<void> {
  const provider = await loadActiveProvider();
  const endedHere = ended?.providerId === provider.id;
  const reason = endedHere ? ended.reason : undefined;
  // An ending session is published as ended even while its tokens are still being cleared.
  const session = endedHere ? null : await sessionTokens(provider.id).getValue();
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
