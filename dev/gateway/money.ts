/**
 * Money is kept in whole micro-dollars so that many small charges add up exactly.
 */
const MICROS_PER_DOLLAR = 1_000_000;

export function dollarsToMicros(dollars: number): number {
  return Math.round(dollars * MICROS_PER_DOLLAR);
}

/** Dollars, exact to the micro-dollar (six decimals at most). */
export function microsToDollars(micros: number): number {
  return micros / MICROS_PER_DOLLAR;
}
