import type { Plan } from '@tier-planner/cost-model';
import { decimalsAsStrings } from './json.js';

export const PLAN_JSON_SCHEMA_VERSION = 1;

/** The plan as plain JSON (schema/plan.v1.schema.json): money as exact decimal strings, maps as objects. */
export function planToJson(plan: Plan): unknown {
  const { capacity: _capacity, ...rest } = plan;
  const body = { kind: 'tier-planner-plan', schemaVersion: PLAN_JSON_SCHEMA_VERSION, ...rest, monthly: { total: plan.monthly.total, byService: plan.monthly.byService, complete: plan.monthly.complete, unpriced: plan.monthly.unpriced.length } };
  return JSON.parse(JSON.stringify(body, decimalsAsStrings));
}
