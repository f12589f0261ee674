import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals } from '../decimal.js';
import { segmentsOf, spotStats, type SpotPoint } from './spot-stats.js';

// Prices here are generated TEST DATA.
const HOUR = 3_600_000;
const FROM = Date.parse('2026-11-24T00:00:00Z');
const TO = FROM + 7 * 24 * HOUR;

const point = fc.record({
  at: fc.integer({ min: FROM - 3 * 24 * HOUR, max: TO - 1 }),
  usd: fc.integer({ min: 1, max: 99_999 }).map((n) => `0.${String(n).padStart(5, '0')}`),
});

describe('time-weighted Spot statistics', () => {
  it('median ≤ p90, both prices that were in effect, and the segments cover the window from the first price on', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), (points: SpotPoint[]) => {
        const segments = segmentsOf(points, FROM, TO);
        const first = Math.max(FROM, Math.min(...points.map((p) => p.at)));
        expect(segments.reduce((s, x) => s + x.ms, 0)).toBe(TO - first);
        const stats = spotStats(segments)!;
        expect(compareDecimals(stats.medianUsd, stats.p90Usd)).toBeLessThanOrEqual(0);
        const inEffect = new Set(segments.map((s) => s.usd));
        expect(inEffect.has(stats.medianUsd) && inEffect.has(stats.p90Usd)).toBe(true);
      }),
    );
  });

  it('weighs by time, not by the number of changes: a price held most of the week is the median', () => {
    // 0.02 for 6 days, then 20 short changes to 0.09 in the last day.
    const points: SpotPoint[] = [{ at: FROM - HOUR, usd: '0.02' }, ...Array.from({ length: 20 }, (_, i) => ({ at: TO - 24 * HOUR + i * HOUR, usd: '0.09' }))];
    expect(spotStats(segmentsOf(points, FROM, TO))).toEqual({ medianUsd: '0.02', p90Usd: '0.09' });
  });

  it('has nothing to say when no price was in effect in the window', () => {
    expect(spotStats(segmentsOf([{ at: TO + HOUR, usd: '0.05' }], FROM, TO))).toBeUndefined();
  });
});
