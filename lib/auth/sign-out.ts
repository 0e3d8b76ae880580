/** Ending a session: by the person's choice (with revocation), or because the server ended it. */
import * as oauth from 'oauth4webapi';
import { cachedBalance } from '../account/balance';
import { loadActiveProvider } from '../config/providers';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { oauthClient, type Provider, transportOptions } from './provider';
import { publishStatus } from './publish';
import { clearSecrets, hadSession, type StoredSession, sessionTokens } from './session-store';

const REVOCATION_TIMEOUT_MS = 5_000;

async function revoke(provider: Provider, token: string, hint: string): Promise<void> {
  const as = await serverMetadata(provider);
  // RFC 7009 is optional: a provider without it lets its tokens expire on their own.
  if (!as.revocation_endpoint) return;
  const response = await oauth.revocationRequest(as, oauthClient(provider), oauth.None(), token, {
    additionalParameters: { token_type_hint: hint },
    signal: AbortSignal.timeout(REVOCATION_TIMEOUT_MS),
    ...transportOptions(provider),
  });
  await oauth.processRevocationResponse(response);
}

/** Revokes what the server may still honour, refresh token first, without letting it block. */
async function revokeSession({
  provider,
  refreshToken,
  accessToken,
}: StoredSession): Promise<void> {
  // `provider` is the one the tokens were issued by, even if the settings changed since.
  try {
    if (refreshToken) await revoke(provider, refreshToken, 'refresh_token');
    await revoke(provider, accessToken, 'access_token');
  } catch {
    // Unreachable server: the tokens die with the local session, and expire on their own.
  }
}

/**
 * Everything of one provider's session goes: tokens, a pending attempt, cached account data.
 * The status goes first, so that a caller who finds the tokens gone also finds the reason.
 */
async function forgetSession(providerId: string, reason?: string): Promise<void> {
  await publishStatus({ providerId, reason });
  await clearSecrets(providerId);
  await cachedBalance.removeValue();
}

/**
 * Signs out of a provider (the one in use by default): revokes at the server when it can, then
 * forgets locally whatever the server said.
 */
export async function signOut(providerId?: string): Promise<void> {
  const id = providerId ?? (await loadActiveProvider()).id;
  const session = await sessionTokens(id).getValue();
  if (session) await revokeSession(session);
  await forgetSession(id);
  await hadSession.setValue(false);
}

/** The server no longer accepts a provider's session: forget it and tell the pages why. */
export async function endSession(providerId: string, reason: string): Promise<AuthError> {
  await forgetSession(providerId, reason);
  return new AuthError('session-ended', reason);
}
