import type { SpotPriceStats } from '@tier-planner/cost-model';
import { compareDecimals, normalizeDecimal } from '../decimal.js';

/** One Spot price change: the price holds from `at` until the zone's next change. */
export interface SpotPoint {
  readonly at: number;
  /** Normalized decimal USD per hour. */
  readonly usd: string;
}

interface Segment {
  readonly usd: string;
  readonly ms: number;
}

/**
 * The time each price was in effect inside [from, to]. DescribeSpotPriceHistory also returns the
 * last change before the start, which is the price in effect at the start.
 */
export function segmentsOf(points: readonly SpotPoint[], from: number, to: number): Segment[] {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const segments: Segment[] = [];
  sorted.forEach((p, i) => {
    const start = Math.max(p.at, from);
    const end = Math.min(sorted[i + 1]?.at ?? to, to);
    if (end > start) segments.push({ usd: normalizeDecimal(p.usd), ms: end - start });
  });
  return segments;
}

/** Time-weighted quantile: the lowest price in effect for at least q of the time covered. */
function quantile(segments: readonly Segment[], q: number): string {
  const sorted = [...segments].sort((a, b) => compareDecimals(a.usd, b.usd));
  const total = sorted.reduce((s, x) => s + x.ms, 0);
  let seen = 0;
  for (const s of sorted) {
    seen += s.ms;
    if (seen >= q * total) return s.usd;
  }
  return sorted[sorted.length - 1]!.usd;
}

/** Median and p90 over the time covered; undefined when no price was in effect in the window. */
export function spotStats(segments: readonly Segment[]): SpotPriceStats | undefined {
  if (segments.length === 0) return undefined;
  return { medianUsd: quantile(segments, 0.5), p90Usd: quantile(segments, 0.9) };
}
