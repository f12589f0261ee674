import type { Plan } from '../plan/plan-types.js';
import { decimalsAsStrings } from './decimals-as-strings.js';

export const PLAN_JSON_SCHEMA_VERSION = 1;
export const PLAN_JSON_KIND = 'tier-planner-plan';

/** The plan as plain JSON (planner-tui's schema/plan.v1.schema.json): money as exact decimal strings, maps as objects. */
export function planToJson(plan: Plan): unknown {
  const { capacity: _capacity, ...rest } = plan;
  const body = { kind: PLAN_JSON_KIND, schemaVersion: PLAN_JSON_SCHEMA_VERSION, ...rest, monthly: { total: plan.monthly.total, byService: plan.monthly.byService, complete: plan.monthly.complete, unpriced: plan.monthly.unpriced.length } };
  return JSON.parse(JSON.stringify(body, decimalsAsStrings));
}
