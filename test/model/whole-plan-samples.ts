// Uncertainty samples the slow way, as the reference the fast paths are checked against.
import { planTier, profiles, type Decimal, type PlanOptions, type PriceBook } from '@tier-planner/cost-model';
import { mulberry32, triangular } from '../../packages/cost-model/src/plan/uncertainty.js';

/** The same draws as planTier's samples, each planned as a whole plan with the drawn values as overrides; sorted totals, and what was drawn. */
export function wholePlanSampleTotals(book: PriceBook, name: string, users: number, samples: number, seed: number, options: PlanOptions): { readonly totals: Decimal[]; readonly sampled: string[] } {
  const base = planTier({ users, profile: name }, book, options);
  const ranged = base.assumptions.filter((a) => a.range && a.name in profiles[name]!.workload);
  const rand = mulberry32(seed);
  const totals: Decimal[] = [];
  for (let i = 0; i < samples; i++) {
    const workload: Record<string, number> = {};
    for (const a of ranged) workload[a.name] = triangular(rand(), a.range!.min, a.value, a.range!.max);
    totals.push(planTier({ users, profile: name }, book, { ...options, workload }).monthly.total);
  }
  totals.sort((x, y) => x.comparedTo(y));
  return { totals, sampled: ranged.map((a) => a.name) };
}
