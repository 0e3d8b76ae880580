/**
 * What calls cost, and each user's spending against their budget.
 */
import { HttpError } from '../http';
import { dollarsToMicros, microsToDollars } from '../money';
import type { User } from '../state';

/** Prices in micro-dollars: small, but enough for tests to see the balance move. */
export const PRICES = {
  chatCall: 1_000,
  chatOutputCharacter: 20,
  visionImage: 2_000,
  speechInputCharacter: 15,
  image: 40_000,
  embeddingsCall: 100,
  transcriptionCall: 1_000,
} as const;

export interface UsageSummary {
  totalCost: number;
  maxBudget: number;
  remainingBudget: number;
}

export interface BudgetChange {
  maxBudget?: number;
  totalCost?: number;
}

export function usageOf(user: User): UsageSummary {
  return {
    totalCost: microsToDollars(user.totalCostMicros),
    maxBudget: microsToDollars(user.maxBudgetMicros),
    // Not clamped: a stream that ran past the budget shows as a negative balance, the truth.
    remainingBudget: microsToDollars(user.maxBudgetMicros - user.totalCostMicros),
  };
}

/** LiteLLM's answer (AI Pass fronts LiteLLM) once nothing is left: checked before each call. */
export function assertBudgetLeft(user: User): void {
  if (user.maxBudgetMicros - user.totalCostMicros > 0) return;
  const { totalCost, maxBudget } = usageOf(user);
  throw new HttpError(400, {
    error: {
      message: `Budget has been exceeded! Current cost: ${totalCost}, Max budget: ${maxBudget}`,
      type: 'budget_exceeded',
      param: null,
      code: '400',
    },
  });
}

export function charge(user: User, micros: number): void {
  user.totalCostMicros += micros;
}

export function credit(user: User, micros: number): void {
  user.maxBudgetMicros += micros;
}

export function changeBudget(user: User, change: BudgetChange): void {
  for (const [name, value] of Object.entries(change)) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new TypeError(`${name} must be a finite number`);
    }
  }
  if (change.maxBudget !== undefined) user.maxBudgetMicros = dollarsToMicros(change.maxBudget);
  if (change.totalCost !== undefined) user.totalCostMicros = dollarsToMicros(change.totalCost);
}
