import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook, planTier, profiles, type PlanOptions } from '@tier-planner/cost-model';
import { wholePlanSampleTotals } from './whole-plan-samples.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const profileNames = Object.keys(profiles);

/** The percentiles of the same draws, each planned as a whole plan. */
function referencePercentiles(name: string, users: number, samples: number, seed: number, options: PlanOptions) {
  const { totals, sampled } = wholePlanSampleTotals(book, name, users, samples, seed, options);
  const pick = (p: number) => totals[Math.min(totals.length - 1, Math.max(0, Math.ceil(p * totals.length) - 1))]!.toString();
  return { p10: pick(0.1), p50: pick(0.5), p90: pick(0.9), sampled };
}

describe('uncertainty samples priced from the stages alone', () => {
  it('give the percentiles whole plans of the same draws give', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profileNames),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom<PlanOptions>({}, { ladderContext: { nodeType: 'm5.large' } }, { purchase: 'reserved-1yr', commit: 'floor' }),
        (name, users, seed, options) => {
          const u = planTier({ users, profile: name }, book, { ...options, samples: 40, seed }).uncertainty!;
          const ref = referencePercentiles(name, users, 40, seed, options);
          expect({ p10: u.p10.toString(), p50: u.p50.toString(), p90: u.p90.toString(), sampled: u.sampled }).toEqual(ref);
        },
      ),
      { numRuns: 25, seed: 17 },
    );
  }, 300_000);
});
