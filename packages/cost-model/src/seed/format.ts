import { formatUsd, type Decimal } from '../cost/money.js';
import { numberText } from '../number-text.js';

/** "$12.3456", "$1.10": a unit price in full (never rounded), at least to the cent. */
export function unitUsd(d: Decimal): string {
  return `$${d.toFixed(Math.max(2, d.decimalPlaces()))}`;
}

/** "$1,234.57": money rounded to the cent for display. */
export const usd = formatUsd;

/** "1,000": a whole or decimal quantity with thousands separators. */
export function qty(d: Decimal): string {
  const [whole, frac] = d.toFixed().split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

export function usersLabel(users: number): string {
  return `${numberText(users)} user${users === 1 ? '' : 's'}`;
}
