/**
 * Who is calling the model proxy or the account API: a live gateway access token with scope
 * `api:access`, or, when the gateway is set to accept them, another server's access token that
 * its introspection vouches for; and for paid calls, budget left.
 */
import type { FastifyRequest } from 'fastify';
import { assertBudgetLeft } from '../billing/ledger';
import type { GatewayContext } from '../context';
import { bearerToken } from '../http';
import { type BearerFailure, checkBearer, insufficientScope, invalidToken } from '../oauth/bearer';
import type { User } from '../state';
import { apiError } from './errors';

export const API_SCOPE = 'api:access';

export interface ApiCaller {
  user: User;
}

export type ApiAccessCheck = ({ ok: true } & ApiCaller) | BearerFailure;

export async function checkApiAccess(
  ctx: GatewayContext,
  request: FastifyRequest,
): Promise<ApiAccessCheck> {
  const local = checkBearer(ctx, request, API_SCOPE);
  if (local.ok) return { ok: true, user: local.access.user };
  const token = bearerToken(request);
  // A token the gateway issued itself is never shown to another server.
  if (!ctx.externalTokens || !token || ctx.state.accessTokens.has(token)) return local;
  const external = await ctx.externalTokens.check(token);
  switch (external.kind) {
    case 'active':
      return { ok: true, user: external.user };
    case 'inactive':
      return invalidToken(true);
    case 'insufficient-scope':
      return insufficientScope(external.scope);
    case 'unavailable':
      return {
        ok: false,
        status: 503,
        error: 'temporarily_unavailable',
        description: 'The access token could not be checked right now; retry shortly.',
        headers: { 'retry-after': '1' },
      };
  }
}

export async function requireApiAccess(
  ctx: GatewayContext,
  request: FastifyRequest,
): Promise<ApiCaller> {
  const check = await checkApiAccess(ctx, request);
  if (!check.ok) {
    throw apiError(check.status, check.description, {
      type: check.status === 403 ? check.error : undefined,
      headers: check.headers,
    });
  }
  return { user: check.user };
}

export async function requirePaidAccess(
  ctx: GatewayContext,
  request: FastifyRequest,
): Promise<ApiCaller> {
  const caller = await requireApiAccess(ctx, request);
  assertBudgetLeft(caller.user);
  return caller;
}
