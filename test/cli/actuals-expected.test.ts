// tier-planner actuals expects what the exporter expects: the same pro-rating of the plan's monthly
// cost, with the end of the last day in the data standing for the exporter's "now".
import { dec, listProfiles, loadPriceBook, planTier } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedToDate } from '../../packages/exporter/src/plans/plan-history.js';
import { expectedToDay } from '../../packages/planner-tui/src/commands/actuals-summary.js';

const book = loadPriceBook({ region: 'us-east-1' });

describe('expectedToDay', () => {
  it('equals the exporter’s expectedToDate at the end of that day, exactly, for every profile, tier and day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listProfiles().map((p) => p.name)),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(720, 730, 744),
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        (profile, users, hoursPerMonth, date) => {
          const day = date.toISOString().slice(0, 10);
          const endOfDay = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
          // The exporter's month is the month of "now"; at the end of a month's last day that is already the next month.
          fc.pre(new Date(endOfDay).getUTCMonth() === date.getUTCMonth());
          const plan = planTier({ users, profile }, book, { hoursPerMonth });
          const ours = expectedToDay(plan, day);
          const exporter = expectedToDate([{ hoursPerMonth, monthlyByService: plan.monthly.byService }], endOfDay);
          expect(ours.hoursElapsed).toBe(Number(day.slice(8)) * 24);
          for (const [s, v] of exporter) expect(ours.byService.get(s)!.equals(v), `${s} on ${day}`).toBe(true);
          expect(ours.byService.size).toBe(exporter.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the last day of a month expects its hours of the plan, not a whole new month', () => {
    const plan = planTier({ users: 1000, profile: 'eks-web-app' }, book);
    const e = expectedToDay(plan, '2026-11-30');
    expect(e.hoursElapsed).toBe(720);
    expect(e.byService.get('EKS')!.equals(dec(plan.monthly.byService.get('EKS')!).times(720).div(plan.hoursPerMonth))).toBe(true);
  });
});
