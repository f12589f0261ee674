import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import { planTier } from './plan-tier.js';
import type { Plan, PlanOptions } from './plan-types.js';

/** The tiers tier-planner shows by default: 1 to 10 million users, ×10 each step. */
export const DEFAULT_LADDER: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/** One plan per user count, same profile, book and options. */
export function planLadder(profile: Profile | string, book: PriceBook, users: readonly number[] = DEFAULT_LADDER, options: PlanOptions = {}): Plan[] {
  return users.map((u) => planTier({ users: u, profile }, book, options));
}
