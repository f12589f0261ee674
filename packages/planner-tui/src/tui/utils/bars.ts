import type { Decimal } from '@tier-planner/cost-model';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar `fraction` (0..1) of `width` columns long, in eighths of a column. */
export function horizontalBar(fraction: number, width: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
  const full = Math.floor(eighths / 8);
  return '█'.repeat(full) + EIGHTHS[eighths % 8]!;
}

export interface ServiceBar {
  readonly service: string;
  readonly amount: Decimal;
  /** Share of the largest service, 0..1. */
  readonly fraction: number;
  readonly bar: string;
}

/**
 * One bar per service, largest first, scaled to the largest service so the bars use the width.
 * A non-zero cost always shows at least a sliver, so a small service does not look free.
 */
export function serviceBars(byService: ReadonlyMap<string, Decimal>, barWidth: number): ServiceBar[] {
  const entries = [...byService].sort((a, b) => b[1].comparedTo(a[1]));
  const max = entries[0]?.[1];
  return entries.map(([service, amount]) => {
    const fraction = max && max.isPositive() && !max.isZero() ? amount.div(max).toNumber() : 0;
    const bar = horizontalBar(fraction, barWidth);
    return { service, amount, fraction, bar: bar === '' && amount.isPositive() && !amount.isZero() ? '▏' : bar };
  });
}
