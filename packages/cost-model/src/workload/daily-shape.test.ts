import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningError } from '../capacity/capacity-types.js';
import { getProfile } from '../profiles/index.js';
import { parseProfile, ProfileError } from '../profiles/parse-profile.js';
import { resolveWorkload } from './assumptions.js';
import { curvePeakToAverage, DEFAULT_PEAK_HOURS, resolveDailyShape, type DailyLevel } from './daily-shape.js';
import { deriveDemand } from './derive-demand.js';

const base = (name = 'eks-web-app'): any => JSON.parse(JSON.stringify(getProfile(name)));
const hours = (levels: readonly DailyLevel[]) => levels.reduce((h, l) => h + l.hoursPerDay, 0);
const meanShare = (levels: readonly DailyLevel[]) => levels.reduce((m, l) => m + l.share * l.hoursPerDay, 0) / 24;

function problems(workload: Record<string, unknown>): string[] {
  const p = base();
  p.workload = workload;
  try {
    parseProfile(p, 'test');
    return [];
  } catch (e) {
    return (e as ProfileError).problems as string[];
  }
}

describe('resolveDailyShape', () => {
  it('defaults to the busiest 2 h at the peak and derives the trough from peakToAverage', () => {
    const s = resolveDailyShape(undefined, 3);
    expect(DEFAULT_PEAK_HOURS).toBe(2);
    // mean = peak ÷ 3 → 2 + 22 × trough = 8 → trough = 6 ÷ 22
    expect(s.levels).toEqual([
      { share: 1, hoursPerDay: 2 },
      { share: 6 / 22, hoursPerDay: 22 },
    ]);
    expect(s.defaulted).toBe(true);
    expect(s.why).toContain('tier-planner assumption');
  });

  it('keeps peak ÷ mean equal to peakToAverage for any peakToAverage and peak hours, with 24 hours a day', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 50, noNaN: true }), fc.double({ min: 0.25, max: 24, noNaN: true }), (ratio, peakHours) => {
        const s = resolveDailyShape({ peakHours }, ratio);
        expect(hours(s.levels)).toBeCloseTo(24, 9);
        expect(1 / meanShare(s.levels)).toBeCloseTo(ratio, 6);
        expect(s.levels[0]!.share).toBe(1);
        for (const l of s.levels) expect(l.share).toBeGreaterThanOrEqual(0);
        // The peak is shortened (with a warning) only when the ratio leaves no room for it.
        expect(s.warning !== undefined).toBe(peakHours > 24 / ratio);
      }),
    );
  });

  it('is flat when the peak lasts all day or there is no peak', () => {
    expect(resolveDailyShape({ peakHours: 24, troughRatio: 0.5 }, 1).levels).toEqual([{ share: 1, hoursPerDay: 24 }]);
    expect(resolveDailyShape(undefined, 1).levels).toEqual([{ share: 1, hoursPerDay: 24 }]);
    expect(resolveDailyShape({ peakHours: 6, troughRatio: 1 }, 1).levels).toEqual([{ share: 1, hoursPerDay: 24 }]);
  });

  it('merges the equal hours of an hourly curve into levels, busiest first', () => {
    const hourly = [...Array(12).fill(1), ...Array(8).fill(5), ...Array(4).fill(10)];
    const s = resolveDailyShape({ hourly }, 999);
    expect(s.levels).toEqual([
      { share: 1, hoursPerDay: 4 },
      { share: 0.5, hoursPerDay: 8 },
      { share: 0.1, hoursPerDay: 12 },
    ]);
    expect(curvePeakToAverage({ hourly })).toBeCloseTo(10 / ((12 + 40 + 40) / 24), 12);
    expect(s.troughShare).toBe(0.1);
  });
});

describe('dailyShape in a profile', () => {
  it('accepts peak hours, peak hours with a trough, and a 24-hour curve that agrees with peakToAverage', () => {
    expect(problems({ peakToAverage: { value: 3, min: 2, max: 5 }, dailyShape: { peakHours: 4 } })).toEqual([]);
    expect(problems({ peakToAverage: 2.4, dailyShape: { peakHours: 4, troughRatio: 0.3 } })).toEqual([]); // 24 ÷ (4 + 20 × 0.3) = 2.4
    expect(problems({ dailyShape: { hourly: [...Array(12).fill(1), ...Array(12).fill(3)] } })).toEqual([]);
  });

  it('rejects a curve that contradicts peakToAverage, with a clear message', () => {
    const [p] = problems({ peakToAverage: 3, dailyShape: { peakHours: 4, troughRatio: 0.3 } });
    expect(p).toBe("$.workload.dailyShape: the curve's peak ÷ mean is 2.400 but workload.peakToAverage is 3; make them agree (within 0.1%) or drop peakToAverage to take it from the curve");
    expect(problems({ peakToAverage: { value: 2.4, max: 4 }, dailyShape: { peakHours: 4, troughRatio: 0.3 } })[0]).toContain('cannot also have a range');
    expect(problems({ peakToAverage: { value: 3, max: 8 }, dailyShape: { peakHours: 4 } })[0]).toBe('$.workload.dailyShape.peakHours: 4 h at the peak cannot average out to peakToAverage 8 (at most 3.00 h)');
  });

  it('rejects a malformed shape', () => {
    expect(problems({ dailyShape: { hourly: [1, 2, 3] } })).toEqual(['$.workload.dailyShape.hourly: must have 24 values (one per hour), got 3']);
    expect(problems({ dailyShape: { hourly: Array(24).fill(0) } })).toEqual(['$.workload.dailyShape.hourly: at least one hour must carry load']);
    expect(problems({ dailyShape: {} })).toEqual(['$.workload.dailyShape: needs peakHours (with an optional troughRatio) or hourly (24 values)']);
    expect(problems({ dailyShape: { peakHours: 2, hourly: Array(24).fill(1) } })[0]).toContain('not both');
    expect(problems({ dailyShape: { peakHours: 30 } })[0]).toContain('$.workload.dailyShape.peakHours: must be above 0 and at most 24');
    expect(problems({ dailyShape: { peakHours: 2, troughRatio: 1.5 } })[0]).toContain('$.workload.dailyShape.troughRatio');
  });
});

describe('peakToAverage from a curve', () => {
  const curve = { peakHours: 4, troughRatio: 0.3 };

  it('takes peakToAverage from a curve that fixes it, and the demand levels average to the daily rate', () => {
    const { values, assumptions } = resolveWorkload({ dailyShape: curve });
    expect(values.peakToAverage).toBeCloseTo(2.4, 12);
    expect(assumptions.find((a) => a.name === 'peakToAverage')!.why).toContain('dailyShape');
    const d = deriveDemand(1_000_000, values, 30, resolveDailyShape(curve, values.peakToAverage).levels);
    const mean = d.dailyLevels.reduce((m, l) => m + l.rps * l.hoursPerDay, 0) / 24;
    expect(mean).toBeCloseTo(d.averageRps, 9);
    expect(d.dailyLevels[0]!.rps).toBe(d.peakRps);
  });

  it('refuses an override that contradicts the curve', () => {
    expect(() => resolveWorkload({ dailyShape: curve }, { peakToAverage: 5 })).toThrow(PlanningError);
    expect(() => resolveWorkload({ dailyShape: curve }, { peakToAverage: 5 })).toThrow(/contradicts the profile's dailyShape/);
    expect(resolveWorkload({ dailyShape: curve }, { peakToAverage: 2.4 }).values.peakToAverage).toBeCloseTo(2.4, 12);
  });

  it('without a shape, the default levels average to the daily rate for any peakToAverage', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 12, noNaN: true }), fc.integer({ min: 1, max: 1e9 }), (ratio, users) => {
        const { values } = resolveWorkload({}, { peakToAverage: ratio });
        const d = deriveDemand(users, values, 730 / 24);
        const mean = d.dailyLevels.reduce((m, l) => m + l.rps * l.hoursPerDay, 0) / 24;
        expect(mean / d.averageRps).toBeCloseTo(1, 9);
      }),
    );
  });
});
