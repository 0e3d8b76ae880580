/**
 * Access tokens for the pages, refreshed before they expire and after a 401, with exactly one
 * refresh in flight however many callers ask at once: the server rotates refresh tokens and
 * treats a second use of an old one as theft.
 */
import * as oauth from 'oauth4webapi';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { aipassProvider, oauthClient, transportOptions } from './provider';
import { type StoredSession, saveSession, sessionTokens } from './session-store';
import { endSession } from './sign-out';
import { authStatus } from './status';
import { tokenEndpointFetch } from './token-dialect';
import { needsRefresh, tokenSetFromResponse } from './token-set';

export interface AccessGrant {
  accessToken: string;
  apiBase: string;
  serverUrl: string;
}

/** The longest `Retry-After` we wait for before the one retry a 503 allows. */
const MAX_RETRY_AFTER_MS = 5_000;

let refreshInFlight: Promise<StoredSession> | null = null;

function grantOf(session: StoredSession): AccessGrant {
  const provider = aipassProvider(session);
  return {
    accessToken: session.accessToken,
    apiBase: provider.apiBase,
    serverUrl: session.serverUrl,
  };
}

/**
 * A valid access token. `failedToken` is the token a call was just refused with (`401`): it is
 * refreshed unless someone else already replaced it, in which case the newer token is returned.
 */
export async function getAccessToken(failedToken?: string): Promise<AccessGrant> {
  const session = await sessionTokens.getValue();
  if (!session) throw await signedOutError();
  const mustRefresh = failedToken
    ? session.accessToken === failedToken
    : needsRefresh(session, Date.now());
  if (!mustRefresh) return grantOf(session);
  return grantOf(await refreshOnce());
}

export function refreshOnce(): Promise<StoredSession> {
  refreshInFlight ??= refresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)
    : 1000;
}

async function requestRefresh(session: StoredSession): Promise<Response> {
  const provider = aipassProvider(session);
  const as = await serverMetadata(provider);
  // biome-ignore lint/style/noNonNullAssertion: callers check that a refresh token exists.
  const refreshToken = session.refreshToken!;
  return oauth.refreshTokenGrantRequest(as, oauthClient(provider), oauth.None(), refreshToken, {
    [oauth.customFetch]: tokenEndpointFetch(provider.tokenDialect),
    signal: AbortSignal.timeout(15_000),
    ...transportOptions(provider),
  });
}

/** Signed out, with the reason the last session ended when there was one. */
async function signedOutError(): Promise<AuthError> {
  const status = await authStatus.getValue();
  const reason = status.signedIn ? undefined : status.reason;
  return new AuthError('signed-out', reason ?? 'Sign in to AI Pass to continue.');
}

async function refresh(): Promise<StoredSession> {
  let session = await sessionTokens.getValue();
  if (!session) throw await signedOutError();
  if (!session.refreshToken) {
    throw await endSession('Your AI Pass session expired. Sign in again to continue.');
  }
  let response: Response;
  try {
    response = await requestRefresh(session);
    if (response.status === 503) {
      // Another refresh of this grant is under way elsewhere: wait, then use what it stored.
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)));
      const latest = await sessionTokens.getValue();
      if (latest && latest.accessToken !== session.accessToken) return latest;
      response = await requestRefresh(session);
    }
  } catch (cause) {
    throw new AuthError(
      'temporarily-unavailable',
      'AI Pass could not be reached. Try again in a moment.',
      { cause },
    );
  }

  const provider = aipassProvider(session);
  const as = await serverMetadata(provider);
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processRefreshTokenResponse(as, oauthClient(provider), response);
  } catch (cause) {
    if (
      cause instanceof oauth.ResponseBodyError &&
      (cause.status === 400 || cause.status === 401)
    ) {
      throw await endSession(
        cause.error === 'invalid_grant'
          ? 'AI Pass ended your session (it was signed out or revoked elsewhere). Sign in again to continue.'
          : `AI Pass refused to renew your session (${cause.error}). Sign in again to continue.`,
      );
    }
    throw new AuthError(
      'temporarily-unavailable',
      'AI Pass could not renew your session just now. Try again in a moment.',
      { cause },
    );
  }
  session = {
    ...tokenSetFromResponse(result, Date.now(), session),
    serverUrl: session.serverUrl,
    clientId: session.clientId,
  };
  await saveSession(session);
  return session;
}
