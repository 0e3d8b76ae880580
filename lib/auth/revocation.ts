/** Revocation (RFC 7009) of a session's tokens, each on its own: one failing skips no other. */
import * as oauth from 'oauth4webapi';
import { serverMetadata } from './metadata';
import { oauthClient, type Provider, transportOptions } from './provider';

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

/**
 * Revokes what the server may still honour, refresh token first (as AI Pass asks), then the
 * access token whatever became of the first. `provider` is the one that issued the tokens, even
 * if the settings changed since. Never rejects: a token that cannot be revoked expires on its
 * own, and the local session is gone either way.
 */
export async function revokeTokens(
  provider: Provider,
  tokens: { refreshToken?: string; accessToken: string },
): Promise<void> {
  const attempts: [string | undefined, string][] = [
    [tokens.refreshToken, 'refresh_token'],
    [tokens.accessToken, 'access_token'],
  ];
  for (const [token, hint] of attempts) {
    if (!token) continue;
    try {
      await revoke(provider, token, hint);
    } catch {
      // Unreachable server or refused revocation: go on with the next token.
    }
  }
}
