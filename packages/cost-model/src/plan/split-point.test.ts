import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPoint, type FoundChange } from './split-point.js';

const nodes = (from: number, to: number) => [`nodes workers: ${from} → ${to}`];
const run: FoundChange[] = [
  { users: 1_000, changes: nodes(2, 4) },
  { users: 1_300, changes: nodes(4, 6) },
];

describe('splitPoint', () => {
  it('halves an interval until two breakpoints make a run', () => {
    expect(splitPoint(100, 200, ['nodes workers'], [])).toBe(150);
    expect(splitPoint(100, 200, ['nodes workers'], run.slice(0, 1))).toBe(150);
  });

  it('probes just below the count one spacing after the run, then the count itself', () => {
    expect(splitPoint(1_400, 1_900, ['nodes workers'], run)).toBe(1_599);
    expect(splitPoint(1_599, 1_900, ['nodes workers'], run)).toBe(1_600);
  });

  it('skips whole spacings the walk has passed', () => {
    expect(splitPoint(1_650, 2_000, ['nodes workers'], run)).toBe(1_899);
  });

  it('halves when the interval changes other aspects than the run, or the run mixes aspects', () => {
    expect(splitPoint(1_400, 1_900, ['database'], run)).toBe(1_650);
    expect(splitPoint(1_400, 1_900, ['nodes workers', 'database'], run)).toBe(1_650);
    const mixed = [run[0]!, { users: 1_300, changes: ['database: db.t4g.small single-az → db.t4g.medium single-az'] }];
    expect(splitPoint(1_400, 1_900, ['database'], mixed)).toBe(1_650);
  });

  it('halves when the guess falls outside the interval', () => {
    expect(splitPoint(1_400, 1_500, ['nodes workers'], run)).toBe(1_450);
  });

  it('always splits strictly inside an interval of three or more counts, so the search ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 2, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.boolean(),
        (a, width, last, spacing, sameAspects) => {
          const found = [
            { users: Math.max(1, last - spacing), changes: nodes(1, 2) },
            { users: last, changes: nodes(2, 3) },
          ];
          const split = splitPoint(a, a + width, sameAspects ? ['nodes workers'] : ['cache'], found);
          expect(split).toBeGreaterThan(a);
          expect(split).toBeLessThan(a + width);
        },
      ),
    );
  });
});
