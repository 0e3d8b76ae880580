/**
 * The balance shown in the popup, cached for five minutes in `storage.session` so the popup
 * opens with a figure at once, and refreshed when stale, on request, and after a top-up.
 */
import { storage } from 'wxt/utils/storage';
import type { UsageSummary } from '../api/account';

export const BALANCE_TTL_MS = 5 * 60_000;

export interface CachedBalance {
  summary: UsageSummary;
  fetchedAt: number;
  /** Whose balance it is (the account's `sub`), so another account never sees it. */
  accountId: string;
}

export const cachedBalance = storage.defineItem<CachedBalance | null>('session:account.balance', {
  fallback: null,
});

export function isFresh(cached: CachedBalance | null, accountId: string, now: number): boolean {
  return (
    cached !== null && cached.accountId === accountId && now - cached.fetchedAt < BALANCE_TTL_MS
  );
}

export async function refreshBalance(accountId: string): Promise<CachedBalance> {
  // The account API comes with the first refresh: a popup shows the cached figure before it.
  const { fetchUsageSummary } = await import('../api/account');
  const fresh = { summary: await fetchUsageSummary(), fetchedAt: Date.now(), accountId };
  await cachedBalance.setValue(fresh);
  return fresh;
}

/** A balance a top-up has probably changed: the next look fetches it again. */
export async function markBalanceStale(): Promise<void> {
  const cached = await cachedBalance.getValue();
  if (cached) await cachedBalance.setValue({ ...cached, fetchedAt: 0 });
}
