import type { Decimal } from '@tier-planner/cost-model';
import { formatUsd, formatUsdPerUser, numberText } from '@tier-planner/cost-model';

export const int = (n: number): string => numberText(Math.round(n));

/** A count with its noun: "1 repository", "5 repositories", "2 instances". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${int(n)} ${Math.round(n) === 1 ? singular : plural}`;
}

export function num(n: number, digits = 1): string {
  return numberText(n, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A quantity as exact as it is, with thousands separators and at most 4 decimals. */
export function qty(d: Decimal): string {
  const fixed = d.toDecimalPlaces(4).toString();
  const [whole, frac] = fixed.split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

export const usd = formatUsd;

/** A cost per user per month: "$0.0042", "$1.25" (see formatUsdPerUser). */
export const perUserUsd = formatUsdPerUser;

/** A plain number with thousands separators and every decimal it has (2,875 or 0.0125). */
export const grouped = (n: number): string => numberText(n, { maximumFractionDigits: 20 });

/** A unit price: "$0.0416", "$1,234.5"; up to 6 decimals, thousands separators. */
export const unitUsd = (d: Decimal): string => `$${d.toDecimalPlaces(6).toFixed().replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}`;

/** Left-aligned text columns; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], rightAlign: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 && !rightAlign.has(i) ? c : rightAlign.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
