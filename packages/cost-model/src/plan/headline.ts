// The one number a plan leads with, and what it is. Without samples it is the sum of the line
// items, every assumption at its point value (the profile's `value`). With samples it is the P50
// of the sampled totals with the P10–P90 band beside it: the ranges are triangular and often
// skewed (the mode sits near one end), so the median total differs from the total at the modes.
import type { Decimal } from '../cost/money.js';
import type { MonthlyCost } from '../cost/roll-up.js';
import type { Uncertainty } from './plan-types.js';
import { numberText } from '../number-text.js';

export interface Headline {
  /** point-values: the line items' sum at the profile's point values; p50: the median of the samples. */
  readonly basis: 'point-values' | 'p50';
  readonly total: Decimal;
  /** The line items' sum at the point values (the same as `total` when basis is point-values). */
  readonly pointTotal: Decimal;
  /** With samples: the P10–P90 band and the number of samples. */
  readonly band?: { readonly p10: Decimal; readonly p90: Decimal; readonly samples: number };
  readonly why: string;
}

export function planHeadline(monthly: MonthlyCost, uncertainty: Uncertainty | undefined): Headline {
  if (!uncertainty) {
    return { basis: 'point-values', total: monthly.total, pointTotal: monthly.total, why: "at the profile's point values (each assumption at its value); sample the ranges for a P50 and a P10–P90 band" };
  }
  return {
    basis: 'p50',
    total: uncertainty.p50,
    pointTotal: monthly.total,
    band: { p10: uncertainty.p10, p90: uncertainty.p90, samples: uncertainty.samples },
    why: `P50 of ${numberText(uncertainty.samples)} samples over the assumption ranges (skewed triangular ranges put the median away from the point values); the line items are at the point values`,
  };
}
