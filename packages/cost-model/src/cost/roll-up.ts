import type { LineItem } from './line-item.js';
import { ZERO, type Decimal } from './money.js';

export interface MonthlyCost {
  /** Exact sum of every priced line item. */
  readonly total: Decimal;
  /** Exact sum per service, services in first-seen order. */
  readonly byService: ReadonlyMap<string, Decimal>;
  /** False when any line item is unpriced: the total then leaves something out. */
  readonly complete: boolean;
  readonly unpriced: readonly LineItem[];
}

export function rollUp(items: readonly LineItem[]): MonthlyCost {
  const byService = new Map<string, Decimal>();
  const unpriced: LineItem[] = [];
  for (const item of items) {
    if (item.monthly === undefined) {
      unpriced.push(item);
      if (!byService.has(item.service)) byService.set(item.service, ZERO);
      continue;
    }
    byService.set(item.service, (byService.get(item.service) ?? ZERO).plus(item.monthly));
  }
  return { total: pricedTotal(items), byService, complete: unpriced.length === 0, unpriced };
}

/** Σ monthly of the priced line items in their order: rollUp's total, without the sums per service a total alone does not need. */
export function pricedTotal(items: readonly LineItem[]): Decimal {
  let total = ZERO;
  for (const item of items) if (item.monthly !== undefined) total = total.plus(item.monthly);
  return total;
}
