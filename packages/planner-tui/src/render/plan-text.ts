import type { Plan } from '@tier-planner/cost-model';
import { int, num, qty, table, usd } from './format.js';

/** The plan as a readable text report: what runs, why, every line item, the total, the assumptions. */
export function renderPlanText(plan: Plan): string {
  const d = plan.demand;
  const out: string[] = [];
  out.push(`tier-planner: ${int(plan.users)} users · ${plan.profile.name} (${plan.profile.title}) · ${plan.region} · ${plan.purchase} · ${plan.hoursPerMonth} h/month`);
  out.push(`price book: ${plan.priceBook.origin} snapshot generated ${plan.priceBook.generatedAt}`);
  out.push('');
  out.push(`Demand: ${int(d.dailyActiveUsers)} daily active users, ${int(d.requestsPerDay)} requests/day, peak ${num(d.peakRps)} req/s, ${num(d.peakConcurrentUsers, 0)} concurrent users, ${num(d.egressGbPerMonth)} GB/month out`);
  out.push(`Availability: ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ (HA starts at the profile threshold)'}`);
  if (plan.nodes.length) {
    out.push('', 'Node groups');
    for (const g of plan.nodes) {
      out.push(`  ${g.name}: ${g.count} × ${g.instanceType} (min ${g.min}, desired ${g.desired}, max ${g.max}; ${g.binding} bound) — ${g.why}`);
      if (g.runnerUp) out.push(`    runner-up: ${g.runnerUp.count} × ${g.runnerUp.instanceType}: ${g.runnerUp.why}`);
    }
  }
  if (plan.fargate.length) {
    out.push('', 'Fargate tasks');
    for (const t of plan.fargate) out.push(`  ${t.service}: ${t.count} × ${t.vcpu} vCPU / ${t.memoryGb} GB (${t.arch}${t.spot ? ', Spot' : ''})`);
  }
  out.push('', 'Services');
  for (const r of plan.replicas) out.push(`  ${r.name}: ${r.desired} replicas (load needs ${r.needed}, min ${r.minReplicas}, HPA max ${r.maxReplicas}), ${r.cpuMillicores}m CPU / ${r.memoryMiB} MiB each`);
  const { rds, cache, kafka } = plan.datastores;
  if (rds || cache || kafka) {
    out.push('', 'Datastores');
    if (rds) out.push(`  database: ${rds.engine} ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${rds.readReplicas} read replica(s)` : ''} — ${rds.why}`);
    if (cache) out.push(`  cache: ${cache.nodes} × ${cache.nodeType} (${cache.engine}) — ${cache.why}`);
    if (kafka) out.push(`  kafka: ${kafka.brokers} × ${kafka.brokerType}, ${kafka.storageGbPerBroker} GB each — ${kafka.why}`);
  }
  const s = plan.storage;
  out.push('', 'Storage');
  if (s.nodeRootVolumes) out.push(`  node root volumes: ${s.nodeRootVolumes.count} × ${s.nodeRootVolumes.sizeGb} GB gp3`);
  for (const v of s.persistentVolumes) out.push(`  ${v.name}: ${v.count} × ${v.sizeGb} GB gp3 — ${v.why}`);
  if (s.database) out.push(`  database: ${s.database.storageGb} GB gp3 × ${s.database.instances} instance(s) — ${s.database.why}`);
  out.push(`  S3: ${num(s.s3.standardGb)} GB Standard, ${num(s.s3.standardIaGb)} GB Standard-IA, ${num(s.s3.glacierInstantGb)} GB Glacier IR — ${s.s3.why}`);
  out.push(`  ECR: ${s.ecr.repositories} repositories × ${s.ecr.retainedImages} images kept = ${num(s.ecr.storageGb)} GB`);
  out.push(`  logs: ${num(s.logs.ingestedGbPerMonth)} GB/month into ${s.logs.sink}, ${num(s.logs.storedGb)} GB kept`);
  out.push('', `CI: ${plan.ci.provider}, ${int(plan.ci.totalMinutes)} minutes/month — ${plan.ci.why}`);

  out.push('', 'Line items (monthly)');
  const rows: string[][] = [['service', 'resource', 'component', 'quantity', 'unit', 'unit price', 'monthly', 'price as of']];
  for (const i of plan.lineItems) {
    rows.push([
      i.service,
      i.resource,
      i.component,
      qty(i.quantity),
      i.unit,
      i.unitPrice ? `$${i.unitPrice.toDecimalPlaces(6).toString()}` : '-',
      i.monthly ? usd(i.monthly) : 'UNPRICED',
      i.provenance ? `${i.provenance.asOf}${i.provenance.approximate ? ' (approx.)' : ''}` : (i.unpriced ?? ''),
    ]);
  }
  out.push(...table(rows, new Set([3, 5, 6])).map((l) => `  ${l}`));
  out.push('', 'By service');
  out.push(...table([...plan.monthly.byService].map(([svc, v]) => [svc, usd(v)]), new Set([1])).map((l) => `  ${l}`));
  const defaulted = plan.assumptions.filter((a) => a.defaulted);
  out.push('', `Assumptions defaulted by tier-planner (${defaulted.length}; override them in a profile):`);
  for (const a of defaulted) out.push(`  ${a.name} = ${a.value} ${a.unit}: ${a.why}`);
  if (plan.warnings.length) {
    out.push('', 'Warnings');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  if (plan.uncertainty) {
    const u = plan.uncertainty;
    out.push('', `Uncertainty (${u.samples} samples, seed ${u.seed}, over ${u.sampled.join(', ') || 'no ranged assumption'}): P10 ${usd(u.p10)}, P50 ${usd(u.p50)}, P90 ${usd(u.p90)}`);
  }
  out.push('', `Total: ${usd(plan.monthly.total)} per month${plan.monthly.complete ? '' : ` (incomplete: ${plan.monthly.unpriced.length} item(s) unpriced)`}`);
  return out.join('\n') + '\n';
}
