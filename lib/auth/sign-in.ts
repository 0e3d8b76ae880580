/**
 * Sign-in: authorization code + PKCE through `identity.launchWebAuthFlow`, in the worker.
 *
 * The attempt (provider, verifier, state, nonce, redirect URI) is saved in `storage.session`
 * before the window opens, and must still be there, unchanged, when the answer comes back: an
 * answer for another attempt, or one that arrives after a worker restart abandoned the attempt,
 * is refused. So is one that comes back on another provider's redirect path or names another
 * issuer (RFC 9207): one provider's code is never redeemed at another.
 */
import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import { authText } from '../i18n/messages/auth';
import { currentProvider } from './current-provider';
import { AuthError } from './errors';
import { serverMetadata } from './metadata';
import { fetchProfile } from './profile';
import { oauthClient, type Provider, transportOptions, usesOpenId } from './provider';
import { publishStatus } from './publish';
import { revokeTokens } from './revocation';
import { sessionEpoch } from './session-epoch';
import {
  beginSession,
  type PendingSignIn,
  pendingSignIn,
  type StoredSession,
  signedOutByChoice,
} from './session-store';
import { tokenEndpointFetch } from './token-dialect';
import { tokenSetFromResponse } from './token-set';
import type { AccountProfile, SignInMode } from './types';

export interface SignInRequest {
  interactive: boolean;
  mode?: SignInMode;
  /** Ask who is signing in even if the provider remembers someone ("Use another account"). */
  anotherAccount?: boolean;
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
  askWho: boolean,
): string {
  if (!as.authorization_endpoint) {
    throw new AuthError('server-unreachable', authText('noSignInPage'));
  }
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', attempt.redirectUri);
  url.searchParams.set('scope', provider.scopes.join(' '));
  url.searchParams.set('state', attempt.state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (attempt.nonce) url.searchParams.set('nonce', attempt.nonce);
  if (request.mode === 'signup') url.searchParams.set('mode', 'signup');
  const prompt = promptFor(provider, request, askWho);
  if (prompt) url.searchParams.set('prompt', prompt);
  return url.href;
}

/**
 * `none` for a silent sign-in. `login` when the person asked for another account or signed out
 * on purpose: the provider's browser session may belong to someone else (OpenID Connect and
 * Agnic define it; AI Pass accepts it). OpenID Connect issues a refresh token for
 * `offline_access` only after explicit consent (Core, section 11), so a sign-in that asks for it
 * says so too.
 */
function promptFor(
  provider: Provider,
  request: SignInRequest,
  askWho: boolean,
): string | undefined {
  if (!request.interactive) return 'none';
  const prompts = askWho || request.anotherAccount ? ['login'] : [];
  if (usesOpenId(provider) && provider.scopes.includes('offline_access')) prompts.push('consent');
  return prompts.length > 0 ? prompts.join(' ') : undefined;
}

/** Chromium reports every way the window can fail only as a message: map each to its outcome. */
function launchFailure(error: unknown): AuthError {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve|closed|cancel/i.test(message)) {
    return new AuthError('cancelled', authText('cancelled'));
  }
  if (/could not be loaded/i.test(message)) {
    return new AuthError('server-unreachable', authText('pageNotLoaded'));
  }
  if (/interaction required/i.test(message)) {
    return new AuthError('interaction-required', authText('signInToContinue'));
  }
  return new AuthError('invalid-response', authText('windowNoAnswer'));
}

function authorizationFailure(error: unknown): AuthError {
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === 'access_denied') {
      return new AuthError('access-denied', authText('accessDenied'));
    }
    if (['login_required', 'consent_required', 'interaction_required'].includes(error.error)) {
      return new AuthError('interaction-required', authText('signInToContinue'));
    }
    return new AuthError('invalid-response', authText('serverRefused', { error: error.error }));
  }
  return new AuthError('invalid-response', authText('answerMismatch'));
}

async function runSignIn(request: SignInRequest): Promise<AccountProfile> {
  const provider = await currentProvider();
  // The session this sign-in replaces: a sign-out from now on voids the sign-in.
  const epoch = sessionEpoch(provider.id);
  const askWho = await signedOutByChoice(provider.id).getValue();
  const as = await serverMetadata(provider);
  const client = oauthClient(provider);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const attempt: PendingSignIn = {
    providerId: provider.id,
    state: oauth.generateRandomState(),
    codeVerifier,
    ...(usesOpenId(provider) ? { nonce: oauth.generateRandomNonce() } : {}),
    redirectUri: browser.identity.getRedirectURL(provider.id),
    startedAt: Date.now(),
  };
  const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  await pendingSignIn.setValue(attempt);

  let redirectedTo: string | undefined;
  try {
    redirectedTo = await browser.identity.launchWebAuthFlow({
      url: authorizationUrl(as, provider, attempt, challenge, request, askWho === true),
      interactive: request.interactive,
    });
  } catch (error) {
    await pendingSignIn.removeValue();
    throw launchFailure(error);
  }
  const onRecord = await pendingSignIn.getValue();
  await pendingSignIn.removeValue();
  if (!redirectedTo || onRecord?.state !== attempt.state) {
    throw new AuthError('invalid-response', authText('replaced'));
  }

  let callbackParameters: URLSearchParams;
  try {
    const redirect = new URL(redirectedTo);
    // Another provider's path means a response meant for another attempt, or a mix-up attack.
    if (`${redirect.origin}${redirect.pathname}` !== attempt.redirectUri) throw new Error('path');
    // Checks `state`, and `iss` against the issuer (required when the metadata announces it).
    callbackParameters = oauth.validateAuthResponse(as, client, redirect, attempt.state);
  } catch (error) {
    throw authorizationFailure(error);
  }

  let tokens: oauth.TokenEndpointResponse;
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
    // With `openid`, an ID token is required and its iss, aud, exp, iat and nonce are checked.
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      ...(attempt.nonce ? { expectedNonce: attempt.nonce, requireIdToken: true } : {}),
    });
  } catch (cause) {
    throw tokenFailure(cause);
  }

  const session: StoredSession = {
    ...tokenSetFromResponse(tokens, Date.now()),
    provider,
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
  };
  const user = await fetchProfile(as, provider, session.accessToken, idTokenSubject(tokens));
  if ((await beginSession(epoch, { ...session, user })) === null) {
    // Signed out (or the provider removed) while the sign-in finished: nothing of it is kept.
    await revokeTokens(provider, session);
    throw new AuthError('cancelled', authText('signedOutMeanwhile'));
  }
  await publishStatus();
  return user;
}

function tokenFailure(cause: unknown): AuthError {
  if (cause instanceof oauth.ResponseBodyError) {
    return new AuthError('invalid-response', authText('codeRefused', { error: cause.error }), {
      cause,
    });
  }
  if (cause instanceof oauth.OperationProcessingError) {
    return new AuthError('invalid-response', authText('answerFailedChecks'), { cause });
  }
  return new AuthError('server-unreachable', authText('unreachableToFinish'), { cause });
}

/** The `sub` of a validated ID token: userinfo must then describe the same account. */
function idTokenSubject(tokens: oauth.TokenEndpointResponse): string | undefined {
  return oauth.getValidatedIdTokenClaims(tokens)?.sub;
}
