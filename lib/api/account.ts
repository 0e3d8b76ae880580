/** The account endpoints of a provider with a balance (AI Pass's): the balance and top-up. */
import { isLoopbackHost } from '../config/server-url';
import { apiErrorText } from '../i18n/messages/api-errors';
import { authorizedJson } from './authorized-fetch';
import { ApiError } from './errors';

export interface UsageSummary {
  totalCost: number;
  maxBudget: number;
  remainingBudget: number;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function parseUsageSummary(body: unknown, serviceName: string): UsageSummary {
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (
    !data ||
    !isNumber(data.totalCost) ||
    !isNumber(data.maxBudget) ||
    !isNumber(data.remainingBudget)
  ) {
    throw new ApiError('server', apiErrorText('unreadableBalance', { name: serviceName }));
  }
  return {
    totalCost: data.totalCost,
    maxBudget: data.maxBudget,
    remainingBudget: data.remainingBudget,
  };
}

export async function fetchUsageSummary(): Promise<UsageSummary> {
  const { body, service } = await authorizedJson('/api/v1/usage/me/summary');
  return parseUsageSummary(body, service.name);
}

/** The checkout page must be a real web page of the server, never a `javascript:` URL or the like. */
export function parseCheckoutUrl(body: unknown, serviceName: string): string {
  const raw = (body as { data?: { checkoutUrl?: unknown } } | null)?.data?.checkoutUrl;
  if (typeof raw === 'string') {
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        return url.href;
      }
    } catch {
      // Falls through to the error below.
    }
  }
  throw new ApiError('server', apiErrorText('noCheckoutPage', { name: serviceName }));
}

export async function createCheckoutSession(amount: number): Promise<string> {
  const { body, service } = await authorizedJson('/api/v1/payment/create-checkout-session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount }),
  });
  return parseCheckoutUrl(body, service.name);
}
