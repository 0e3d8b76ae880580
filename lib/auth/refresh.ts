/**
 * Access tokens for the pages, refreshed before they expire and after a 401, with exactly one
 * refresh in flight per provider however many callers ask at once: servers rotate refresh tokens
 * and treat a second use of an old one as theft.
 */
import * as oauth from 'oauth4webapi';
import { activeProviderId } from '../config/providers';
import { authText } from '../i18n/messages/auth';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { oauthClient, transportOptions } from './provider';
import { revokeTokens } from './revocation';
import { readSession, renewSession, type StoredSession, sessionTokens } from './session-store';
import { endSession, signedOutError } from './sign-out';
import { tokenEndpointFetch } from './token-dialect';
import { needsRefresh, tokenSetFromResponse } from './token-set';
import type { AccessGrant } from './types';

/** The longest `Retry-After` we wait for before the one retry a 503 allows. */
const MAX_RETRY_AFTER_MS = 5_000;

const refreshesInFlight = new Map<string, Promise<StoredSession>>();

function grantOf({ accessToken, provider }: StoredSession): AccessGrant {
  return {
    accessToken,
    apiBase: provider.apiBase,
    serverUrl: new URL(provider.issuer).origin,
    service: { name: provider.name, hasBalance: provider.hasBalance },
  };
}

/**
 * A valid access token for the provider in use. `failedToken` is the token a call was just
 * refused with (`401`): it is refreshed unless someone else already replaced it, in which case
 * the newer token is returned.
 */
export async function getAccessToken(failedToken?: string): Promise<AccessGrant> {
  // Before every API call: the id alone, one read (removing a provider resets it, so it never
  // names one that is gone).
  const id = await activeProviderId.getValue();
  const session = await sessionTokens(id).getValue();
  if (!session) throw await signedOutError();
  const mustRefresh = failedToken
    ? session.accessToken === failedToken
    : needsRefresh(session, Date.now());
  if (!mustRefresh) return grantOf(session);
  return grantOf(await refreshOnce(id));
}

export function refreshOnce(providerId: string): Promise<StoredSession> {
  let inFlight = refreshesInFlight.get(providerId);
  if (!inFlight) {
    inFlight = refresh(providerId).finally(() => refreshesInFlight.delete(providerId));
    refreshesInFlight.set(providerId, inFlight);
  }
  return inFlight;
}

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)
    : 1000;
}

async function requestRefresh(session: StoredSession, refreshToken: string): Promise<Response> {
  const { provider } = session;
  const as = await serverMetadata(provider);
  return oauth.refreshTokenGrantRequest(as, oauthClient(provider), oauth.None(), refreshToken, {
    [oauth.customFetch]: tokenEndpointFetch(provider.tokenDialect),
    signal: AbortSignal.timeout(15_000),
    ...transportOptions(provider),
  });
}

/**
 * Renews the provider's session with its refresh token. Everything it learns is written only if
 * the session it started from is still the one stored (same epoch): after a sign-out, the
 * renewed tokens are revoked instead, and the 503 retry is not made.
 */
async function refresh(providerId: string): Promise<StoredSession> {
  const { epoch, session } = await readSession(providerId);
  if (!session) throw await signedOutError();
  const { provider, refreshToken } = session;
  if (!refreshToken) {
    throw await endSession(providerId, epoch, {
      key: 'sessionExpired',
      params: { provider: provider.name },
    });
  }
  let response: Response;
  try {
    response = await requestRefresh(session, refreshToken);
    if (response.status === 503) {
      // Another refresh of this grant is under way elsewhere: wait, then use what it stored.
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)));
      const latest = await readSession(providerId);
      if (latest.epoch !== epoch || !latest.session) throw await signedOutError();
      if (latest.session.accessToken !== session.accessToken) return latest.session;
      response = await requestRefresh(session, refreshToken);
    }
  } catch (cause) {
    if (cause instanceof AuthError) throw cause;
    throw new AuthError(
      'temporarily-unavailable',
      authText('providerUnreachable', { provider: provider.name }),
      { cause },
    );
  }

  let result: oauth.TokenEndpointResponse;
  try {
    const as = await serverMetadata(provider);
    result = await oauth.processRefreshTokenResponse(as, oauthClient(provider), response);
  } catch (cause) {
    if (
      cause instanceof oauth.ResponseBodyError &&
      (cause.status === 400 || cause.status === 401)
    ) {
      throw await endSession(
        providerId,
        epoch,
        cause.error === 'invalid_grant'
          ? { key: 'sessionEndedElsewhere', params: { provider: provider.name } }
          : { key: 'renewalRefused', params: { provider: provider.name, error: cause.error } },
      );
    }
    throw new AuthError(
      'temporarily-unavailable',
      authText('renewalFailed', { provider: provider.name }),
      { cause },
    );
  }
  const renewed: StoredSession = {
    ...tokenSetFromResponse(result, Date.now(), session),
    provider,
    ...(session.user ? { user: session.user } : {}),
    ...(result.id_token || session.idToken ? { idToken: result.id_token ?? session.idToken } : {}),
  };
  if (!(await renewSession(epoch, renewed))) {
    // Signed out while the answer was on its way: these tokens must not outlive the session.
    await revokeTokens(provider, renewed);
    throw await signedOutError();
  }
  return renewed;
}
