/**
 * What one call cost, for a provider with a balance: the usage total before and after it. The
 * first total is read before the call is made, so the call's own charge is never in it.
 */
import { refreshBalance } from '../account/balance';
import { fetchUsageSummary } from '../api/account';
import { authStatus } from '../auth/status';

/** Resolves once the "before" total is known, with a function that measures the difference. */
export async function startCostMeasure(): Promise<() => Promise<number | undefined>> {
  const status = await authStatus.getValue();
  if (!status.signedIn || !status.provider.hasBalance) return async () => undefined;
  const before = await fetchUsageSummary().catch(() => null);
  return async () => {
    if (!before) return undefined;
    try {
      const after = await refreshBalance(status.user.sub);
      const cost = after.summary.totalCost - before.totalCost;
      // No difference yet means the charge has not landed: unknown, so nothing is shown.
      return cost > 0 ? cost : undefined;
    } catch {
      return undefined; // the cost is a nicety; the text stands without it
    }
  };
}
