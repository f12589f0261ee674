import { MAX_USERS } from '@tier-planner/cost-model';

const clampUsers = (n: number): number => Math.min(MAX_USERS, Math.max(1, Math.round(n)));

/** Users ×10 (↑) or ÷10 (↓), kept within what the model accepts. */
export function scaleUsers(users: number, direction: 1 | -1): number {
  return clampUsers(direction > 0 ? users * 10 : users / 10);
}

/** Rounds to two significant digits: 12,345 → 12,000. */
export function roundNice(n: number): number {
  if (n < 10) return Math.round(n);
  const unit = Math.pow(10, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * A fine step of about ±10%, rounded to a nice number. Rounding can land back on the same
 * value (1 × 1.1 = 1.1 → 1), so the step always moves by at least one unit of the last digit.
 */
export function fineStepUsers(users: number, direction: 1 | -1): number {
  const target = roundNice(direction > 0 ? users * 1.1 : users / 1.1);
  if (direction > 0 ? target > users : target < users) return clampUsers(target);
  const unit = users < 10 ? 1 : Math.pow(10, Math.floor(Math.log10(users)) - 1);
  return clampUsers(users + direction * unit);
}

/** The next value of an ordered list after (or before) `current`, which need not be in the list. */
export function stepInList(list: readonly number[], current: number, direction: 1 | -1): number {
  const eps = 1e-9;
  if (direction > 0) return list.find((v) => v > current + eps) ?? list[list.length - 1]!;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]! < current - eps) return list[i]!;
  return list[0]!;
}
