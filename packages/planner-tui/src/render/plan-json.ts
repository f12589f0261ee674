import type { Plan } from '@tier-planner/cost-model';

export const PLAN_JSON_SCHEMA_VERSION = 1;

/** The plan as plain JSON: money as exact decimal strings, maps as objects. Stable for other tools. */
export function planToJson(plan: Plan): unknown {
  return JSON.parse(
    JSON.stringify(
      { schemaVersion: PLAN_JSON_SCHEMA_VERSION, kind: 'tier-planner-plan', ...plan, monthly: { total: plan.monthly.total, byService: Object.fromEntries(plan.monthly.byService), complete: plan.monthly.complete, unpriced: plan.monthly.unpriced.length } },
      (_key, value) => (value !== null && typeof value === 'object' && typeof value.toFixed === 'function' && typeof value.plus === 'function' ? value.toString() : value),
    ),
  );
}
