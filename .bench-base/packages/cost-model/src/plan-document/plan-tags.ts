import type { Plan } from '../plan/plan-types.js';

/** Cost-allocation tag keys shared by the reference infrastructure (which sets them) and the exporter (which filters by them). */
export const PLAN_TAG_KEY = 'tier-planner:plan';
export const TIER_TAG_KEY = 'tier-planner:tier';

/** The plan's name when none is given: profile and users, e.g. "eks-web-app-10000-users". */
export function defaultPlanName(plan: Pick<Plan, 'users' | 'profile'>): string {
  return `${plan.profile.name}-${plan.users}-users`;
}

/** The tier as a short label: 1, 10, 100, 1k, 10k, 100k, 1M, 10M (exact users otherwise, e.g. 25000). */
export function tierLabel(users: number): string {
  const units: readonly [number, string][] = [[1_000_000, 'M'], [1_000, 'k']];
  for (const [size, suffix] of units) if (users >= size && users % size === 0) return `${users / size}${suffix}`;
  return String(users);
}
