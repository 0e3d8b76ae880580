/**
 * Sign-in: authorization code + PKCE through `identity.launchWebAuthFlow`, in the worker.
 *
 * The attempt (verifier, state, redirect URI, server) is saved in `storage.session` before the
 * window opens, and must still be there, unchanged, when the answer comes back: an answer for
 * another attempt, or one that arrives after a worker restart abandoned the attempt, is refused.
 */
import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import { currentProvider } from './current-provider';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { fetchProfile } from './profile';
import { oauthClient, type Provider, transportOptions } from './provider';
import { hadSession, type PendingSignIn, pendingSignIn, saveSession } from './session-store';
import { type AccountProfile, authStatus } from './status';
import { tokenEndpointFetch } from './token-dialect';
import { tokenSetFromResponse } from './token-set';

export interface SignInRequest {
  interactive: boolean;
  /** `signup` opens AI Pass's account-creation screen instead of the sign-in screen. */
  mode?: 'login' | 'signup';
}

let signInInFlight: Promise<AccountProfile> | null = null;

/** Starts a sign-in, or joins the one already under way. */
export function signIn(request: SignInRequest): Promise<AccountProfile> {
  signInInFlight ??= runSignIn(request).finally(() => {
    signInInFlight = null;
  });
  return signInInFlight;
}

/** A worker that starts with an attempt on record lost its window: drop the attempt. */
export async function abandonOrphanedSignIn(): Promise<void> {
  if (!signInInFlight) await pendingSignIn.removeValue();
}

function authorizationUrl(
  as: oauth.AuthorizationServer,
  provider: Provider,
  attempt: PendingSignIn,
  codeChallenge: string,
  request: SignInRequest,
): string {
  if (!as.authorization_endpoint) {
    throw new AuthError('server-unreachable', 'The server does not offer an OAuth sign-in page.');
  }
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', attempt.redirectUri);
  url.searchParams.set('scope', provider.scopes.join(' '));
  url.searchParams.set('state', attempt.state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (request.mode === 'signup') url.searchParams.set('mode', 'signup');
  if (!request.interactive) url.searchParams.set('prompt', 'none');
  return url.href;
}

/** Chromium reports every way the window can fail only as a message: map each to its outcome. */
function launchFailure(error: unknown): AuthError {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve|closed|cancel/i.test(message)) {
    return new AuthError('cancelled', 'Sign-in was cancelled.');
  }
  if (/could not be loaded/i.test(message)) {
    return new AuthError(
      'server-unreachable',
      'The AI Pass sign-in page could not be loaded. Check your connection and the Server URL in Settings.',
    );
  }
  if (/interaction required/i.test(message)) {
    return new AuthError('interaction-required', 'Sign in to continue.');
  }
  return new AuthError(
    'invalid-response',
    'The sign-in window ended without an answer. Try again.',
  );
}

function authorizationFailure(error: unknown): AuthError {
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === 'access_denied') {
      return new AuthError(
        'access-denied',
        'You chose not to give Passlight access. Nothing was changed.',
      );
    }
    if (['login_required', 'consent_required', 'interaction_required'].includes(error.error)) {
      return new AuthError('interaction-required', 'Sign in to continue.');
    }
    return new AuthError('invalid-response', `The server refused the sign-in (${error.error}).`);
  }
  return new AuthError(
    'invalid-response',
    'The sign-in answer did not match this attempt, so it was refused. Try again.',
  );
}

async function runSignIn(request: SignInRequest): Promise<AccountProfile> {
  const provider = await currentProvider();
  const as = await serverMetadata(provider);
  const client = oauthClient(provider);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const attempt: PendingSignIn = {
    state: oauth.generateRandomState(),
    codeVerifier,
    redirectUri: browser.identity.getRedirectURL(provider.redirectPath),
    serverUrl: provider.serverUrl,
    clientId: provider.clientId,
    startedAt: Date.now(),
  };
  const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  await pendingSignIn.setValue(attempt);

  let redirectedTo: string | undefined;
  try {
    redirectedTo = await browser.identity.launchWebAuthFlow({
      url: authorizationUrl(as, provider, attempt, challenge, request),
      interactive: request.interactive,
    });
  } catch (error) {
    await pendingSignIn.removeValue();
    throw launchFailure(error);
  }
  const onRecord = await pendingSignIn.getValue();
  await pendingSignIn.removeValue();
  if (!redirectedTo || onRecord?.state !== attempt.state) {
    throw new AuthError('invalid-response', 'This sign-in attempt was replaced by another one.');
  }

  let callbackParameters: URLSearchParams;
  try {
    const redirect = new URL(redirectedTo);
    if (`${redirect.origin}${redirect.pathname}` !== attempt.redirectUri) throw new Error('path');
    callbackParameters = oauth.validateAuthResponse(as, client, redirect, attempt.state);
  } catch (error) {
    throw authorizationFailure(error);
  }

  let tokens: Awaited<ReturnType<typeof oauth.processAuthorizationCodeResponse>>;
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      callbackParameters,
      attempt.redirectUri,
      attempt.codeVerifier,
      {
        [oauth.customFetch]: tokenEndpointFetch(provider.tokenDialect),
        ...transportOptions(provider),
      },
    );
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  } catch (cause) {
    if (cause instanceof oauth.ResponseBodyError) {
      throw new AuthError(
        'invalid-response',
        `The server refused the sign-in code (${cause.error}). Try again.`,
        { cause },
      );
    }
    throw new AuthError(
      'server-unreachable',
      'The server could not be reached to finish signing in.',
      { cause },
    );
  }

  const tokenSet = tokenSetFromResponse(tokens, Date.now());
  await saveSession({ ...tokenSet, serverUrl: provider.serverUrl, clientId: provider.clientId });
  return publishSession(provider, tokenSet.accessToken);
}

/** Tells every page who is signed in, once tokens are stored. */
export async function publishSession(
  provider: Provider,
  accessToken: string,
): Promise<AccountProfile> {
  const user = await fetchProfile(await serverMetadata(provider), provider, accessToken);
  await Promise.all([
    hadSession.setValue(true),
    authStatus.setValue({ signedIn: true, user, serverUrl: provider.serverUrl }),
  ]);
  return user;
}
