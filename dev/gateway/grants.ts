/**
 * The life of codes, grants and tokens: issue, rotate, expire, revoke, look up.
 */
import type { ResolvedOptions } from './options';
import { randomId, randomSecret } from './secrets';
import type { AccessToken, AuthorizationCode, GatewayState, Grant, User } from './state';

const CODE_LIFETIME_MS = 60_000;

/** The token endpoint's success body (RFC 6749 section 5.1). */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
}

export interface AuthenticatedAccess {
  token: AccessToken;
  grant: Grant;
  user: User;
}

export class Grants {
  constructor(
    private readonly state: GatewayState,
    private readonly options: ResolvedOptions,
  ) {}

  issueCode(fields: Omit<AuthorizationCode, 'expiresAt' | 'used' | 'grantId'>): string {
    const code = randomSecret();
    this.state.codes.set(code, {
      ...fields,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
      grantId: undefined,
    });
    return code;
  }

  createGrant(userId: string, clientId: string, scopes: string[]): Grant {
    const grant: Grant = {
      id: randomId('grant'),
      userId,
      clientId,
      scopes,
      revoked: false,
      refreshing: false,
    };
    this.state.grants.set(grant.id, grant);
    return grant;
  }

  /**
   * A new access and refresh token for the grant (the old ones are the caller's business). The
   * access token may carry fewer scopes than the grant (a narrowed refresh).
   */
  issueTokens(grant: Grant, scopes: string[] = grant.scopes): TokenResponse {
    const now = Date.now();
    const ttlSeconds = this.state.settings.accessTokenTtlSeconds;
    const accessToken = randomSecret();
    const refreshToken = randomSecret();
    this.state.accessTokens.set(accessToken, {
      grantId: grant.id,
      scopes,
      expiresAt: now + ttlSeconds * 1000,
      revoked: false,
    });
    this.state.refreshTokens.set(refreshToken, {
      grantId: grant.id,
      expiresAt: now + this.options.refreshTokenTtlSeconds * 1000,
      status: 'active',
    });
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: ttlSeconds,
      token_type: 'Bearer',
      scope: scopes.join(' '),
    };
  }

  /** Revokes the grant and every access and refresh token it ever issued. */
  revokeGrant(grantId: string): void {
    const grant = this.state.grants.get(grantId);
    if (grant) grant.revoked = true;
    for (const token of this.state.accessTokens.values()) {
      if (token.grantId === grantId) token.revoked = true;
    }
    for (const token of this.state.refreshTokens.values()) {
      if (token.grantId === grantId) token.status = 'revoked';
    }
  }

  revokeAllGrants(): void {
    for (const grantId of this.state.grants.keys()) this.revokeGrant(grantId);
  }

  /** The grant an access or refresh token belongs to, whatever its state. */
  grantIdOf(token: string): string | undefined {
    return (
      this.state.accessTokens.get(token)?.grantId ?? this.state.refreshTokens.get(token)?.grantId
    );
  }

  expireAllAccessTokens(): void {
    const now = Date.now();
    for (const token of this.state.accessTokens.values()) {
      token.expiresAt = Math.min(token.expiresAt, now);
    }
  }

  /** The live access token, its grant and user; undefined if unknown, expired or revoked. */
  authenticate(accessToken: string): AuthenticatedAccess | undefined {
    const token = this.state.accessTokens.get(accessToken);
    if (!token || token.revoked || token.expiresAt <= Date.now()) return undefined;
    const grant = this.state.grants.get(token.grantId);
    if (!grant || grant.revoked) return undefined;
    const user = this.state.users.get(grant.userId);
    if (!user) return undefined;
    return { token, grant, user };
  }
}
