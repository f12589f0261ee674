import type { Decimal, MonthlyCost } from '@tier-planner/cost-model';
import { usd } from '../../render/format.js';
import type { ServicePricing } from '../../render/unpriced.js';

// The model leaves an unpriced line item out of every sum (`monthly` undefined, `complete` false).
// A sum that leaves something out is shown as a floor, "$X+", never as a price; a cell with no
// price at all says "unpriced" rather than "$0.00".

/** Services with at least one line item the price book could not price. */
export function unpricedServices(monthly: MonthlyCost): ReadonlySet<string> {
  return new Set(monthly.unpriced.map((i) => i.service));
}

/** A service's monthly cost: "unpriced" when none of it has a price, "$X+" when part of it is missing. */
export function serviceUsd(amount: Decimal, pricing: ServicePricing): string {
  if (pricing === 'unpriced') return 'unpriced';
  return pricing === 'partly priced' ? `${usd(amount)}+` : usd(amount);
}

/** A plan's total: "$X", or "$X+" when it leaves unpriced items out. */
export function totalUsd(monthly: MonthlyCost): string {
  return monthly.complete ? usd(monthly.total) : `${usd(monthly.total)}+`;
}

/** "$X" or "$X+ (incomplete)": a total with its caveat, where a total stands alone. */
export function totalUsdWithCaveat(monthly: MonthlyCost): string {
  return monthly.complete ? usd(monthly.total) : `${usd(monthly.total)}+ (incomplete)`;
}
