/** Ending a session: by the person's choice (with revocation), or because the server ended it. */
import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { aipassProvider, oauthClient, type Provider, transportOptions } from './provider';
import { clearSecrets, hadSession, type StoredSession, sessionTokens } from './session-store';
import { authStatus } from './status';

const REVOCATION_TIMEOUT_MS = 5_000;

async function revoke(provider: Provider, token: string, hint: string): Promise<void> {
  const as = await serverMetadata(provider);
  if (!as.revocation_endpoint) return;
  const response = await oauth.revocationRequest(as, oauthClient(provider), oauth.None(), token, {
    additionalParameters: { token_type_hint: hint },
    signal: AbortSignal.timeout(REVOCATION_TIMEOUT_MS),
    ...transportOptions(provider),
  });
  await oauth.processRevocationResponse(response);
}

/** Revokes what the server may still honour, refresh token first, without letting it block. */
async function revokeSession(session: StoredSession): Promise<void> {
  // The provider the tokens were issued by, even if the settings changed since.
  const provider = aipassProvider({ serverUrl: session.serverUrl, clientId: session.clientId });
  try {
    if (session.refreshToken) await revoke(provider, session.refreshToken, 'refresh_token');
    await revoke(provider, session.accessToken, 'access_token');
  } catch {
    // Unreachable server: the tokens die with the local session, and expire on their own.
  }
}

/** Everything of a session goes: tokens, a pending attempt, cached account data. */
async function forgetSession(reason?: string): Promise<void> {
  await clearSecrets();
  await browser.storage.session.clear();
  await authStatus.setValue(reason ? { signedIn: false, reason } : { signedIn: false });
}

/** Signs out: revokes at the server when it can, then forgets everything locally regardless. */
export async function signOut(): Promise<void> {
  const session = await sessionTokens.getValue();
  if (session) await revokeSession(session);
  await forgetSession();
  await hadSession.setValue(false);
}

/** The server no longer accepts the session: forget it and tell the pages why. */
export async function endSession(reason: string): Promise<AuthError> {
  await forgetSession(reason);
  return new AuthError('session-ended', reason);
}
