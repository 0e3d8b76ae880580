/**
 * What the pages and the background say to each other about a session, as types only: the
 * message protocol (lib/messages.ts) imports from here, never from the modules that do the work.
 */

/**
 * Why a sign-in or a token request did not work, as codes pages can branch on. Messages never
 * contain a token, a code or a verifier.
 */
export type AuthErrorCode =
  /** The person closed the sign-in window. Quiet: not an error to show. */
  | 'cancelled'
  /** The sign-in page could not be loaded: the server is down or unreachable. */
  | 'server-unreachable'
  /** The person chose Deny on the consent screen. */
  | 'access-denied'
  /** The answer did not belong to the attempt we started (wrong `state` or issuer). */
  | 'invalid-response'
  /** The server ended the session (revoked, expired or reused refresh token): sign in again. */
  | 'session-ended'
  /** A silent sign-in needs the person's interaction. */
  | 'interaction-required'
  /** No session: sign in first. */
  | 'signed-out'
  /** A passing failure (network, 5xx): the session is kept, try again later. */
  | 'temporarily-unavailable'
  /** The issuer's metadata is missing, malformed, or lacks what sign-in needs. */
  | 'invalid-metadata'
  /** No client ID or server set up. */
  | 'not-configured'
  /** The message did not come from one of Passlight's own pages. */
  | 'forbidden';

/** The result shape that crosses from the worker to the pages (errors do not survive messaging). */
export type AuthResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: AuthErrorCode; message: string };

/** `signup` opens AI Pass's account-creation screen instead of the sign-in screen. */
export type SignInMode = 'login' | 'signup';

export interface AccountProfile {
  /** The stable account id: identity is keyed by it, never by email. */
  sub: string;
  name: string;
  email: string;
}

/** What a page gets to make one call: a token, where to send it, and whom it is from. */
export interface AccessGrant {
  accessToken: string;
  apiBase: string;
  /** The issuer's origin, where AI Pass keeps its account API. */
  serverUrl: string;
  /** How errors of calls made with this token name their provider. */
  service: { name: string; hasBalance: boolean };
}
