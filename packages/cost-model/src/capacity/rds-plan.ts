import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { RdsSpec } from '../profiles/profile-types.js';
import { PlanningError, type RdsBinding, type RdsDrivers, type RdsPlan, type ServiceReplicas } from './capacity-types.js';
import { cheaperClass, type ManagedClass } from './managed-classes.js';
import { rdsLoadInputs } from './rds-assumptions.js';
import { rdsClassOptions, type RdsClassOption } from './rds-classes.js';
import {
  GP3_MAX_IOPS,
  GP3_MAX_MIBPS,
  GP3_STRIPING_THRESHOLD_GIB,
  MAX_READ_REPLICAS,
  exact,
  fitsMemory,
  gp3Limits,
} from './rds-class-limits.js';
import { onWriter, rdsLoad, throughputMiBps, type RdsLoad } from './rds-load.js';
import { numberText } from '../number-text.js';

/** Read replicas from the largest tier whose fromUsers ≤ users (0 below the first tier). */
export function readReplicasFor(spec: RdsSpec, users: number): number {
  let best: { fromUsers: number; replicas: number } | undefined;
  for (const tier of spec.readReplicas ?? []) {
    if (tier.fromUsers <= users && (!best || tier.fromUsers >= best.fromUsers)) best = tier;
  }
  return best?.replicas ?? 0;
}

export interface RdsInput {
  readonly users: number;
  readonly ha: boolean;
  readonly peakRps: number;
  readonly averageRps: number;
  readonly databaseGb: number;
  /** The capacity stage's service replicas (pools are sized on their max replicas). */
  readonly replicas: readonly ServiceReplicas[];
}

interface Candidate {
  readonly writer: ManagedClass;
  /** The same class Single-AZ, as read replicas are priced. */
  readonly replica: ManagedClass | undefined;
  readonly readReplicas: number;
  readonly drivers: RdsDrivers;
  /** Drivers this class (with up to 15 replicas) cannot carry. */
  readonly over: readonly string[];
  readonly burstableOverBaseline: boolean;
  /** For ranking: instance-hours over a 730-hour month plus gp3 storage and provisioned IOPS on every instance. */
  readonly monthly: number;
}

interface StoragePrices {
  readonly writerGb: number;
  readonly replicaGb: number;
  readonly writerIops: number;
  readonly replicaIops: number;
}

const RANKING_HOURS = 730;

const fmt = (x: number, digits: 0 | 1 | 2 = 0): string => numberText(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The database sized by everything that loads it: the writer class must hold the working set in
 * memory, carry the writes (and the reads, until replicas take them) in CPU at the target utilisation, accept every
 * pool's connections and move its storage traffic within the class's EBS bandwidth. Read replicas
 * (the same class) take reads when one writer cannot; the profile's tiers are a minimum. The
 * cheapest writer + replicas that carries it all wins; when none can, the largest allowed writer
 * is planned and the plan says one writer cannot carry the load.
 */
export function planRds(spec: RdsSpec, book: PriceBook, input: RdsInput): RdsPlan {
  const deployment = input.ha ? 'multi-az' : 'single-az';
  const memoryGiBNeeded = spec.memoryGiBBase + (spec.memoryGiBPerMillionUsers * input.users) / 1e6;
  const inputs = rdsLoadInputs(spec);
  const connecting = spec.connectingServices ? new Set(spec.connectingServices) : undefined;
  const connectingReplicas = input.replicas.filter((r) => !connecting || connecting.has(r.name)).reduce((n, r) => n + r.maxReplicas, 0);
  const load = rdsLoad(input.peakRps, input.averageRps, connectingReplicas, inputs);
  const dataGiB = Math.max(spec.minStorageGb, Math.ceil(input.databaseGb * PLAN_DEFAULTS.databaseHeadroom.value));
  const minReplicas = readReplicasFor(spec, input.users);

  const options = rdsClassOptions(book, spec.engine, deployment, spec.classFamilies);
  if (options.length === 0) throw new PlanningError('NO_CLASS_FITS', `the price book has no RDS ${spec.engine} ${deployment} class in ${spec.classFamilies.join(', ')}`);
  const onlyBurstable = options.every((o) => o.burstable);

  const usd = (key: string) => Number(book.price(key)?.usd ?? 0);
  const prices: StoragePrices = {
    writerGb: usd(`rds/${spec.engine}/gp3/storage/${deployment}`),
    replicaGb: usd(`rds/${spec.engine}/gp3/storage/single-az`),
    writerIops: usd(`rds/${spec.engine}/gp3/iops/${deployment}`),
    replicaIops: usd(`rds/${spec.engine}/gp3/iops/single-az`),
  };
  const candidates = options.map((o) => evaluate(o, memoryGiBNeeded, load, dataGiB, minReplicas, prices));
  const fits = candidates.filter((c) => c.over.length === 0 && (onlyBurstable || !c.burstableOverBaseline));
  // Only burstable classes carry it but above their baseline: keep the cheapest and warn (below).
  const carried = fits.length > 0 ? fits : candidates.filter((c) => c.over.length === 0);
  const chosen = [...carried].sort(byCost)[0] ?? largest(candidates);
  const scaleOut = carried.length === 0;
  const skippedBurstable = !onlyBurstable && candidates.some((c) => c.over.length === 0 && c.burstableOverBaseline && c.monthly < chosen.monthly);
  const binding = bindingOf(chosen.drivers);

  const warnings: string[] = [];
  if (scaleOut) warnings.push(scaleOutWarning(chosen));
  if (chosen.burstableOverBaseline) {
    warnings.push(
      `RDS ${chosen.writer.className}: the 24-hour average CPU of the busiest instance (${fmt(chosen.drivers.sustainedVcpu, 2)} vCPU) is above the assumed baseline (${fmt(chosen.drivers.baselineVcpu ?? 0, 2)} vCPU) and the profile allows only db.t* classes: it spends more CPU credits than it earns; RDS T3/T4g instances run in Unlimited mode (RDS User Guide), so AWS bills the surplus, which is unpriced here (the price book has no RDS CPU-credit price)`,
    );
  }
  const storage = storagePlan(chosen, dataGiB, deployment);
  warnings.push(...storage.warnings);

  return {
    engine: spec.engine,
    instanceClass: chosen.writer.className,
    deployment,
    readReplicas: chosen.readReplicas,
    memoryGiBNeeded,
    drivers: chosen.drivers,
    binding,
    storageGb: storage.storageGb,
    extraIops: storage.extraIops,
    scaleOut,
    warnings,
    why: whyOf(chosen, spec, deployment, minReplicas, binding, scaleOut, skippedBurstable) + storage.why,
  };
}

function evaluate(
  option: RdsClassOption,
  memoryGiBNeeded: number,
  load: RdsLoad,
  dataGiB: number,
  minReplicas: number,
  prices: StoragePrices,
): Candidate {
  const { inputs } = load;
  const { writer, replica, maxConnections, baselineVcpu } = option;
  const capacity = writer.vcpu * inputs.targetCpuUtilization;
  // One writer takes everything while it can; past that, reads move to replicas of the same class
  // (read/write split), as many as the reads need (at least the profile's tiers, at most RDS's 15).
  const alone = load.peakWriteVcpu + load.peakReadVcpu <= capacity;
  const byReads = alone || load.peakReadVcpu === 0 ? 0 : Math.ceil(load.peakReadVcpu / capacity - 1e-9);
  const readReplicas = Math.min(MAX_READ_REPLICAS, Math.max(minReplicas, byReads));
  const readsOverReplicas = readReplicas > 0 && load.peakReadVcpu / readReplicas > capacity + 1e-9;
  const iopsNeeded = onWriter(load.peakWriteIops, load.peakReadIops, readReplicas);
  const replicaSustained = readReplicas > 0 ? load.averageReadVcpu / readReplicas : 0;
  const throughputNeeded = throughputMiBps(iopsNeeded, inputs);
  const storage = storageFor(iopsNeeded, throughputNeeded, dataGiB);
  const gp3 = gp3Limits(storage.storageGb);
  const drivers: RdsDrivers = {
    peakQueriesPerSecond: load.peakQueriesPerSecond,
    readShare: inputs.readShare,
    targetCpuUtilization: inputs.targetCpuUtilization,
    vcpuNeeded: onWriter(load.peakWriteVcpu, load.peakReadVcpu, readReplicas) / inputs.targetCpuUtilization,
    vcpu: writer.vcpu,
    sustainedVcpu: Math.max(onWriter(load.averageWriteVcpu, load.averageReadVcpu, readReplicas), replicaSustained),
    ...(baselineVcpu !== undefined && { baselineVcpu }),
    connectionsNeeded: load.connectionsNeeded,
    maxConnections,
    iopsNeeded,
    baselineIops: gp3.baselineIops,
    throughputMiBpsNeeded: throughputNeeded,
    baselineThroughputMiBps: gp3.baselineMiBps,
    ...(option.maxEbsThroughputMiBps !== undefined && { maxEbsThroughputMiBps: option.maxEbsThroughputMiBps }),
    memoryGiBNeeded,
    memoryGiB: writer.memoryGiB,
  };
  const over: string[] = [];
  if (!fitsMemory(memoryGiBNeeded, writer.memoryGiB)) over.push('memory');
  if (drivers.vcpuNeeded > writer.vcpu + 1e-9) over.push('writes');
  if (readsOverReplicas) over.push('reads (15 replicas)');
  if (drivers.connectionsNeeded > maxConnections) over.push('connections');
  if (iopsNeeded > GP3_MAX_IOPS) over.push('IOPS');
  const ebsCap = Math.min(GP3_MAX_MIBPS, drivers.maxEbsThroughputMiBps ?? Infinity);
  if (drivers.throughputMiBpsNeeded > ebsCap) over.push('EBS bandwidth');
  const burstableOverBaseline = option.burstable && (baselineVcpu === undefined || drivers.sustainedVcpu > baselineVcpu);
  const hourly = writer.hourlyUsd + readReplicas * (replica?.hourlyUsd ?? writer.hourlyUsd);
  const monthly =
    hourly * RANKING_HOURS +
    storage.storageGb * (prices.writerGb + readReplicas * prices.replicaGb) +
    storage.extraIops * (prices.writerIops + readReplicas * prices.replicaIops);
  return { writer, replica, readReplicas, drivers, over, burstableOverBaseline, monthly };
}

function byCost(a: Candidate, b: Candidate): number {
  return a.monthly - b.monthly || cheaperClass(a.writer, b.writer);
}

/** No class carries it: the one with the most vCPU, then memory, then the cheaper. */
function largest(all: readonly Candidate[]): Candidate {
  return [...all].sort((a, b) => b.writer.vcpu - a.writer.vcpu || b.writer.memoryGiB - a.writer.memoryGiB || byCost(a, b))[0]!;
}

/** The driver closest to (or furthest past) the class's limit. */
function bindingOf(d: RdsDrivers): RdsBinding {
  const ratios: [RdsBinding, number][] = [
    ['memory', d.memoryGiBNeeded / d.memoryGiB],
    ['cpu', d.vcpuNeeded / d.vcpu],
    ['connections', d.connectionsNeeded / d.maxConnections],
    ['storage-throughput', d.throughputMiBpsNeeded / Math.min(GP3_MAX_MIBPS, d.maxEbsThroughputMiBps ?? Infinity)],
  ];
  return ratios.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function scaleOutWarning(c: Candidate): string {
  const d = c.drivers;
  const parts = c.over.map((o) =>
    o === 'writes' ? `writes need ${fmt(d.vcpuNeeded, 1)} vCPU (at ${fmt(d.targetCpuUtilization * 100)}% CPU) of ${d.vcpu} (shard the writes or move to Aurora)`
    : o === 'connections' ? `${fmt(d.connectionsNeeded)} pool connections against max_connections ${fmt(d.maxConnections)} (put RDS Proxy or a pooler in front)`
    : o === 'memory' ? `the working set needs ${exact(d.memoryGiBNeeded)} GiB against ${d.memoryGiB} GiB (shard the data)`
    : o === 'IOPS' ? `${fmt(d.iopsNeeded)} IOPS against gp3's ${fmt(GP3_MAX_IOPS)} (shard, or io2 storage)`
    : o === 'EBS bandwidth' ? `${fmt(d.throughputMiBpsNeeded, 1)} MiB/s of storage traffic against ${fmt(Math.min(GP3_MAX_MIBPS, d.maxEbsThroughputMiBps ?? Infinity), 1)} MiB/s of EBS bandwidth (shard)`
    : `reads need more than ${MAX_READ_REPLICAS} read replicas (add a cache or shard)`,
  );
  return `RDS: one writer cannot carry this load: even ${c.writer.className}, the largest allowed class in the price book, falls short: ${parts.join('; ')}. The plan keeps it as the floor; scale out.`;
}

/** gp3 allocation: the data, raised to the striping threshold when the load passes the small-volume baseline. */
function storageFor(iopsNeeded: number, throughputMiBpsNeeded: number, dataGiB: number): { storageGb: number; extraIops: number } {
  const small = gp3Limits(0);
  const overBaseline = iopsNeeded > small.baselineIops || throughputMiBpsNeeded > small.baselineMiBps;
  // Below the striping threshold gp3 cannot be provisioned: allocate the threshold, whose baseline is higher.
  const storageGb = overBaseline ? Math.max(dataGiB, GP3_STRIPING_THRESHOLD_GIB) : dataGiB;
  const extraIops = Math.max(0, Math.min(GP3_MAX_IOPS, Math.ceil(iopsNeeded)) - gp3Limits(storageGb).baselineIops);
  return { storageGb, extraIops };
}

function storagePlan(c: Candidate, dataGiB: number, deployment: string): { storageGb: number; extraIops: number; why: string; warnings: string[] } {
  const d = c.drivers;
  const warnings: string[] = [];
  const { storageGb, extraIops } = storageFor(d.iopsNeeded, d.throughputMiBpsNeeded, dataGiB);
  const gp3 = gp3Limits(storageGb);
  let why = `; storage needs ${fmt(d.iopsNeeded)} IOPS`;
  if (storageGb > dataGiB) why += `: ${fmt(storageGb)} GiB allocated for gp3's ${fmt(gp3.baselineIops)} IOPS baseline from ${GP3_STRIPING_THRESHOLD_GIB} GiB`;
  else why += extraIops > 0 ? `: gp3's ${fmt(gp3.baselineIops)} baseline` : `, within gp3's ${fmt(gp3.baselineIops)} baseline`;
  if (extraIops > 0) why += ` + ${fmt(extraIops)} provisioned (${deployment})`;
  why += '.';
  if (d.throughputMiBpsNeeded > gp3.baselineMiBps) {
    warnings.push(`RDS gp3 throughput: ${fmt(d.throughputMiBpsNeeded, 1)} MiB/s needed, ${gp3.baselineMiBps} MiB/s included; the extra throughput is unpriced (the price book has no RDS gp3 provisioned-throughput price)`);
  }
  if (d.maxEbsThroughputMiBps === undefined) warnings.push(`RDS ${c.writer.className}: the price book has no EBS bandwidth for this class; storage throughput was not checked against it`);
  return { storageGb, extraIops, why, warnings };
}

function whyOf(c: Candidate, spec: RdsSpec, deployment: string, minReplicas: number, binding: RdsBinding, scaleOut: boolean, skippedBurstable: boolean): string {
  const d = c.drivers;
  const head = scaleOut
    ? `${c.writer.className} is the largest ${deployment} ${spec.engine} class allowed (${spec.classFamilies.join(', ')}) and one writer cannot carry the load (${c.over.join(', ')}): scale out`
    : `${c.writer.className} (${c.writer.vcpu} vCPU, ${c.writer.memoryGiB} GiB) is the cheapest ${deployment} ${spec.engine} writer in ${spec.classFamilies.join(', ')} that carries the load; ${binding} binds`;
  const figures =
    `: working set ${exact(d.memoryGiBNeeded)} GiB; ${fmt(d.peakQueriesPerSecond)} queries/s at the peak, ${fmt(d.vcpuNeeded, 2)} vCPU on the writer at ${fmt(c.drivers.readShare * 100)}% reads` +
    `; ${fmt(d.connectionsNeeded)} pool connections of max_connections ${fmt(d.maxConnections)}`;
  const replicas =
    c.readReplicas === 0 ? ''
    : c.readReplicas > minReplicas ? `; ${c.readReplicas} read replica${c.readReplicas > 1 ? 's' : ''} of the same class take reads the writer cannot`
    : `; ${c.readReplicas} read replica${c.readReplicas > 1 ? 's' : ''} from the read-replica tiers`;
  const burst = skippedBurstable ? '; cheaper db.t* classes skipped: their 24-hour average CPU would exceed the assumed baseline' : '';
  return head + figures + replicas + burst;
}
