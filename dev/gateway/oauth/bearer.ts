/**
 * Bearer access tokens on resource endpoints (RFC 6750): the check shared by userinfo, the model
 * proxy and the account API, each of which words its error in its own format.
 */
import type { FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context';
import type { AuthenticatedAccess } from '../grants';
import { bearerToken } from '../http';

export type BearerCheck =
  | { ok: true; access: AuthenticatedAccess }
  | {
      ok: false;
      status: 401 | 403;
      error: 'invalid_token' | 'insufficient_scope';
      description: string;
      /** The `WWW-Authenticate` challenge to send. */
      headers: Record<string, string>;
    };

export function checkBearer(
  ctx: GatewayContext,
  request: FastifyRequest,
  scope: string,
): BearerCheck {
  const token = bearerToken(request);
  const access = token ? ctx.grants.authenticate(token) : undefined;
  if (!access) {
    return {
      ok: false,
      status: 401,
      error: 'invalid_token',
      description: token
        ? 'The access token is invalid, expired or revoked.'
        : 'A Bearer access token is required.',
      // Without a token RFC 6750 wants no error code, just the challenge.
      headers: {
        'www-authenticate': token
          ? 'Bearer realm="AI Pass", error="invalid_token"'
          : 'Bearer realm="AI Pass"',
      },
    };
  }
  if (!access.token.scopes.includes(scope)) {
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
  return { ok: true, access };
}
