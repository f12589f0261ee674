import { Decimal as DecimalJs } from 'decimal.js';

/** Exact decimal arithmetic for money and quantities (34 significant digits, half-up rounding, never printed in exponent form). */
export const Decimal = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = DecimalJs;

export const ZERO: Decimal = new Decimal(0);

export function dec(value: string | number | Decimal): Decimal {
  return new Decimal(value);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** "$1,234.57": rounded half-up to the cent for display only; sums are always taken unrounded. */
export function formatUsd(value: Decimal): string {
  const fixed = value.toFixed(2, DecimalJs.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [whole, cents] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
