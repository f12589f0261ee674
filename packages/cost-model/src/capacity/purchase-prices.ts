// Each catalog type's hourly price under the plan's purchase option, for ranking: computed once per
// book and option (WeakMap, as instance-catalog.ts), NaN where the book has no rate for the type.
import type { PriceBook } from '../pricing/price-book.js';
import { ec2Rate } from '../purchase/commitment-rate.js';
import { purchaseLabel, type PurchaseChoice } from '../purchase/purchase-choice.js';
import type { InstanceCatalog } from './instance-catalog.js';

export interface PurchasePrices {
  readonly choice: PurchaseChoice;
  /** Effective USD per hour (upfront spread over the term); NaN: no rate under the option. */
  readonly hourlyUsd: Float64Array;
  /** Types with a rate under the option. */
  readonly priced: number;
  /** "no reserved 1yr standard No Upfront rate in the price book": the exclusion a type without one gets. */
  readonly missingReason: string;
}

const cache = new WeakMap<PriceBook, Map<string, PurchasePrices>>();

function keyOf(c: PurchaseChoice): string {
  return `${c.kind}|${c.term}|${c.payment}|${c.offeringClass}|${c.savingsPlan}`;
}

export function purchasePrices(book: PriceBook, catalog: InstanceCatalog, choice: PurchaseChoice): PurchasePrices {
  let byChoice = cache.get(book);
  if (!byChoice) cache.set(book, (byChoice = new Map()));
  const key = keyOf(choice);
  let prices = byChoice.get(key);
  if (!prices) {
    prices = build(book, catalog, choice);
    byChoice.set(key, prices);
  }
  return prices;
}

function build(book: PriceBook, catalog: InstanceCatalog, choice: PurchaseChoice): PurchasePrices {
  const missingReason = `no ${purchaseLabel(choice)} rate in the price book`;
  if (choice.kind === 'on-demand') return { choice, hourlyUsd: catalog.hourlyUsd, priced: catalog.types.length, missingReason };
  const hourlyUsd = new Float64Array(catalog.types.length).fill(NaN);
  let priced = 0;
  catalog.types.forEach((t, i) => {
    const found = ec2Rate(t, choice, book.region);
    if ('rate' in found) {
      hourlyUsd[i] = found.rate.effective.toNumber();
      priced++;
    }
  });
  return { choice, hourlyUsd, priced, missingReason };
}
