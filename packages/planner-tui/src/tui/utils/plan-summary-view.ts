import type { Plan } from '@tier-planner/cost-model';
import { counted, int, perUserUsd, usd } from '../../render/format.js';
import { nodeGroupRows } from '../../render/node-group-rows.js';
import { burstText, floorText } from '../../render/over-the-day.js';
import { totalUsd } from './money.js';
import { fit, joinWhileFits } from './text.js';

/** What runs: node groups (or Fargate tasks) and datastores, one fact per line, cut to `width`. */
export function capacityLines(plan: Plan, width: number): string[] {
  const out: string[] = [];
  for (const row of nodeGroupRows(plan.nodes)) {
    if ('parts' in row) {
      const p = row.parts;
      out.push(`${p.firstName} … ${p.lastName}: ${counted(p.groups, 'more group')}, ${int(p.nodes)} × ${p.instanceType} (parts of ${p.of}, managed node group quota)`);
      continue;
    }
    const g = row.group;
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
  if (rds) out.push(`db: ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${counted(rds.readReplicas, 'replica')}` : ''} · ${rds.binding} binds${rds.scaleOut ? ', one writer cannot carry it' : ''}`);
  if (cache) out.push(`cache: ${cache.nodes} × ${cache.nodeType}`);
  if (kafka) out.push(`kafka: ${kafka.brokers} × ${kafka.brokerType}`);
  const r = plan.resilience;
  if (r) {
    out.push(`survives: ${r.survives}${plan.ha ? ` · AZ headroom ${counted(r.extraNodes, 'node')}, ${counted(r.extraReplicas, 'replica')}, ${usd(r.headroomMonthly)}/mo` : ''}`);
    for (const d of r.datastores) out.push(`  ${d}`);
  }
  return out.map((l) => fit(l, width));
}

/**
 * The one-line verdict: total per month at the profile's point values, marked "$X+ (incomplete)"
 * when something could not be priced, then the demand behind it, then the cost per user. On a
 * narrow screen the per-user figure drops out first, then the demand, then the long caveat.
 */
export function totalLine(plan: Plan, width: number): string {
  const total = `Total ${totalUsd(plan.monthly)} / month`;
  // The explorer plans without samples: its total is at the profile's point values, and says so where it fits.
  const atPoint = `${total} at point values`;
  const demand = `(${int(plan.demand.peakRps)} req/s peak, ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'})`;
  const perUser = `${perUserUsd(plan.costPerUser)}${plan.monthly.complete ? '' : '+'} per user`;
  if (plan.monthly.complete) return atPoint.length <= width ? joinWhileFits([atPoint, demand, perUser], width, '  ') : fit(total, width);
  const n = plan.monthly.unpriced.length;
  const caveat = [`(incomplete: ${n} unpriced item${n === 1 ? '' : 's'} left out)`, '(incomplete)'].find((c) => total.length + 1 + c.length <= width);
  return caveat ? joinWhileFits([`${total} ${caveat}`, demand, perUser], width, '  ') : fit(total, width);
}
