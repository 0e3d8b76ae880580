/**
 * `/api/v1`: the balance and the top-up checkout, in AI Pass's `{success, data}` envelope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ApiCaller, checkApiAccess } from '../api/access';
import type { GatewayContext } from '../context';
import { HttpError, isRecord } from '../http';
import { dollarsToMicros } from '../money';
import { randomId } from '../secrets';
import { usageOf } from './ledger';

const MIN_TOP_UP = 0.5;
const MAX_TOP_UP = 10_000;

export function registerAccountApi(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/api/v1/usage/me/summary', async (request) => {
    const { user } = await requireAccount(ctx, request);
    return {
      success: true,
      message: 'Usage summary retrieved successfully',
      data: usageOf(user),
      timestamp: new Date().toISOString(),
    };
  });

  app.post('/api/v1/payment/create-checkout-session', async (request) => {
    const { user } = await requireAccount(ctx, request);
    const amount = isRecord(request.body) ? request.body.amount : undefined;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < MIN_TOP_UP) {
      throw failure(400, `amount must be a number of at least ${MIN_TOP_UP.toFixed(2)}.`);
    }
    if (amount > MAX_TOP_UP) throw failure(400, `amount must be at most ${MAX_TOP_UP}.`);
    const sessionId = randomId('cs');
    ctx.state.checkouts.set(sessionId, {
      userId: user.id,
      amountMicros: dollarsToMicros(amount),
      paid: false,
    });
    return {
      success: true,
      data: { checkoutUrl: `${ctx.origin}/checkout/${sessionId}`, sessionId },
    };
  });
}

function failure(status: number, message: string, headers: Record<string, string> = {}) {
  return new HttpError(status, { success: false, message }, headers);
}

async function requireAccount(ctx: GatewayContext, request: FastifyRequest): Promise<ApiCaller> {
  const check = await checkApiAccess(ctx, request);
  if (!check.ok) throw failure(check.status, check.description, check.headers);
  return { user: check.user };
}
