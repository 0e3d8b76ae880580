/** Ending a session: by the person's choice (with revocation), or because the server ended it. */
import { browser } from 'wxt/browser';
import { cachedBalance } from '../account/balance';
import { loadActiveProvider } from '../config/providers';
import { authText } from '../i18n/messages/auth';
import { type SessionEndReason, sessionEndWords } from '../i18n/messages/session-end';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { publishStatus } from './publish';
import { revokeTokens } from './revocation';
import { forgetEndedSession, forgetSessionByChoice, type StoredSession } from './session-store';
import { authStatus } from './status';

/**
 * Signs out of a provider (the one in use by default). Final from the first step: once the
 * provider is known, its session's epoch moves on before anything else is awaited, so a refresh
 * or sign-in that answers later is discarded (and revokes what it brought). Then the tokens leave
 * storage, and only then are they revoked at the server, when it can be reached.
 */
export async function signOut(providerId?: string): Promise<void> {
  const id = providerId ?? (await loadActiveProvider()).id;
  // The status goes first, so that a caller who finds the tokens gone also finds the reason.
  const session = await forgetSessionByChoice(id, () =>
    // What the popup says after Sign out: never that the provider ended anything.
    publishStatus({ providerId: id, reason: { key: 'signedOutByChoice' } }),
  );
  await cachedBalance.removeValue();
  if (!session) return;
  await revokeTokens(session.provider, session);
  await endProviderSession(session);
}

/**
 * Chromium ends a silent flow when the first page has loaded, which can be before a page that
 * posts its own form as it loads (the dev provider's) has sent it: such a provider is given a few
 * seconds. A page that waits for the person fails the flow after them; only the sign-out message
 * waits for it. Firefox's `launchWebAuthFlow` knows neither option.
 */
const SILENT_FLOW_OPTIONS = import.meta.env.FIREFOX
  ? {}
  : { abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 5_000 };

/**
 * RP-initiated logout (OpenID Connect): where the metadata offers an `end_session_endpoint`,
 * asks the provider to end its own browser session too, in the browser (where its cookies are)
 * but without a window. A provider that wants the person to confirm keeps its session; the next
 * sign-in asks who is signing in all the same.
 */
async function endProviderSession({ provider, idToken }: StoredSession): Promise<void> {
  try {
    const as = await serverMetadata(provider);
    if (!as.end_session_endpoint) return;
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set('client_id', provider.clientId);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', browser.identity.getRedirectURL(provider.id));
    await browser.identity.launchWebAuthFlow({
      url: url.href,
      interactive: false,
      ...SILENT_FLOW_OPTIONS,
    });
  } catch {
    // Unreachable, or the provider asked the person to confirm: its session stays.
  }
}

/**
 * The server no longer accepts the session of epoch `epoch`: forget it and tell the pages why.
 * A session that already ended (the person signed out meanwhile) keeps the reason it ended with.
 */
export async function endSession(
  providerId: string,
  epoch: number,
  reason: SessionEndReason,
): Promise<AuthError> {
  // The status goes before the tokens, so that a caller who finds them gone finds the reason.
  const ended = await forgetEndedSession(providerId, epoch, () =>
    publishStatus({ providerId, reason }),
  );
  if (!ended) return signedOutError();
  await cachedBalance.removeValue();
  return new AuthError('session-ended', sessionEndWords(reason));
}

/** Signed out, with the reason the last session ended when there was one. */
export async function signedOutError(): Promise<AuthError> {
  const status = await authStatus.getValue();
  const reason = status.signedIn ? undefined : status.reason;
  return new AuthError(
    'signed-out',
    reason ? sessionEndWords(reason) : authText('signInToContinue'),
  );
}
