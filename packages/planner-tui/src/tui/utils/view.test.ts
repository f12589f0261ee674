import { diffPlans, loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { comparisonLines } from './comparison-view.js';
import { lineItemLines } from './line-items-view.js';
import { capacityLines } from './plan-summary-view.js';
import { compactCount, fit } from './text.js';

const book = loadPriceBook();
const small = planTier({ users: 10_000, profile: 'eks-web-app' }, book, {});
const large = planTier({ users: 10_000_000, profile: 'eks-web-app' }, book, {});

describe('view models fit the width', () => {
  for (const width of [80, 100, 160]) {
    it(`at ${width} columns`, () => {
      const items = lineItemLines(large.lineItems, width);
      const comparison = comparisonLines(diffPlans(small, large), 'a', 'b', width);
      for (const l of [items.header, ...items.rows, ...comparison, ...capacityLines(large, width)]) expect(l.length).toBeLessThanOrEqual(width);
      expect(items.rows).toHaveLength(large.lineItems.length);
    });
  }

  it('the comparison lists a difference per service, largest first', () => {
    const lines = comparisonLines(diffPlans(small, large), 'pinned', 'current', 120);
    expect(lines[2]).toMatch(/^Total \$[\d,.]+ → \$[\d,.]+ {2}\+\$/);
    expect(lines.some((l) => /^EC2\s+\$[\d,.]+\s+\$[\d,.]+\s+\+\$/.test(l))).toBe(true);
  });

  it('text helpers', () => {
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('abc', 4)).toBe('abc');
    expect(compactCount(10_000_000)).toBe('10M');
    expect(compactCount(1_500)).toBe('1.5k');
  });
});
