import type { Decimal } from '../cost/money.js';
import { planTier } from '../plan/plan-tier.js';
import type { PriceBook } from '../pricing/price-book.js';
import { auditSeedLadder } from './audit-seed-ladder.js';
import { seedLadderAtTodaysPrices } from './seed-ladder-today.js';

/** The profile the model plans the seed's users with: the same architecture, sized from demand. */
export const SEED_000_PROFILE = 'eks-web-app';

export interface SeedRowBesideModel {
  readonly users: number;
  readonly printedTotal: Decimal;
  /** The seed's printed quantities at its own unit prices and allowances. */
  readonly ownArithmetic: Decimal;
  /** The seed's printed quantities at today's prices. */
  readonly todaysPrices: Decimal;
  /** What the model plans for the same users, at today's prices. */
  readonly model: { readonly total: Decimal; readonly nodes: string; readonly complete: boolean };
}

/** Each seed row four ways: as printed, by its own arithmetic, at today's prices, and as the model plans it. */
export function seedLadderBesideModel(book: PriceBook): SeedRowBesideModel[] {
  const audit = auditSeedLadder();
  const today = seedLadderAtTodaysPrices(book);
  return audit.rows.map((row, i) => {
    const plan = planTier({ users: row.users, profile: SEED_000_PROFILE }, book);
    return {
      users: row.users,
      printedTotal: row.printedTotal,
      ownArithmetic: row.sumOfRecomputedCells,
      todaysPrices: today.rows[i]!.total,
      model: { total: plan.monthly.total, nodes: plan.nodes.map((g) => `${g.count} × ${g.instanceType}`).join(' + '), complete: plan.monthly.complete },
    };
  });
}
