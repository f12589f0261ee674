import { dec, formatUsd, type Decimal } from '../cost/money.js';
import type { InstanceType, PriceBook } from '../pricing/price-book.js';
import { GP3_STORAGE_KEY } from './instance-catalog.js';

/**
 * Exact monthly cost of a node group for display: count × (on-demand hourly × hours + root volume
 * GB × gp3 GB-month). Ranking uses floats; the figures people read are computed here in decimals.
 */
export function nodeGroupMonthlyUsd(book: PriceBook, type: InstanceType, count: number, rootVolumeGb: number, hoursPerMonth: number): Decimal {
  const gp3 = book.price(GP3_STORAGE_KEY)?.usd ?? '0';
  return dec(type.onDemandUsd).times(hoursPerMonth).plus(dec(gp3).times(rootVolumeGb)).times(count);
}

/** "1234.57": the decimal string NodeChoice.monthlyUsd carries. */
export function toCents(value: Decimal): string {
  return value.toFixed(2);
}

export { formatUsd };
