/**
 * Who is calling the model proxy: a live access token with scope `api:access`, and for paid
 * calls, budget left.
 */
import type { FastifyRequest } from 'fastify';
import { assertBudgetLeft } from '../billing/ledger';
import type { GatewayContext } from '../context';
import type { AuthenticatedAccess } from '../grants';
import { checkBearer } from '../oauth/bearer';
import { apiError } from './errors';

export const API_SCOPE = 'api:access';

export function requireApiAccess(
  ctx: GatewayContext,
  request: FastifyRequest,
): AuthenticatedAccess {
  const check = checkBearer(ctx, request, API_SCOPE);
  if (!check.ok) {
    throw apiError(check.status, check.description, {
      type: check.status === 403 ? check.error : undefined,
      headers: check.headers,
    });
  }
  return check.access;
}

export function requirePaidAccess(
  ctx: GatewayContext,
  request: FastifyRequest,
): AuthenticatedAccess {
  const access = requireApiAccess(ctx, request);
  assertBudgetLeft(access.user);
  return access;
}
