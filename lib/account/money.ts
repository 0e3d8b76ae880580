/** Budgets are in US dollars; small balances keep their cents, tiny ones a few more digits. */
const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const SMALL_DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 4,
});

export function formatDollars(amount: number): string {
  return Math.abs(amount) > 0 && Math.abs(amount) < 0.01
    ? SMALL_DOLLARS.format(amount)
    : DOLLARS.format(amount);
}

/** Low: under a tenth of the budget or under $0.50, whichever is more. */
export function isLowBalance(remaining: number, budget: number): boolean {
  return remaining < Math.max(0.5, budget * 0.1);
}
