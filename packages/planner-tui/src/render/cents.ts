import { Decimal } from '@tier-planner/cost-model';

/**
 * Rounds each part to the cent so that the rounded parts add up to the rounded total (the sum
 * rounded half-up, as the total is printed): every part is cut down to the cent, and the cents
 * left over go one each to the parts that lost the most (largest remainder; ties to the first).
 */
export function apportionCents(parts: readonly Decimal[]): Decimal[] {
  const exact = parts.map((p) => p.times(100));
  const floors = exact.map((c) => c.floor());
  const total = exact.reduce((a, c) => a.plus(c), new Decimal(0)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  let left = total.minus(floors.reduce((a, c) => a.plus(c), new Decimal(0))).toNumber();
  const byRemainder = exact.map((c, i) => ({ i, rest: c.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const cents = [...floors];
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    cents[i] = cents[i]!.plus(1);
    left -= 1;
  }
  return cents.map((c) => c.div(100));
}
