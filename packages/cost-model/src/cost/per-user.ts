import { formatUsd, type Decimal } from './money.js';

/** A monthly amount per user, to 20 decimal places (a division need not end; 1e-20 USD is below any bill). */
export function perUser(monthly: Decimal, users: number): Decimal {
  return monthly.div(users).toDecimalPlaces(20);
}

/**
 * A per-user cost for display: to the cent from one dollar up, else to two significant digits
 * (and at least two decimals), so the small figures of large tiers keep their size visible.
 */
export function formatUsdPerUser(value: Decimal): string {
  const rounded = value.toSignificantDigits(2);
  if (value.isZero() || rounded.gte(1)) return formatUsd(value);
  return `$${rounded.toFixed(Math.max(2, rounded.decimalPlaces()))}`;
}
