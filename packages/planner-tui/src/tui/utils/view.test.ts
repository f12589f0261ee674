import { diffPlans, loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { comparisonLines } from './comparison-view.js';
import { lineItemLines } from './line-items-view.js';
import { capacityLines } from './plan-summary-view.js';
import { compactCount, fit, splitOnSpaceRuns } from './text.js';

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

describe('splitOnSpaceRuns', () => {
  it('turns long blank runs into gaps and drops trailing blanks', () => {
    const pad = ' '.repeat(8);
    expect(splitOnSpaceRuns(`a b${pad}c${pad}`)).toEqual([{ gap: 0, text: 'a b' }, { gap: 8, text: 'c' }]);
    expect(splitOnSpaceRuns(`${pad}${pad}x  y`)).toEqual([{ gap: 16, text: 'x  y' }]);
    expect(splitOnSpaceRuns('   ')).toEqual([]);
  });

  it('keeps every column where it was', () => {
    const line = `EKS${' '.repeat(12)}cluster${' '.repeat(9)}$73.00`;
    let rebuilt = '';
    for (const s of splitOnSpaceRuns(line)) rebuilt += ' '.repeat(s.gap) + s.text;
    expect(rebuilt).toBe(line);
  });
});
