import type { LineItem } from '../cost/line-item.js';
import { ZERO, sum, type Decimal } from '../cost/money.js';
import type { Plan } from '../plan/plan-types.js';

/** One assumption a service's cost moves with, and how much of that cost it moves. */
export interface CostDriver {
  /** The assumption's path: "workload.egressKiBPerRequest", "services.web-api.cpuSecondsPerRequest", "rds.cpuMsPerQuery". */
  readonly key: string;
  /** For the reader: "CPU per request (web-api)". */
  readonly label: string;
  /** The service's monthly cost on the line items this assumption scales, USD. */
  readonly drivenUsd: Decimal;
  /** What to measure to pin it down. */
  readonly measure: string;
}

interface DriverSpec {
  readonly key: string;
  readonly label: string;
  readonly measure: string;
}

const W = {
  requests: { key: 'workload.requestsPerActiveUserPerDay', label: 'requests per active user', measure: 'requests a day ÷ daily active users (ingress request counters)' },
  dau: { key: 'workload.dauPerMau', label: 'daily active share of users', measure: 'daily active users ÷ monthly users (product analytics or a users gauge)' },
  peak: { key: 'workload.peakToAverage', label: 'peak ÷ average', measure: "the busiest hour's request rate ÷ the window's average" },
  egress: { key: 'workload.egressKiBPerRequest', label: 'egress per request', measure: 'response bytes sent to the internet ÷ requests (load balancer or ingress byte counters)' },
  logs: { key: 'workload.logBytesPerRequest', label: 'log bytes per request', measure: 'log bytes ingested ÷ requests (CloudWatch Logs IncomingBytes)' },
  objects: { key: 'workload.objectMiBPerUser', label: 'objects per user', measure: "S3 bytes stored ÷ users (S3's daily storage metrics in CloudWatch)" },
  dbData: { key: 'workload.dbMiBPerUser', label: 'database data per user', measure: 'database size ÷ users' },
} as const satisfies Record<string, DriverSpec>;

const cpuPerRequest = (service: string): DriverSpec => ({
  key: `services.${service}.cpuSecondsPerRequest`,
  label: `CPU per request (${service})`,
  measure: `CPU seconds used ÷ requests served by ${service} (container_cpu_usage_seconds_total over its request rate)`,
});
const memoryPerPod = (service: string): DriverSpec => ({
  key: `services.${service}.memoryMiB`,
  label: `memory per pod (${service})`,
  measure: `p95 working-set memory per replica of ${service} (container_memory_working_set_bytes)`,
});
const minimumReplicas = (service: string): DriverSpec => ({
  key: `services.${service}.minReplicas`,
  label: `minimum replicas (${service})`,
  measure: `replicas of ${service} running at the quietest hour (kube-state-metrics replicas)`,
});
const store = (prefix: 'rds' | 'cache' | 'kafka', field: string, label: string, measure: string): DriverSpec => ({ key: `${prefix}.${field}`, label, measure });

/** Demand-level drivers: they scale everything the request rate scales. */
const DEMAND = [W.requests, W.dau] as const;

type Lines = readonly LineItem[];
const usd = (lines: Lines): Decimal => sum(lines.map((l) => l.monthly ?? ZERO));
const isMemoryLine = (l: LineItem) => /memory/i.test(l.component);

/**
 * The assumptions each service's cost moves with, from the plan's own line items and what bound
 * its capacity (replicas by request rate, nodes by CPU or memory, the database by its binding
 * driver). A driver's `drivenUsd` is the cost of the lines it scales, weighted by the share of
 * the capacity it sizes: a first-order reading, not a re-plan.
 */
export function costDrivers(plan: Plan): ReadonlyMap<string, readonly CostDriver[]> {
  const out = new Map<string, CostDriver[]>();
  const add = (service: string, spec: DriverSpec, driven: Decimal) => {
    if (driven.lte(0)) return;
    const list = out.get(service) ?? [];
    const same = list.findIndex((d) => d.key === spec.key);
    if (same >= 0) list[same] = { ...list[same]!, drivenUsd: list[same]!.drivenUsd.plus(driven) };
    else list.push({ ...spec, drivenUsd: driven });
    out.set(service, list);
  };
  const lines = (service: string, keep: (l: LineItem) => boolean = () => true): Lines => plan.lineItems.filter((l) => l.service === service && l.monthly !== undefined && keep(l));

  nodeDrivers(plan, lines, add);
  fargateDrivers(plan, lines, add);
  datastoreDrivers(plan, lines, add);

  // Traffic: bytes out, and what processes them on the way (load balancer capacity units, NAT).
  const traffic: [string, (l: LineItem) => boolean][] = [
    ['Data Transfer', () => true],
    ['ELB', (l) => /LCU|capacity unit/i.test(l.component)],
    ['VPC', (l) => /data processed/i.test(l.component)],
  ];
  for (const [service, keep] of traffic) {
    const driven = usd(lines(service, keep));
    for (const spec of [W.egress, ...DEMAND]) add(service, spec, driven);
  }
  const logs = usd(lines('CloudWatch', (l) => /log/i.test(l.component)));
  for (const spec of [W.logs, ...DEMAND]) add('CloudWatch', spec, logs);
  add('S3', W.objects, usd(lines('S3', (l) => /^storage/i.test(l.component))));
  const s3Requests = usd(lines('S3', (l) => /requests/i.test(l.component)));
  for (const spec of DEMAND) add('S3', spec, s3Requests);
  add('Route 53', W.dau, usd(lines('Route 53', (l) => /queries/i.test(l.component))));

  // Largest first; ties keep the order above (the assumption closest to the capacity first).
  for (const list of out.values()) list.sort((a, b) => b.drivenUsd.comparedTo(a.drivenUsd));
  return out;
}

type Add = (service: string, spec: DriverSpec, driven: Decimal) => void;
type LinesOf = (service: string, keep?: (l: LineItem) => boolean) => Lines;

/**
 * EC2 nodes and their root volumes: replicas follow each request-bound service's CPU per request,
 * or sit at a service's minimum; nodes run out of CPU or memory.
 */
function nodeDrivers(plan: Plan, lines: LinesOf, add: Add): void {
  const apps = plan.replicas;
  if (apps.length === 0) return;
  const memoryBound = plan.nodes.some((n) => n.binding === 'memory');
  const weightOf = (r: (typeof apps)[number]) => r.desired * (memoryBound ? r.memoryMiB : r.cpuMillicores);
  const total = apps.reduce((s, r) => s + weightOf(r), 0);
  if (total <= 0) return;
  const isNodeLine = (l: LineItem) => l.resource.startsWith('node group') || l.resource === 'node root volumes';
  for (const service of ['EC2', 'EBS']) {
    const driven = usd(lines(service, isNodeLine));
    if (driven.isZero()) continue;
    let requestBound = 0;
    for (const r of apps) {
      const share = driven.times(weightOf(r)).div(total);
      if (r.binding === 'rps') {
        requestBound += weightOf(r);
        add(service, cpuPerRequest(r.name), share);
      }
      if (r.binding === 'minimum') add(service, minimumReplicas(r.name), share);
      if (memoryBound) add(service, memoryPerPod(r.name), share);
    }
    const byDemand = driven.times(requestBound).div(total);
    for (const spec of [...DEMAND, W.peak]) add(service, spec, byDemand);
  }
}

/** Fargate: each service's tasks bill vCPU and memory; request-bound tasks follow CPU per request. */
function fargateDrivers(plan: Plan, lines: LinesOf, add: Add): void {
  // One service may run more than one task entry (Spot and on-demand): its lines count once.
  for (const service of new Set(plan.fargate.map((t) => t.service))) {
    const own = lines('Fargate', (l) => l.resource === `service ${service}`);
    const binding = plan.replicas.find((r) => r.name === service)?.binding;
    const requestBound = binding === 'rps';
    const driven = usd(own);
    if (binding === 'minimum') add('Fargate', minimumReplicas(service), driven);
    if (requestBound) {
      add('Fargate', cpuPerRequest(service), driven);
      for (const spec of [...DEMAND, W.peak]) add('Fargate', spec, driven);
    }
    add('Fargate', memoryPerPod(service), usd(own.filter(isMemoryLine)));
  }
}

/** RDS, ElastiCache, MSK: the driver that bound each one's size scales its instances. */
function datastoreDrivers(plan: Plan, lines: LinesOf, add: Add): void {
  const { rds, cache, kafka } = plan.datastores;
  if (rds) {
    const instances = usd(lines('RDS', (l) => /instance/i.test(l.component)));
    const bound: Record<string, readonly DriverSpec[]> = {
      memory: [store('rds', 'memoryGiBPerMillionUsers', 'database memory per million users', 'the working set the database keeps in memory (buffer cache hit ratio, FreeableMemory)')],
      cpu: [store('rds', 'cpuMsPerQuery', 'database CPU per query', 'database CPU seconds ÷ queries (CPUUtilization × vCPUs over queries per second)'), store('rds', 'queriesPerRequest', 'queries per request', 'database queries ÷ API requests'), ...DEMAND, W.peak],
      connections: [store('rds', 'connectionPoolPerReplica', 'connections per replica', 'open database connections ÷ application replicas (DatabaseConnections)')],
      'storage-throughput': [store('rds', 'queriesPerRequest', 'queries per request', 'database queries ÷ API requests'), ...DEMAND],
    };
    for (const spec of bound[rds.binding] ?? []) add('RDS', spec, instances);
    add('RDS', W.dbData, usd(lines('RDS', (l) => /storage|iops/i.test(l.component))));
  }
  if (cache) {
    const nodes = usd(lines('ElastiCache'));
    const bound: Record<string, readonly DriverSpec[]> = {
      memory: [store('cache', 'kibPerActiveUser', 'cache data per active user', 'cache bytes used ÷ daily active users (BytesUsedForCache)'), W.dau],
      operations: [store('cache', 'opsPerRequest', 'cache commands per request', 'cache commands ÷ API requests'), ...DEMAND, W.peak],
      network: [store('cache', 'bytesPerOp', 'bytes per cache command', 'cache network bytes ÷ commands'), store('cache', 'opsPerRequest', 'cache commands per request', 'cache commands ÷ API requests'), ...DEMAND],
    };
    for (const spec of bound[cache.binding] ?? []) add('ElastiCache', spec, nodes);
  }
  if (kafka) {
    const brokers = usd(lines('MSK', (l) => /instance/i.test(l.component)));
    const storage = usd(lines('MSK', (l) => /storage/i.test(l.component)));
    const events = store('kafka', 'bytesPerRequest', 'Kafka bytes per request', 'bytes produced ÷ API requests (BytesInPerSec)');
    const retention = store('kafka', 'retentionHours', 'Kafka retention', 'the topics\' retention.ms');
    if (kafka.binding === 'ingress' || kafka.binding === 'egress') for (const spec of [events, ...DEMAND, W.peak]) add('MSK', spec, brokers);
    if (kafka.binding === 'storage') for (const spec of [events, retention, ...DEMAND]) add('MSK', spec, brokers);
    for (const spec of [events, retention, ...DEMAND]) add('MSK', spec, storage);
  }
}
