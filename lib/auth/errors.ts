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

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The result shape that crosses from the worker to the pages (errors do not survive messaging). */
export type AuthResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: AuthErrorCode; message: string };

export function failure(error: unknown): { ok: false; code: AuthErrorCode; message: string } {
  if (error instanceof AuthError) return { ok: false, code: error.code, message: error.message };
  return {
    ok: false,
    code: 'temporarily-unavailable',
    message: 'Something went wrong while talking to the server. Try again in a moment.',
  };
}
