import { describe, expect, it } from 'vitest';
import { BALANCE_TTL_MS, isFresh } from '../../lib/account/balance';
import { formatDollars, isLowBalance } from '../../lib/account/money';
import { parseCheckoutUrl, parseUsageSummary } from '../../lib/api/account';
import { currentLanguage } from '../../lib/i18n/language';

describe('account data', () => {
  it('reads the usage summary envelope and refuses a malformed one', () => {
    expect(
      parseUsageSummary(
        {
          success: true,
          data: { totalCost: 1.5, maxBudget: 10, remainingBudget: 8.5 },
        },
        'AI Pass',
      ),
    ).toEqual({ totalCost: 1.5, maxBudget: 10, remainingBudget: 8.5 });
    expect(() =>
      parseUsageSummary({ success: true, data: { totalCost: '1' } }, 'Budgeteer'),
    ).toThrow('Budgeteer sent a balance Passlight could not read.');
  });

  it('opens only http(s) checkout pages', () => {
    expect(parseCheckoutUrl({ data: { checkoutUrl: 'https://pay.example/c/1' } }, 'AI Pass')).toBe(
      'https://pay.example/c/1',
    );
    expect(
      parseCheckoutUrl({ data: { checkoutUrl: 'http://127.0.0.1:8787/checkout/1' } }, 'AI Pass'),
    ).toBe('http://127.0.0.1:8787/checkout/1');
    expect(() =>
      parseCheckoutUrl({ data: { checkoutUrl: 'javascript:alert(1)' } }, 'AI Pass'),
    ).toThrow();
    expect(() =>
      parseCheckoutUrl({ data: { checkoutUrl: 'http://evil.example/pay' } }, 'AI Pass'),
    ).toThrow();
  });

  it('caches a balance for five minutes, for one account only', () => {
    const cached = {
      summary: { totalCost: 0, maxBudget: 1, remainingBudget: 1 },
      fetchedAt: 1000,
      accountId: 'u1',
    };
    expect(isFresh(cached, 'u1', 1000 + BALANCE_TTL_MS - 1)).toBe(true);
    expect(isFresh(cached, 'u1', 1000 + BALANCE_TTL_MS)).toBe(false);
    expect(isFresh(cached, 'u2', 1001)).toBe(false);
  });

  it('formats dollars and flags a low balance', () => {
    expect(formatDollars(7.5)).toBe('$7.50');
    expect(formatDollars(0.0042)).toBe('$0.0042');
    expect(isLowBalance(0.4, 2)).toBe(true);
    expect(isLowBalance(0.9, 10)).toBe(true);
    expect(isLowBalance(5, 10)).toBe(false);
  });

  it('writes dollars the way each language writes money, and follows the language in use', () => {
    // Intl puts a no-break space between the German figure and its sign.
    expect(formatDollars(1234.5, 'en')).toBe('$1,234.50');
    expect(formatDollars(1234.5, 'de')).toBe('1.234,50\u00a0$');
    expect(formatDollars(0.0042, 'de')).toBe('0,0042\u00a0$');
    expect(formatDollars(1234.5, 'ja')).toBe('$1,234.50');
    currentLanguage.value = 'de';
    try {
      expect(formatDollars(7.5)).toBe('7,50\u00a0$');
    } finally {
      currentLanguage.value = 'en';
    }
  });
});
