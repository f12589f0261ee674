import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartMarkerRow, costAt, costChartLines, usersToColumn } from './cost-chart.js';

const points = [
  { users: 1, monthly: 100 },
  { users: 1_000, monthly: 1_000 },
  { users: 10_000_000, monthly: 100_000 },
];

describe('cost chart', () => {
  it('interpolates in log-log space', () => {
    expect(costAt(points, 1)).toBe(100);
    expect(costAt(points, 1_000)).toBeCloseTo(1_000, 6);
    expect(costAt(points, Math.sqrt(1_000))).toBeCloseTo(Math.sqrt(100 * 1_000), 6);
    expect(costAt(points, 20_000_000)).toBe(100_000);
  });

  it('places users on a log axis', () => {
    expect(usersToColumn(1, 1, 1e6, 61)).toBe(0);
    expect(usersToColumn(1_000, 1, 1e6, 61)).toBe(30);
    expect(usersToColumn(1e6, 1, 1e6, 61)).toBe(60);
  });

  it('fits the width, marks the current users and the breakpoints', () => {
    for (const width of [80, 120]) {
      const lines = costChartLines({ points, breakpoints: [50, 5_000], currentUsers: 10_000, width, height: 6 });
      expect(lines).toHaveLength(6 + 2);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      const axis = lines[6]!;
      expect(axis.split('^')).toHaveLength(2);
      expect(axis.trim().slice(1).split('+')).toHaveLength(3);
      // Printable ASCII only (see BLOCKS): a frame's text is measured line by line.
      for (const l of lines) expect(l).toMatch(/^[\x20-\x7e]*$/);
      expect(lines[7]).toMatch(/^\s+1\s+10\s+100\s+1k\s+10k\s+100k\s+1M\s+10M$/);
      // Costs rise with users: the top row is empty at the left and full at the right.
      expect(lines[0]!.trimEnd().endsWith('#')).toBe(true);
      expect(lines[0]).toContain('$100k');
      expect(lines[5]).toContain('$100');
    }
  });

  it('the current users change the marker row only, and that row is chartMarkerRow (the explorer redraws it alone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 40, max: 200 }), (a, b, width) => {
        const input = { points, breakpoints: [50, 5_000], width, height: 6 };
        const [atA, atB] = [costChartLines({ ...input, currentUsers: a }), costChartLines({ ...input, currentUsers: b })];
        expect(atA[6]).toBe(chartMarkerRow({ ...input, currentUsers: a }));
        expect([...atA.slice(0, 6), ...atA.slice(7)]).toEqual([...atB.slice(0, 6), ...atB.slice(7)]);
      }),
      { numRuns: 50 },
    );
  });

  it('costs that leave unpriced items out label the axis as floors', () => {
    const input = { points, breakpoints: [], currentUsers: 1_000, width: 60, height: 4 };
    const plain = costChartLines(input);
    const floors = costChartLines({ ...input, floors: true });
    expect(plain[0]).toMatch(/^ *\$100k \|/);
    expect(floors[0]).toMatch(/^ *\$100k\+ \|/);
    expect(floors[3]).toMatch(/^ *\$100\+ \|/);
    expect(floors.slice(1, 3).join('')).not.toContain('+ |');
  });
});
