/**
 * Bearer access tokens on resource endpoints (RFC 6750): the check shared by userinfo, the model
 * proxy and the account API, each of which words its error in its own format.
 */
import type { FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context';
import type { AuthenticatedAccess } from '../grants';
import { bearerToken } from '../http';

export interface BearerFailure {
  ok: false;
  status: 401 | 403 | 503;
  error: 'invalid_token' | 'insufficient_scope' | 'temporarily_unavailable';
  description: string;
  /** The `WWW-Authenticate` challenge (or `Retry-After`) to send. */
  headers: Record<string, string>;
}

export type BearerCheck = { ok: true; access: AuthenticatedAccess } | BearerFailure;

export function checkBearer(
  ctx: GatewayContext,
  request: FastifyRequest,
  scope: string,
): BearerCheck {
  const token = bearerToken(request);
  const access = token ? ctx.grants.authenticate(token) : undefined;
  if (!access) return invalidToken(token !== undefined);
  if (!access.token.scopes.includes(scope)) return insufficientScope(scope);
  return { ok: true, access };
}

export function invalidToken(tokenSent: boolean): BearerFailure {
  return {
    ok: false,
    status: 401,
    error: 'invalid_token',
    description: tokenSent
      ? 'The access token is invalid, expired or revoked.'
      : 'A Bearer access token is required.',
    // Without a token RFC 6750 wants no error code, just the challenge.
    headers: {
      'www-authenticate': tokenSent
        ? 'Bearer realm="AI Pass", error="invalid_token"'
        : 'Bearer realm="AI Pass"',
    },
  };
}

export function insufficientScope(scope: string): BearerFailure {
  return {
    ok: false,
    status: 403,
    error: 'insufficient_scope',
    description: `The access token lacks scope ${scope}.`,
    headers: {
      'www-authenticate': `Bearer realm="AI Pass", error="insufficient_scope", scope="${scope}"`,
    },
  };
}
