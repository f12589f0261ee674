import type { Plan } from '@tier-planner/cost-model';
import { numberText } from '@tier-planner/cost-model';
import { counted, grouped, int, num, perUserUsd, qty, table, unitUsd, usd } from './format.js';
import { nodeGroupRows, type SplitParts } from './node-group-rows.js';
import { burstText, dailyLevelsText, floorText, peakText } from './over-the-day.js';
import { printable } from './printable.js';
import { headlineText } from './headline.js';
import { incompleteNote, serviceCells } from './unpriced.js';
import { adjustmentLines } from './adjustments.js';
import { purchaseLines, purchaseText } from './purchase-text.js';

/** "workers-2 … workers-331: 330 more node groups, 148,362 × t3a.medium (448–450 each) — …". */
function splitPartsLine(p: SplitParts): string {
  const names = p.groups === 1 ? printable(p.firstName) : `${printable(p.firstName)} … ${printable(p.lastName)}`;
  const each = p.fewest === p.most ? int(p.fewest) : `${int(p.fewest)}–${int(p.most)}`;
  return `  ${names}: ${counted(p.groups, 'more node group')}, ${int(p.nodes)} × ${p.instanceType} (${each} each) — parts of node group ${printable(p.of)} at the managed node group quota`;
}

/** The plan as a readable text report: what runs, why, every line item, the total, the assumptions. */
export function renderPlanText(plan: Plan): string {
  const d = plan.demand;
  const out: string[] = [];
  out.push(`tier-planner: ${int(plan.users)} users · ${printable(plan.profile.name)} (${printable(plan.profile.title)}) · ${plan.region} · ${purchaseText(plan)} · ${grouped(plan.hoursPerMonth)} h/month`);
  out.push(`price book: ${plan.priceBook.origin} snapshot generated ${plan.priceBook.generatedAt}`);
  out.push('');
  out.push(`Demand: ${int(d.dailyActiveUsers)} daily active users, ${int(d.requestsPerDay)} requests/day, peak ${num(d.peakRps)} req/s, ${num(d.peakConcurrentUsers, 0)} concurrent users, ${num(d.egressGbPerMonth)} GB/month out`);
  if (plan.scenario) out.push(`Scenario: ${printable(plan.scenario.name)} (${printable(plan.scenario.title)}): ${plan.scenario.why}; source: ${printable(plan.scenario.source)}`);
  out.push(`Availability: ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ (HA starts at the profile threshold)'}`);
  if (plan.resilience) {
    const r = plan.resilience;
    out.push(`Survives: ${r.survives} — ${r.why}`);
    for (const d of r.datastores) out.push(`  ${d}`);
  }
  out.push(`Over the day: ${dailyLevelsText(plan)}; ${peakText(plan)} at the peak`);
  out.push(`  floor: ${floorText(plan)} (what a commitment could cover)`);
  out.push(`  burst: ${burstText(plan)}`);
  if (plan.nodes.length) {
    out.push('', 'Node groups');
    for (const row of nodeGroupRows(plan.nodes)) {
      if ('parts' in row) {
        out.push(splitPartsLine(row.parts));
        continue;
      }
      const g = row.group;
      out.push(`  ${printable(g.name)}: ${int(g.count)} × ${g.instanceType} (min ${int(g.min)}, floor ${int(g.floor)}, desired ${int(g.desired)} at the peak, max ${int(g.max)}; ${g.binding} bound) — ${g.why}`);
      if (g.runnerUp) out.push(`    runner-up: ${int(g.runnerUp.count)} × ${g.runnerUp.instanceType}: ${g.runnerUp.why}`);
    }
  }
  const addOns = plan.capacity.addOns;
  const sized = addOns?.pods.filter((a) => a.why !== undefined) ?? [];
  if (addOns && sized.length) {
    out.push('', `Cluster add-ons sized by their drivers (for ${int(addOns.sizedForNodes)} nodes, ${int(addOns.sizedForVcpus)} vCPUs; ${counted(addOns.passes, 'packing pass', 'packing passes')})`);
    for (const a of sized) out.push(`  ${printable(a.name)}: ${int(a.replicas)} × ${int(a.cpuMillicores)}m CPU / ${int(a.memoryMiB)} MiB — ${a.why}`);
  }
  if (plan.fargate.length) {
    out.push('', 'Fargate tasks');
    for (const t of plan.fargate) out.push(`  ${printable(t.service)}: ${int(t.count)} × ${grouped(t.vcpu)} vCPU / ${grouped(t.memoryGb)} GB at the peak, ${int(t.floor)} at the floor (${t.arch}${t.spot ? ', Spot' : ''})`);
  }
  out.push('', 'Services');
  for (const r of plan.replicas) out.push(`  ${printable(r.name)}: ${counted(r.desired, 'replica')} (load needs ${int(r.needed)}, floor ${int(r.floor)}, min ${int(r.minReplicas)}, HPA max ${int(r.maxReplicas)}), ${int(r.cpuMillicores)}m CPU / ${int(r.memoryMiB)} MiB each${r.why ? ` — ${r.why}` : ''}`);
  const { rds, cache, kafka } = plan.datastores;
  if (rds || cache || kafka) {
    out.push('', 'Datastores');
    if (rds) {
      const v = rds.drivers;
      out.push(`  database: ${rds.engine} ${rds.instanceClass} ${rds.deployment}${rds.readReplicas ? ` + ${counted(rds.readReplicas, 'read replica')}` : ''} — ${rds.why}`);
      out.push(
        `    drivers (${rds.binding} binds${rds.scaleOut ? '; one writer cannot carry it' : ''}): CPU ${num(v.vcpuNeeded)} of ${int(v.vcpu)} vCPU · connections ${int(v.connectionsNeeded)} of ${int(v.maxConnections)} · ` +
          `IOPS ${int(Math.ceil(v.iopsNeeded))} (gp3 baseline ${int(v.baselineIops)}) · memory ${numberText(rds.memoryGiBNeeded, { maximumSignificantDigits: 12 })} of ${grouped(v.memoryGiB)} GiB`,
      );
    }
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
  out.push(...partsLines(plan));

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
  out.push(...adjustmentLines(plan));
  const purchase = purchaseLines(plan);
  if (purchase.length) out.push('', `Purchase: ${purchaseText(plan)}`, ...purchase.map((l) => `  ${l}`));
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
  out.push('', `Total: ${headlineText(plan)}${incompleteNote(plan)}`);
  out.push(`Per user: ${perUserUsd(plan.costPerUser)} per user per month (${int(plan.users)} users)`);
  out.push(...environmentLines(plan));
  return out.join('\n') + '\n';
}

/** Other environments, each its own smaller plan, and everything together. */
export function environmentLines(plan: Plan): string[] {
  if (!plan.environments?.length || !plan.withEnvironments) return [];
  const out = ['', 'Other environments (each its own plan; not in the total above)'];
  for (const e of plan.environments) out.push(`  ${printable(e.name)}: ${usd(e.monthly.total)} per month${e.monthly.complete ? '' : '*'}, ${perUserUsd(e.costPerUser)} per user — ${e.why}`);
  const all = plan.withEnvironments;
  out.push(`With other environments: ${usd(all.total)} per month${all.complete ? '' : ' (incomplete)'}, ${perUserUsd(all.costPerUser)} per production user`);
  return out;
}

/** What each optional part adds and what drives it. */
export function partsLines(plan: Plan): string[] {
  const p = plan.parts;
  if (!p) return [];
  const out = ['', 'Optional parts'];
  if (p.cdn) out.push(`  CDN: CloudFront sends ${num(p.cdn.dataOutGb)} GB/month, ${int(p.cdn.httpsRequests)} HTTPS requests — ${p.cdn.why}`);
  if (p.waf) out.push(`  WAF: one web ACL on ${p.waf.on === 'cloudfront' ? 'CloudFront' : 'the ALB'}, ${counted(p.waf.rules, 'rule')}, ${int(p.waf.requests)} requests inspected/month`);
  if (p.backups) {
    const rds = p.backups.rdsStoredGb !== undefined ? `; RDS backups ${num(p.backups.rdsStoredGb)} GB kept, ${num(p.backups.rdsFreeGb ?? 0)} GB free` : '';
    const snaps = p.backups.snapshotGb !== undefined ? `; EBS snapshots ${num(p.backups.snapshotGb)} GB` : '';
    out.push(`  backups: kept ${counted(p.backups.retentionDays, 'day')}${rds}${snaps}`);
  }
  if (p.vpcEndpoints) out.push(`  VPC endpoints: ${num(p.vpcEndpoints.natGbRemoved)} GB/month off NAT — ${p.vpcEndpoints.why}`);
  if (p.support) out.push(`  AWS Support: ${p.support} (a share of the month's AWS charges, at least its minimum)`);
  return out;
}
