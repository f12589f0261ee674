// PromQL fragments that scope queries to the plan picked in the dashboard's `plan` variable.

/** Label matcher for the selected plan (the variable is single-valued). */
export const PLAN = 'plan="$plan"';

/**
 * Keeps only the series of exporters that serve the selected plan: metrics without a `plan`
 * label (errors, requests, API spend) are per exporter, so join them on the exporter's target.
 * `tier_planner_plan_info` is always 1, so multiplying by it leaves the values unchanged.
 */
export function onExportersServingPlan(expr: string, infoRange?: string): string {
  const info = infoRange ? `max_over_time(tier_planner_plan_info{${PLAN}}[${infoRange}])` : `tier_planner_plan_info{${PLAN}}`;
  return `${expr} * on (job, instance) group_left () max by (job, instance) (${info})`;
}

/** Sum over a plan's services of a per-service cost metric. */
export const planTotal = (metric: string): string => `sum by (plan) (${metric}{${PLAN}})`;

/**
 * A per-service cost metric for the plan, one series per service. The label is `aws_service`:
 * Kubernetes service discovery sets a `service` target label that would overwrite a `service` one.
 */
export const byService = (metric: string): string => `sum by (aws_service) (${metric}{${PLAN}})`;
