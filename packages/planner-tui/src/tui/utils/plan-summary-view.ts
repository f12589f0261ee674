import type { Plan } from '@tier-planner/cost-model';
import { counted, int } from '../../render/format.js';
import { burstText, floorText } from '../../render/over-the-day.js';
import { totalUsd } from './money.js';
import { fit, joinWhileFits } from './text.js';

/** What runs: node groups (or Fargate tasks) and datastores, one fact per line, cut to `width`. */
export function capacityLines(plan: Plan, width: number): string[] {
  const out: string[] = [];
  for (const g of plan.nodes) {
    out.push(`${g.name}: ${g.count} × ${g.instanceType}  min ${g.min} · floor ${g.floor} · desired ${g.desired} (peak) · max ${g.max}`);
    out.push(`  why: ${g.why}`);
    if (g.runnerUp) out.push(`  runner-up: ${g.runnerUp.count} × ${g.runnerUp.instanceType} (${g.runnerUp.monthlyUsd} $/mo) — ${g.runnerUp.why}`);
  }
  if (plan.fargate.length) out.push(`Fargate tasks (${plan.fargate.reduce((n, t) => n + t.count, 0)}):`);
  for (const t of plan.fargate) out.push(`  ${t.service}: ${t.count} × ${t.vcpu} vCPU / ${t.memoryGb} GB ${t.arch}${t.spot ? ' spot' : ''}, floor ${t.floor}`);
  if (plan.nodes.length || plan.fargate.length) {
    out.push(`floor: ${floorText(plan)}`);
    out.push(`burst: ${burstText(plan)}`);
  }
  const { rds, cache, kafka } = plan.datastores;
  if (rds) out.push(`db: ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${counted(rds.readReplicas, 'replica')}` : ''}`);
  if (cache) out.push(`cache: ${cache.nodes} × ${cache.nodeType}`);
  if (kafka) out.push(`kafka: ${kafka.brokers} × ${kafka.brokerType}`);
  return out.map((l) => fit(l, width));
}

/**
 * The one-line verdict: total per month, marked "$X+ (incomplete)" when something could not be
 * priced, then the demand behind it. On a narrow screen the demand drops out first, then the long caveat.
 */
export function totalLine(plan: Plan, width: number): string {
  const total = `Total ${totalUsd(plan.monthly)} / month`;
  const demand = `(${int(plan.demand.peakRps)} req/s peak, ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'})`;
  if (plan.monthly.complete) return joinWhileFits([total, demand], width, '  ');
  const n = plan.monthly.unpriced.length;
  const caveat = [`(incomplete: ${n} unpriced item${n === 1 ? '' : 's'} left out)`, '(incomplete)'].find((c) => total.length + 1 + c.length <= width);
  return caveat ? joinWhileFits([`${total} ${caveat}`, demand], width, '  ') : fit(total, width);
}
