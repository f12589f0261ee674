// The rate a usage bills at under a purchase option: an EC2 type's hours, or a price dimension's
// unit (Fargate vCPU- and GB-hours, RDS and ElastiCache node-hours). Reserved rates carry their
// upfront fee, spread over the term's hours; a missing rate is a reason, never a zero.
import { dec, type Decimal } from '../cost/money.js';
import type { InstanceType } from '../pricing/price-book.js';
import type { PriceDimension, ReservedRate, SavingsPlanRate } from '../pricing/snapshot-types.js';
import type { LineUpfront } from '../cost/line-item.js';
import { purchaseLabel, termMonths, type PurchaseChoice } from './purchase-choice.js';

/** A year of a commitment: 365 days (AWS defines a 1-year term as 31,536,000 seconds). */
export const HOURS_PER_YEAR = 8760;

export interface CommitmentRate {
  /** Effective USD per unit: the recurring rate plus the upfront fee spread over the term's hours. */
  readonly effective: Decimal;
  /** The recurring part billed per unit. */
  readonly recurring: Decimal;
  /** One-off USD per unit-hour of the term (an instance's upfront fee); zero for No Upfront and for Savings Plans. */
  readonly upfrontPerUnit: Decimal;
  readonly source: string;
  readonly sku?: string;
  /** The option, its hourly rate and its upfront fee, for the line's note. */
  readonly note: string;
}

export type RateLookup = { readonly rate: CommitmentRate } | { readonly unpriced: string };

function termHours(term: '1yr' | '3yr'): number {
  return (term === '1yr' ? 1 : 3) * HOURS_PER_YEAR;
}

function fromReserved(r: ReservedRate, c: PurchaseChoice): CommitmentRate {
  const upfront = dec(r.upfrontUsd);
  const recurring = dec(r.hourlyUsd);
  return {
    effective: recurring.plus(upfront.div(termHours(r.term))),
    recurring,
    upfrontPerUnit: upfront,
    source: r.source,
    ...(r.sku ? { sku: r.sku } : {}),
    note: `${purchaseLabel(c)}: $${r.hourlyUsd}/h + $${r.upfrontUsd} upfront per instance spread over the term`,
  };
}

function fromSavingsPlan(r: SavingsPlanRate, c: PurchaseChoice, unit: string): CommitmentRate {
  const usd = dec(r.usd);
  return { effective: usd, recurring: usd, upfrontPerUnit: dec(0), source: r.source, ...(r.sku ? { sku: r.sku } : {}), note: `${purchaseLabel(c)}: $${r.usd} per ${unit}` };
}

function findReserved(rates: readonly ReservedRate[] | undefined, c: PurchaseChoice): ReservedRate | undefined {
  return rates?.find((r) => r.term === c.term && r.offeringClass === c.offeringClass && r.paymentOption === c.payment);
}

function findSavingsPlan(rates: readonly SavingsPlanRate[] | undefined, c: PurchaseChoice): SavingsPlanRate | undefined {
  return rates?.find((r) => r.plan === c.savingsPlan && r.term === c.term && r.paymentOption === c.payment);
}

const REFRESH = 'tier-planner pricing refresh fetches it';

/** An EC2 type's hourly rate under a commitment or Spot; on-demand is the type's own price. */
export function ec2Rate(type: InstanceType, c: PurchaseChoice, region: string): RateLookup {
  if (c.kind === 'reserved') {
    const r = findReserved(type.reserved, c);
    return r ? { rate: fromReserved(r, c) } : { unpriced: `no ${purchaseLabel(c)} Reserved Instance rate for ${type.name} in the ${region} price book (${REFRESH})` };
  }
  if (c.kind === 'savings-plan') {
    const r = findSavingsPlan(type.savingsPlans, c);
    return r ? { rate: fromSavingsPlan(r, c, 'hour') } : { unpriced: `no ${purchaseLabel(c)} rate for ${type.name} in the ${region} price book (${REFRESH})` };
  }
  if (c.kind === 'spot') {
    const s = type.spot;
    if (!s) return { unpriced: `no Spot price for ${type.name} in the ${region} price book (Spot floats by zone; ${REFRESH} from the Spot price history, which needs AWS credentials)` };
    const usd = dec(s.medianUsd);
    return { rate: { effective: usd, recurring: usd, upfrontPerUnit: dec(0), source: s.source, note: `Spot median $${s.medianUsd}/h (p90 $${s.p90Usd}) from ${s.from} to ${s.to}` } };
  }
  const usd = dec(type.onDemandUsd);
  return { rate: { effective: usd, recurring: usd, upfrontPerUnit: dec(0), source: '', note: 'on-demand' } };
}

/** A dimension's rate under a commitment: reserved nodes from `reserved`, a Savings Plan from `savingsPlans`. */
export function dimensionRate(dim: PriceDimension, c: PurchaseChoice, region: string): RateLookup {
  if (c.kind === 'reserved') {
    const r = findReserved(dim.reserved, c);
    return r ? { rate: fromReserved(r, c) } : { unpriced: `no ${purchaseLabel(c)} rate for ${dim.key} in the ${region} price book (${REFRESH})` };
  }
  if (c.kind === 'savings-plan') {
    const r = findSavingsPlan(dim.savingsPlans, c);
    return r ? { rate: fromSavingsPlan(r, c, dim.unit.replace(/s$/, '')) } : { unpriced: `no ${purchaseLabel(c)} rate for ${dim.key} in the ${region} price book (${REFRESH})` };
  }
  return { unpriced: `${c.kind} has no rate on ${dim.key}` };
}

/**
 * A line's upfront fee: units a month × the fee per unit-hour of the term is the share the month
 * carries (already in `effective`); × the term's months, the one-off payment. Nothing for no fee.
 */
export function upfrontOf(unitsPerMonth: Decimal, upfrontPerUnit: Decimal, term: '1yr' | '3yr'): { upfront: LineUpfront } | Record<string, never> {
  if (upfrontPerUnit.isZero()) return {};
  const monthlyUsd = unitsPerMonth.times(upfrontPerUnit).div(termHours(term));
  const months = termMonths(term);
  return { upfront: { oneOffUsd: monthlyUsd.times(months), monthlyUsd, termMonths: months } };
}
