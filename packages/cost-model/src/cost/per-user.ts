import type { Decimal } from './money.js';

/** A monthly amount per user, to 20 decimal places (a division need not end; 1e-20 USD is below any bill). */
export function perUser(monthly: Decimal, users: number): Decimal {
  return monthly.div(users).toDecimalPlaces(20);
}

/**
 * A per-user cost for display: cents from $1, else two significant digits with at least four
 * decimals ("$0.0042", "$0.00012", "$0.35"), so small figures keep their size visible.
 */
export function formatUsdPerUser(value: Decimal): string {
  if (value.isZero()) return '$0.00';
  if (value.gte(1)) return `$${value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  const digits = Math.max(4, -Math.floor(Math.log10(value.toNumber())) + 1);
  return `$${value.toSignificantDigits(2).toFixed(digits).replace(/0+$/, '').replace(/\.$/, '.00').replace(/^(0\.\d)$/, '$10')}`;
}
