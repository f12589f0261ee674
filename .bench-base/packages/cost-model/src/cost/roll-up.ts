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
  let total = ZERO;
  const byService = new Map<string, Decimal>();
  const unpriced: LineItem[] = [];
  for (const item of items) {
    if (item.monthly === undefined) {
      unpriced.push(item);
      if (!byService.has(item.service)) byService.set(item.service, ZERO);
      continue;
    }
    total = total.plus(item.monthly);
    byService.set(item.service, (byService.get(item.service) ?? ZERO).plus(item.monthly));
  }
  return { total, byService, complete: unpriced.length === 0, unpriced };
}
