import type { Decimal, Plan } from '@tier-planner/cost-model';
import type { SpendMatch } from '../config/config-types.js';

/** A plan ready to be exported: its name, the model's numbers, how to find its spend, its budget. */
export interface LoadedPlan {
  readonly name: string;
  readonly plan: Plan;
  readonly match: SpendMatch;
  readonly budgetUsd: Decimal;
}
