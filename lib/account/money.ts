/**
 * Budgets are in US dollars, written the way the language writes money ($5.00, 5,00 $);
 * small balances keep their cents, tiny ones a few more digits.
 */
import { currentLanguage, type Language } from '../i18n/language';

const formats = new Map<string, Intl.NumberFormat>();

function dollarsIn(language: Language, tiny: boolean): Intl.NumberFormat {
  const key = `${language} ${tiny}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'USD',
      ...(tiny ? { maximumFractionDigits: 4 } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

export function formatDollars(amount: number, language: Language = currentLanguage.value): string {
  const tiny = Math.abs(amount) > 0 && Math.abs(amount) < 0.01;
  return dollarsIn(language, tiny).format(amount);
}

/** Low: under a tenth of the budget or under $0.50, whichever is more. */
export function isLowBalance(remaining: number, budget: number): boolean {
  return remaining < Math.max(0.5, budget * 0.1);
}
