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

  it('after a missed guess, halves over whole steps of the spacings the search has seen', () => {
    // Spacings 500 and 600: a step of 100 after the last breakpoint, 2,100.
    const steps: FoundChange[] = [
      { users: 1_000, changes: nodes(2, 4) },
      { users: 1_500, changes: nodes(4, 6) },
      { users: 2_100, changes: nodes(6, 8) },
    ];
    // Both guesses (2,700, one 600 on; 2,600, one 500 on) are passed and their next ones (3,100,
    // 3,300) lie beyond the interval: steps 2,800 to 3,000 lie in (2,700, 3,050], so the split
    // falls just below the middle one.
    expect(splitPoint(2_700, 3_050, ['nodes workers'], steps)).toBe(2_899);
    // No step in the interval: halves.
    expect(splitPoint(2_710, 2_790, ['nodes workers'], steps)).toBe(2_750);
    // A step too fine to gain on halving (spacings 500 and 507: a step of 1) halves too.
    const fine = [steps[0]!, steps[1]!, { users: 2_007, changes: nodes(6, 8) }];
    expect(splitPoint(2_600, 3_000, ['nodes workers'], fine)).toBe(2_800);
  });

  it('always splits strictly inside an interval of three or more counts, so the search ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 2, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.boolean(),
        (a, width, last, spacing, earlier, sameAspects) => {
          const found = [
            { users: Math.max(1, last - spacing - earlier), changes: nodes(0, 1) },
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
