/** The tokens of one session, and the arithmetic of when they need refreshing. */

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since the epoch: time of receipt + `expires_in`. Never a hard-coded lifetime. */
  expiresAt: number;
  /** The lifetime the server gave, in seconds, kept to compute the refresh margin. */
  lifetimeSeconds: number;
  scope: string;
}

/** The lifetime assumed when a server leaves `expires_in` out: short, so we refresh early. */
const UNKNOWN_LIFETIME_SECONDS = 300;

export function tokenSetFromResponse(
  response: { access_token: string; refresh_token?: string; expires_in?: number; scope?: string },
  receivedAt: number,
  previous?: TokenSet,
): TokenSet {
  const lifetimeSeconds = response.expires_in ?? UNKNOWN_LIFETIME_SECONDS;
  return {
    accessToken: response.access_token,
    // A refresh that does not rotate keeps the old refresh token.
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    expiresAt: receivedAt + lifetimeSeconds * 1000,
    lifetimeSeconds,
    scope: response.scope ?? previous?.scope ?? '',
  };
}

/** Refresh when less than max(60 s, 10 % of the lifetime) is left. */
export function refreshMarginMs(tokens: TokenSet): number {
  return Math.max(60_000, tokens.lifetimeSeconds * 100);
}

export function needsRefresh(tokens: TokenSet, now: number): boolean {
  return tokens.expiresAt - now <= refreshMarginMs(tokens);
}
