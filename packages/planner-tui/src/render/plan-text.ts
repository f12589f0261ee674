import type { Plan } from '@tier-planner/cost-model';
import { counted, grouped, int, num, qty, table, unitUsd, usd } from './format.js';
import { burstText, dailyLevelsText, floorText, peakText } from './over-the-day.js';
import { printable } from './printable.js';
import { incompleteNote, serviceCells } from './unpriced.js';

/** The plan as a readable text report: what runs, why, every line item, the total, the assumptions. */
export function renderPlanText(plan: Plan): string {
  const d = plan.demand;
  const out: string[] = [];
  out.push(`tier-planner: ${int(plan.users)} users · ${printable(plan.profile.name)} (${printable(plan.profile.title)}) · ${plan.region} · ${plan.purchase} · ${grouped(plan.hoursPerMonth)} h/month`);
  out.push(`price book: ${plan.priceBook.origin} snapshot generated ${plan.priceBook.generatedAt}`);
  out.push('');
  out.push(`Demand: ${int(d.dailyActiveUsers)} daily active users, ${int(d.requestsPerDay)} requests/day, peak ${num(d.peakRps)} req/s, ${num(d.peakConcurrentUsers, 0)} concurrent users, ${num(d.egressGbPerMonth)} GB/month out`);
  out.push(`Availability: ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ (HA starts at the profile threshold)'}`);
  out.push(`Over the day: ${dailyLevelsText(plan)}; ${peakText(plan)} at the peak`);
  out.push(`  floor: ${floorText(plan)} (what a commitment could cover)`);
  out.push(`  burst: ${burstText(plan)}`);
  if (plan.nodes.length) {
    out.push('', 'Node groups');
    for (const g of plan.nodes) {
      out.push(`  ${printable(g.name)}: ${int(g.count)} × ${g.instanceType} (min ${int(g.min)}, floor ${int(g.floor)}, desired ${int(g.desired)} at the peak, max ${int(g.max)}; ${g.binding} bound) — ${g.why}`);
      if (g.runnerUp) out.push(`    runner-up: ${int(g.runnerUp.count)} × ${g.runnerUp.instanceType}: ${g.runnerUp.why}`);
    }
  }
  if (plan.fargate.length) {
    out.push('', 'Fargate tasks');
    for (const t of plan.fargate) out.push(`  ${printable(t.service)}: ${int(t.count)} × ${grouped(t.vcpu)} vCPU / ${grouped(t.memoryGb)} GB at the peak, ${int(t.floor)} at the floor (${t.arch}${t.spot ? ', Spot' : ''})`);
  }
  out.push('', 'Services');
  for (const r of plan.replicas) out.push(`  ${printable(r.name)}: ${counted(r.desired, 'replica')} (load needs ${int(r.needed)}, floor ${int(r.floor)}, min ${int(r.minReplicas)}, HPA max ${int(r.maxReplicas)}), ${int(r.cpuMillicores)}m CPU / ${int(r.memoryMiB)} MiB each`);
  const { rds, cache, kafka } = plan.datastores;
  if (rds || cache || kafka) {
    out.push('', 'Datastores');
    if (rds) out.push(`  database: ${rds.engine} ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${counted(rds.readReplicas, 'read replica')}` : ''} — ${rds.why}`);
    if (cache) out.push(`  cache: ${int(cache.nodes)} × ${cache.nodeType} (${cache.engine}) — ${cache.why}`);
    if (kafka) out.push(`  kafka: ${int(kafka.brokers)} × ${kafka.brokerType}, ${grouped(kafka.storageGbPerBroker)} GB each — ${kafka.why}`);
  }
  const s = plan.storage;
  out.push('', 'Storage');
  if (s.nodeRootVolumes) out.push(`  node root volumes: ${int(s.nodeRootVolumes.count)} × ${grouped(s.nodeRootVolumes.sizeGb)} GB gp3 at the peak, ${int(s.nodeRootVolumes.floor)} always kept — ${s.nodeRootVolumes.why}`);
  for (const v of s.persistentVolumes) out.push(`  ${printable(v.name)}: ${int(v.count)} × ${grouped(v.sizeGb)} GB gp3 — ${v.why}`);
  if (s.database) out.push(`  database: ${grouped(s.database.storageGb)} GB gp3 × ${counted(s.database.instances, 'instance')} — ${s.database.why}`);
  out.push(`  S3: ${num(s.s3.standardGb)} GB Standard, ${num(s.s3.standardIaGb)} GB Standard-IA, ${num(s.s3.glacierInstantGb)} GB Glacier IR — ${s.s3.why}`);
  out.push(`  ECR: ${counted(s.ecr.repositories, 'repository', 'repositories')} × ${counted(s.ecr.retainedImages, 'image')} kept = ${num(s.ecr.storageGb)} GB`);
  out.push(`  logs: ${num(s.logs.ingestedGbPerMonth)} GB/month into ${s.logs.sink}, ${num(s.logs.storedGb)} GB kept`);
  out.push('', `CI: ${plan.ci.provider}, ${int(plan.ci.totalMinutes)} minutes/month — ${plan.ci.why}`);

  out.push('', 'Line items (monthly)');
  const rows: string[][] = [['service', 'resource', 'component', 'quantity', 'unit', 'unit price', 'monthly', 'price as of']];
  for (const i of plan.lineItems) {
    rows.push([
      printable(i.service),
      printable(i.resource),
      printable(i.component),
      qty(i.quantity),
      i.unit,
      i.unitPrice ? unitUsd(i.unitPrice) : '-',
      i.monthly ? usd(i.monthly) : 'UNPRICED',
      i.provenance ? `${i.provenance.asOf}${i.provenance.approximate ? ' (approx.)' : ''}` : printable(i.unpriced ?? ''),
    ]);
  }
  out.push(...table(rows, new Set([3, 5, 6])).map((l) => `  ${l}`));
  // Cells rounded so they add up to the total printed below.
  out.push('', 'By service');
  out.push(...table(serviceCells(plan).map(([svc, cell]) => [printable(svc), cell]), new Set([1])).map((l) => `  ${l}`));
  const defaulted = plan.assumptions.filter((a) => a.defaulted);
  out.push('', `Assumptions defaulted by tier-planner (${defaulted.length}; override them in a profile):`);
  for (const a of defaulted) out.push(`  ${a.name} = ${grouped(a.value)} ${a.unit}: ${a.why}`);
  if (plan.warnings.length) {
    out.push('', 'Warnings');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  if (plan.uncertainty) {
    const u = plan.uncertainty;
    // The seed stays as typed, so it can be passed back to --seed.
    out.push('', `Uncertainty (${int(u.samples)} samples, seed ${u.seed}, over ${u.sampled.join(', ') || 'no ranged assumption'}): P10 ${usd(u.p10)}, P50 ${usd(u.p50)}, P90 ${usd(u.p90)}`);
  }
  out.push('', `Total: ${usd(plan.monthly.total)} per month${incompleteNote(plan)}`);
  return out.join('\n') + '\n';
}
