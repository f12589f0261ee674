import { loadPriceBook, planTier, PLAN_TAG_KEY, type PriceBook } from '@tier-planner/cost-model';
import type { SpendMatch } from '../config/config-types.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';

let book: PriceBook | undefined;

/** A real plan from the cost model (embedded us-east-1 prices), as the exporter loads it. */
export function testPlan(name: string, options: { users?: number; profile?: string; match?: SpendMatch } = {}): LoadedPlan {
  book ??= loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
  const plan = planTier({ users: options.users ?? 10_000, profile: options.profile ?? 'eks-web-app' }, book);
  return { name, plan, match: options.match ?? { kind: 'tag', key: PLAN_TAG_KEY, value: name }, budgetUsd: plan.monthly.total };
}
