import type { ReservedRate } from '@tier-planner/cost-model';
import type { PriceListItem } from '../price-list-item.js';

// Reserved terms of a product (EC2 instances, RDS DB instances, ElastiCache nodes): termAttributes
// say the term, class and payment option; the "Hrs" dimension is the recurring rate and the
// "Quantity" dimension the upfront fee. Legacy options ("Heavy Utilization" …) are left out.
const TERMS = new Set(['1yr', '3yr']);
const CLASSES = new Set(['standard', 'convertible']);
const PAYMENTS = new Set(['No Upfront', 'Partial Upfront', 'All Upfront']);

export interface ReservedReadOptions {
  /**
   * RDS and ElastiCache reservations are standard only: a term without an OfferingClass is read
   * as standard and a convertible one is left out. EC2 terms must name their class.
   */
  readonly standardOnly?: boolean;
}

export function reservedRates(item: PriceListItem, sourceId: string, options: ReservedReadOptions = {}): ReservedRate[] {
  const rates: ReservedRate[] = [];
  for (const term of item.reserved) {
    const { LeaseContractLength: length, PurchaseOption: payment } = term.termAttributes;
    const offeringClass = term.termAttributes.OfferingClass ?? (options.standardOnly ? 'standard' : undefined);
    if (options.standardOnly && offeringClass !== 'standard') continue;
    if (!length || !offeringClass || !payment || !TERMS.has(length) || !CLASSES.has(offeringClass) || !PAYMENTS.has(payment)) continue;
    const hourly = term.dimensions.find((d) => d.unit === 'Hrs');
    if (!hourly) continue;
    const upfront = term.dimensions.find((d) => d.unit === 'Quantity');
    rates.push({
      term: length as ReservedRate['term'],
      offeringClass: offeringClass as ReservedRate['offeringClass'],
      paymentOption: payment as ReservedRate['paymentOption'],
      hourlyUsd: hourly.usd,
      upfrontUsd: upfront?.usd ?? '0',
      source: sourceId,
      sku: item.sku,
    });
  }
  const order = (r: ReservedRate) => `${r.term}|${r.offeringClass === 'standard' ? 0 : 1}|${[...PAYMENTS].indexOf(r.paymentOption)}`;
  return rates.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
