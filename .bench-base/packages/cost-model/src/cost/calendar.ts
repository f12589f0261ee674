/**
 * Hours in a billing month. AWS's calculator and most cost tools use 730 (8,760 h / 12);
 * some hand-made plans use 720 (30 days). Every plan states which it used.
 */
export const DEFAULT_HOURS_PER_MONTH = 730;

/** Days in the same month: 730 / 24 ≈ 30.42, so hourly and daily figures stay consistent. */
export function daysPerMonth(hoursPerMonth: number): number {
  return hoursPerMonth / 24;
}
