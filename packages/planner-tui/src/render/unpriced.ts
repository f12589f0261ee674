import { ZERO, type Decimal, type LineItem, type MonthlyCost } from '@tier-planner/cost-model';
import { apportionCents } from './cents.js';
import { usd } from './format.js';
import { printable } from './printable.js';

// Reasons are the model's own sentences (naming an instance type or a price key): longer than an echoed value.
const REASON_LIMIT = 240;

/** A plan or a priced bill of materials: line items and their roll-up. */
export interface Priced {
  readonly monthly: MonthlyCost;
  readonly lineItems: readonly LineItem[];
}

/**
 * How much of a service the price book prices. Its sum alone cannot tell: a service priced in part
 * may sum to $0.00, and one with no line items in a plan has nothing left out.
 */
export type ServicePricing = 'priced' | 'partly priced' | 'unpriced';

/** Every printed and on-screen cell asks this, so they all agree on what "unpriced" means. */
export function servicePricing(lineItems: readonly LineItem[], service: string): ServicePricing {
  let priced = false;
  let unpriced = false;
  for (const i of lineItems) {
    if (i.service !== service) continue;
    if (i.monthly === undefined) unpriced = true;
    else priced = true;
  }
  if (!unpriced) return 'priced';
  return priced ? 'partly priced' : 'unpriced';
}

/** A printed service cell: "$X", "$X + unpriced" for one priced in part, "unpriced" for one with no price at all. */
export function serviceCell(pricing: ServicePricing, amount: Decimal): string {
  if (pricing === 'unpriced') return 'unpriced';
  return pricing === 'partly priced' ? `${usd(amount)} + unpriced` : usd(amount);
}

interface UnpricedService {
  readonly service: string;
  /** True when no line item of the service has a price. */
  readonly whole: boolean;
  readonly reasons: readonly string[];
}

/** The services with unpriced line items, in first-seen order, with their distinct reasons. */
export function unpricedServices(priced: Priced): UnpricedService[] {
  const services = [...new Set(priced.monthly.unpriced.map((i) => i.service))];
  return services.map((service) => ({
    service,
    whole: servicePricing(priced.lineItems, service) === 'unpriced',
    reasons: [...new Set(priced.monthly.unpriced.filter((i) => i.service === service).map((i) => i.unpriced ?? 'no price in this book'))],
  }));
}

/** "EC2 unpriced — why; RDS partly unpriced — why", or '' when everything is priced. */
export function unpricedSummary(priced: Priced): string {
  return unpricedServices(priced)
    .map((s) => `${printable(s.service)} ${s.whole ? '' : 'partly '}unpriced — ${s.reasons.map((r) => printable(r, REASON_LIMIT)).join(', ')}`)
    .join('; ');
}

/** " (incomplete: EC2 unpriced — why)" to follow a printed total, or '' when everything is priced. */
export function incompleteNote(priced: Priced): string {
  const summary = unpricedSummary(priced);
  return summary ? ` (incomplete: ${summary})` : '';
}

/**
 * One printed cell per service, rounded so that the cells add up to the printed total; "unpriced"
 * for a service with no price at all, "$X + unpriced" for one priced in part.
 */
export function serviceCells(priced: Priced): [string, string][] {
  const services = [...priced.monthly.byService.keys()];
  const cents = apportionCents(services.map((s) => priced.monthly.byService.get(s) ?? ZERO));
  return services.map((s, i) => [s, serviceCell(servicePricing(priced.lineItems, s), cents[i]!)]);
}
