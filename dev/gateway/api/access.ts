/**
 * Who is calling the model proxy: a live access token with scope `api:access`, and budget left.
 */
import type { FastifyRequest } from 'fastify';
import { assertBudgetLeft } from '../billing/ledger';
import type { GatewayContext } from '../context';
import type { AuthenticatedAccess } from '../grants';
import { bearerToken } from '../http';
import { bearerChallenge } from '../oauth/bearer';
import { apiError } from './errors';

export const API_SCOPE = 'api:access';

export function requireApiAccess(ctx: GatewayContext, request: FastifyRequest): AuthenticatedAccess {
  const token = bearerToken(request);
  const access = token ? ctx.grants.authenticate(token) : undefined;
  if (!access) {
    throw apiError(
      401,
      token ? 'Invalid, expired or revoked access token.' : 'Missing Bearer access token.',
      {
        headers: { 'www-authenticate': bearerChallenge(token ? 'invalid_token' : undefined) },
      },
    );
  }
  if (!access.token.scopes.includes(API_SCOPE)) {
    throw apiError(403, `The access token lacks scope ${API_SCOPE}.`, {
      type: 'insufficient_scope',
      headers: { 'www-authenticate': bearerChallenge('insufficient_scope', API_SCOPE) },
    });
  }
  return access;
}

/** Access for a paid call: refused with LiteLLM's budget error when nothing is left. */
export function requirePaidAccess(ctx: GatewayContext, request: FastifyRequest): AuthenticatedAccess {
  const access = requireApiAccess(ctx, request);
  assertBudgetLeft(access.user);
  return access;
}
