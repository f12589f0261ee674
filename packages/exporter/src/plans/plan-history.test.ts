import { dec } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../testing/test-plans.js';
import { expectedToDate, PlanHistory } from './plan-history.js';

const H = 3_600_000;
const flat = (monthly: string, hoursPerMonth = 730) => ({ hoursPerMonth, monthlyByService: new Map([['EC2', dec(monthly)]]) });

describe('expectedToDate (pro-rated by hours)', () => {
  it('is monthly cost × hours elapsed ÷ the plan\'s hours per month, not the calendar fraction', () => {
    // The last second of a 31-day month: 744 h of a 730 h plan month.
    const endOfDecember = Date.UTC(2027, 0, 1) - 1000;
    expect(expectedToDate([flat('730')], endOfDecember).get('EC2')!.toNumber()).toBeCloseTo(744 - 1 / 3600, 9);
    // 28 February: 672 h.
    expect(expectedToDate([flat('730')], Date.UTC(2027, 2, 1) - 1000).get('EC2')!.toNumber()).toBeCloseTo(672 - 1 / 3600, 9);
    // A plan priced over 720 h a month.
    expect(expectedToDate([flat('720', 720)], Date.UTC(2026, 10, 2)).get('EC2')!.toString()).toBe('24');
  });

  it('a plan replaced mid-month counts each version for the hours it was in force', () => {
    const replacedAt = Date.UTC(2026, 10, 11);
    const periods = [flat('730'), { ...flat('7300'), since: replacedAt }];
    // 10 days of the old plan, then 5 days of the new one.
    expect(expectedToDate(periods, Date.UTC(2026, 10, 16)).get('EC2')!.toString()).toBe(String(240 + 1200));
    // Replaced last month: only the new version counts this month.
    expect(expectedToDate([flat('730'), { ...flat('7300'), since: Date.UTC(2026, 9, 20) }], Date.UTC(2026, 10, 2)).get('EC2')!.toString()).toBe('240');
  });
});

describe('PlanHistory', () => {
  const small = testPlan('web');
  const big = { ...testPlan('web', { users: 100_000 }) };

  it('starts a plan as in force all month, adds a version only when the plan changes, and forgets removed plans', () => {
    const h = new PlanHistory();
    const t0 = Date.UTC(2026, 10, 5);
    expect(h.record([small], t0)).toBe(true);
    expect(h.periodsOf('web')).toHaveLength(1);
    expect(h.periodsOf('web')[0]!.since).toBeUndefined();
    expect(h.record([small], t0 + H)).toBe(false);
    expect(h.record([big], t0 + 2 * H)).toBe(true);
    expect(h.periodsOf('web').map((p) => p.since)).toEqual([undefined, t0 + 2 * H]);
    expect(h.record([testPlan('other')], t0 + 3 * H)).toBe(true);
    expect(h.periodsOf('web')).toEqual([]);
  });

  it('takes plans as in force all month only on the first record of an empty history; a plan added later is new from then', () => {
    const t0 = Date.UTC(2026, 10, 5);
    const h = new PlanHistory();
    h.record([small], t0);
    // A reload that adds a plan.
    h.record([small, testPlan('shop')], t0 + H);
    expect(h.periodsOf('web').map((p) => p.since)).toEqual([undefined]);
    expect(h.periodsOf('shop').map((p) => p.since)).toEqual([t0 + H]);
    // A restart with history: read back, then a plan added.
    const restarted = PlanHistory.fromJson(JSON.parse(JSON.stringify(h.toJson())));
    restarted.record([small, testPlan('shop'), testPlan('api')], t0 + 2 * H);
    expect(restarted.periodsOf('api').map((p) => p.since)).toEqual([t0 + 2 * H]);
    expect(restarted.periodsOf('web').map((p) => p.since)).toEqual([undefined]);
    // Expected spend of the added plan counts from when it was added, not from the 1st.
    expect(expectedToDate(restarted.periodsOf('api'), t0 + 2 * H).get('EC2')?.toString() ?? '0').toBe('0');
  });

  it('drops versions that ended before the month began', () => {
    const h = new PlanHistory();
    h.record([small], Date.UTC(2026, 9, 5));
    h.record([big], Date.UTC(2026, 9, 20));
    h.record([small], Date.UTC(2026, 10, 10));
    expect(h.periodsOf('web').map((p) => p.since)).toEqual([Date.UTC(2026, 9, 20), Date.UTC(2026, 10, 10)]);
  });

  it('round-trips through JSON and refuses what it did not write', () => {
    const h = new PlanHistory();
    h.record([small], Date.UTC(2026, 10, 5));
    h.record([big], Date.UTC(2026, 10, 9));
    const back = PlanHistory.fromJson(JSON.parse(JSON.stringify(h.toJson())));
    expect(back.periodsOf('web')).toEqual(h.periodsOf('web'));
    expect(() => PlanHistory.fromJson([])).toThrow(/not a mapping/);
    expect(() => PlanHistory.fromJson({ web: [{ since: 'yesterday', hoursPerMonth: 730, monthlyUsd: {} }] })).toThrow(/since is not a date/);
    expect(() => PlanHistory.fromJson({ web: [{ since: null, hoursPerMonth: 730, monthlyUsd: { EC2: 'lots' } }] })).toThrow(/EC2 is not an amount/);
  });

  it('refuses a history whose versions overlap: null only first, then strictly later times', () => {
    const v = (since: string | null) => ({ since, hoursPerMonth: 730, monthlyUsd: { EC2: '730' } });
    const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
    expect(PlanHistory.fromJson({ web: [v(null), v(at(5)), v(at(9))] }).periodsOf('web')).toHaveLength(3);
    expect(PlanHistory.fromJson({ web: [v(at(5)), v(at(9))] }).periodsOf('web')).toHaveLength(2);
    expect(() => PlanHistory.fromJson({ web: [v(at(5)), v(null)] })).toThrow(/plans\.web\[1\]\.since is null, which only the first version may be/);
    expect(() => PlanHistory.fromJson({ web: [v(null), v(null)] })).toThrow(/plans\.web\[1\]\.since is null/);
    expect(() => PlanHistory.fromJson({ web: [v(null), v(at(9)), v(at(5))] })).toThrow(/plans\.web\[2\]\.since is not after plans\.web\[1\]\.since/);
    expect(() => PlanHistory.fromJson({ web: [v(at(5)), v(at(5))] })).toThrow(/not after/);
  });
});
