import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import { nextLadderContext, type LadderContext } from './ladder-context.js';
import { planTier } from './plan-tier.js';
import type { Plan, PlanOptions } from './plan-types.js';

/** The tiers tier-planner shows by default: 1 to 10 million users, ×10 each step. */
export const DEFAULT_LADDER: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * One plan per user count, same profile, book and options, planned in increasing user order as
 * steps of one ladder: each tier keeps the previous tier's node type unless another saves more
 * than the type-change margin, and never returns to a type the ladder left. Returned in the
 * order given.
 */
export function planLadder(profile: Profile | string, book: PriceBook, users: readonly number[] = DEFAULT_LADDER, options: PlanOptions = {}): Plan[] {
  const order = users.map((u, i) => ({ u, i })).sort((a, b) => a.u - b.u || a.i - b.i);
  const plans = new Array<Plan>(users.length);
  let context: LadderContext = options.ladderContext ?? {};
  for (const { u, i } of order) {
    const plan = planTier({ users: u, profile }, book, { ...options, ladderContext: context });
    plans[i] = plan;
    context = nextLadderContext(plan, context);
  }
  return plans;
}
