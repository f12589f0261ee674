import type { Plan } from '@tier-planner/cost-model';
import { int, usd } from '../../render/format.js';
import { fit } from './text.js';

/** What runs: node groups (or Fargate tasks) and datastores, one fact per line, cut to `width`. */
export function capacityLines(plan: Plan, width: number): string[] {
  const out: string[] = [];
  for (const g of plan.nodes) {
    out.push(`${g.name}: ${g.count} × ${g.instanceType}  min ${g.min} · desired ${g.desired} · max ${g.max}`);
    out.push(`  why: ${g.why}`);
    if (g.runnerUp) out.push(`  runner-up: ${g.runnerUp.count} × ${g.runnerUp.instanceType} (${g.runnerUp.monthlyUsd} $/mo) — ${g.runnerUp.why}`);
  }
  if (plan.fargate.length) out.push(`Fargate tasks (${plan.fargate.reduce((n, t) => n + t.count, 0)}):`);
  for (const t of plan.fargate) out.push(`  ${t.service}: ${t.count} × ${t.vcpu} vCPU / ${t.memoryGb} GB ${t.arch}${t.spot ? ' spot' : ''}`);
  const { rds, cache, kafka } = plan.datastores;
  if (rds) out.push(`db: ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${rds.readReplicas} replica(s)` : ''}`);
  if (cache) out.push(`cache: ${cache.nodes} × ${cache.nodeType}`);
  if (kafka) out.push(`kafka: ${kafka.brokers} × ${kafka.brokerType}`);
  return out.map((l) => fit(l, width));
}

/** The one-line verdict: total per month, and a warning when something could not be priced. */
export function totalLine(plan: Plan): string {
  const unpriced = plan.monthly.complete ? '' : `  ! ${plan.monthly.unpriced.length} item(s) UNPRICED: total leaves them out`;
  return `Total ${usd(plan.monthly.total)} / month  (${int(plan.demand.peakRps)} req/s peak, ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'})${unpriced}`;
}
