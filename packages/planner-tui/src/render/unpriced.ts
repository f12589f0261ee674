import { ZERO, type LineItem, type MonthlyCost } from '@tier-planner/cost-model';
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
    whole: priced.lineItems.every((i) => i.service !== service || i.monthly === undefined),
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
  const unpriced = new Map(unpricedServices(priced).map((u) => [u.service, u]));
  return services.map((s, i) => {
    const u = unpriced.get(s);
    return [s, u?.whole ? 'unpriced' : `${usd(cents[i]!)}${u ? ' + unpriced' : ''}`];
  });
}
