// Cluster add-ons sized by what drives them: Prometheus by active series, Elasticsearch by index
// volume and ingest rate, CoreDNS by cluster size, the HA ones by replica count. The profile gives
// each add-on's base requests (the upstream default); these rules grow them with the cluster.
// Every figure is sourced in docs/methodology.md ("Cluster add-ons sized by their drivers") or
// named there as a tier-planner assumption.
import type { SystemPod } from '../profiles/profile-types.js';
import type { Assumption } from '../workload/assumptions.js';
import { numberText } from '../number-text.js';

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** What the add-ons are sized from: the cluster they run in and the load it carries. */
export interface AddOnDrivers {
  /** Nodes the add-ons are sized for (the node count of the previous packing pass). */
  readonly nodes: number;
  /** vCPUs of those nodes (CoreDNS scales by cores). */
  readonly vcpus: number;
  /** Service pods scraped by Prometheus. */
  readonly servicePods: number;
  readonly ha: boolean;
  /** Raw application logs written a day, GB, and the peak-to-average ratio of their rate. */
  readonly logGbPerDay: number;
  readonly logPeakToAverage: number;
}

/** One add-on after sizing: the requests and replicas that are packed onto the nodes. */
export interface SizedAddOn {
  readonly name: string;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly replicas: number;
  /** The rule that sized it, with its inputs, when a rule changed the base figures. */
  readonly why?: string;
}

/** Replicas when HA: at least 2 (or the profile's `replicasWhenHa`); without HA, the base count. */
export function haReplicas(pod: SystemPod, ha: boolean): number {
  const base = pod.replicas ?? 1;
  if (!ha || pod.replicasWhenHa === undefined) return base;
  return Math.max(base, pod.replicasWhenHa);
}

// ---- Prometheus -----------------------------------------------------------------------------

export interface PrometheusScrape {
  readonly seriesPerNode: number;
  readonly seriesPerPod: number;
  readonly scrapeIntervalSeconds: number;
  readonly bytesPerSample: number;
}

/** Active series: node-level series (node-exporter, kubelet, cAdvisor) plus per-pod series. */
export function activeSeries(scrape: PrometheusScrape, nodes: number, pods: number): number {
  return nodes * scrape.seriesPerNode + pods * scrape.seriesPerPod;
}

/**
 * Head-block memory per active series (Brian Brazil, Prometheus maintainer, "How much RAM does
 * Prometheus 2.x need for cardinality and ingestion?", robustperception.io, 2019): a million
 * series cost about 2 GiB for cardinality; ingestion adds up to 3 hours of samples per series
 * with 50% chunk overhead, doubled for Go garbage collection.
 */
export const PROMETHEUS_CARDINALITY_BYTES_PER_SERIES = (2 * GIB) / 1_000_000;
export const PROMETHEUS_HEAD_HOURS = 3;
const CHUNK_OVERHEAD = 1.5;
const GO_GC_FACTOR = 2;

/** tier-planner assumption: samples one vCPU ingests a second, leaving room for rules and queries. */
export const PROMETHEUS_SAMPLES_PER_SECOND_PER_VCPU = 100_000;

export function prometheusBytesPerSeries(scrape: PrometheusScrape): number {
  const samplesInHead = (PROMETHEUS_HEAD_HOURS * 3600) / scrape.scrapeIntervalSeconds;
  return PROMETHEUS_CARDINALITY_BYTES_PER_SERIES + samplesInHead * scrape.bytesPerSample * CHUNK_OVERHEAD * GO_GC_FACTOR;
}

/**
 * tier-planner assumption: most active series one Prometheus holds (about 8 GiB of head memory);
 * beyond it the targets are split over shards (hashmod sharding), each with its own replicas.
 */
export const PROMETHEUS_MAX_SERIES_PER_SHARD = 2_000_000;

export interface SizedPrometheus extends SizedAddOn {
  readonly series: number;
  /** Shards the targets are split over; `replicas` counts every pod (shards × replicas per shard). */
  readonly shards: number;
  /** Series one shard holds (its volume holds these). */
  readonly seriesPerShard: number;
}

/**
 * Base requests (kube-prometheus: 400 MiB, no CPU) plus memory and CPU per active series of a
 * shard. `explain` false: no why (a sizing pass that is not kept, a plan without reasons); so too
 * for the other add-ons.
 */
export function sizePrometheus(pod: SystemPod, scrape: PrometheusScrape, d: AddOnDrivers, explain = true): SizedPrometheus {
  const series = activeSeries(scrape, d.nodes, d.servicePods);
  const shards = Math.max(1, Math.ceil(series / PROMETHEUS_MAX_SERIES_PER_SHARD));
  const seriesPerShard = series / shards;
  const perSeries = prometheusBytesPerSeries(scrape);
  const memoryMiB = pod.memoryMiB + Math.ceil((seriesPerShard * perSeries) / MIB);
  const samplesPerSecond = seriesPerShard / scrape.scrapeIntervalSeconds;
  const cpuMillicores = pod.cpuMillicores + Math.ceil((samplesPerSecond / PROMETHEUS_SAMPLES_PER_SECOND_PER_VCPU) * 1000);
  const perShard = haReplicas(pod, d.ha);
  const sharded = !explain ? '' : shards > 1 ? `; ${numberText(shards)} shards of ${numberText(Math.ceil(seriesPerShard))} series (at most ${numberText(PROMETHEUS_MAX_SERIES_PER_SHARD)} each) × ${perShard} replicas` : '';
  return {
    name: pod.name,
    cpuMillicores,
    memoryMiB,
    replicas: shards * perShard,
    series,
    shards,
    seriesPerShard,
    ...(explain && {
      why:
        `${numberText(series)} active series (${numberText(d.nodes)} nodes × ${numberText(scrape.seriesPerNode)} + ${numberText(d.servicePods)} pods × ${numberText(scrape.seriesPerPod)}) × ` +
        `${numberText(Math.round(perSeries))} bytes + ${numberText(pod.memoryMiB)} MiB base; ` +
        `${numberText(Math.round(samplesPerSecond))} samples/s per pod at ${numberText(PROMETHEUS_SAMPLES_PER_SECOND_PER_VCPU)} per vCPU${sharded}`,
    }),
  };
}

// ---- Elasticsearch --------------------------------------------------------------------------

/** Elasticsearch's default low disk watermark: no shards are allocated to a node above 85% used. */
export const ELASTICSEARCH_DISK_WATERMARK = 0.85;
/** tier-planner assumption: GB of index a data node holds per GiB of JVM heap (hot logging tier). */
export const ELASTICSEARCH_INDEX_GB_PER_HEAP_GIB = 30;
/** tier-planner assumption: largest heap planned per data node, so a data node fits ordinary nodes. */
export const ELASTICSEARCH_MAX_HEAP_GIB = 8;
/** Elastic: Xmx at most 50% of the memory (off-heap buffers and file-system cache need the rest; "Setting the heap size"). */
export const ELASTICSEARCH_HEAP_SHARE = 0.5;
/** tier-planner assumption: raw log MB/s one vCPU indexes (parsing, inverted index, merges). */
export const ELASTICSEARCH_INGEST_MB_PER_SECOND_PER_VCPU = 2;
/** tier-planner assumption: most CPU planned per data node before another data node is added. */
export const ELASTICSEARCH_MAX_CPU_MILLICORES = 4000;

export interface LogIndex {
  readonly retentionDays: number;
  /** Index bytes per raw log byte (inverted index, doc values). */
  readonly indexOverhead: number;
}

export interface SizedElasticsearch extends SizedAddOn {
  /** Replica shards per primary: one when HA. */
  readonly replicaShards: number;
  /** Index on disk over all data nodes, primaries and replicas, GB. */
  readonly indexGb: number;
  /** gp3 volume per data node: its share of the index below the disk watermark, GB. */
  readonly volumeGbPerNode: number;
}

/**
 * Data nodes by index volume (log GB/day × retention × index overhead × (1 + replica shards)) and by
 * ingest CPU; heap by the index each node holds, memory twice the heap, CPU by the peak ingest rate.
 */
export function sizeElasticsearch(pod: SystemPod, logs: LogIndex, d: AddOnDrivers, explain = true): SizedElasticsearch {
  const replicaShards = d.ha ? 1 : 0;
  const copies = 1 + replicaShards;
  const indexGb = d.logGbPerDay * logs.retentionDays * logs.indexOverhead * copies;
  const peakIngestMBps = ((d.logGbPerDay * 1024) / 86_400) * d.logPeakToAverage * copies;
  const vcpusNeeded = peakIngestMBps / ELASTICSEARCH_INGEST_MB_PER_SECOND_PER_VCPU;
  const maxGbPerNode = ELASTICSEARCH_MAX_HEAP_GIB * ELASTICSEARCH_INDEX_GB_PER_HEAP_GIB;
  const byVolume = Math.ceil(indexGb / maxGbPerNode);
  const byCpu = Math.ceil((vcpusNeeded * 1000) / ELASTICSEARCH_MAX_CPU_MILLICORES);
  const nodes = Math.max(pod.replicas ?? 1, byVolume, byCpu);
  const gbPerNode = indexGb / nodes;
  const heapGiB = gbPerNode / ELASTICSEARCH_INDEX_GB_PER_HEAP_GIB;
  const memoryMiB = Math.max(pod.memoryMiB, Math.ceil((heapGiB / ELASTICSEARCH_HEAP_SHARE) * 1024));
  const cpuMillicores = Math.max(pod.cpuMillicores, Math.ceil((vcpusNeeded * 1000) / nodes));
  const volumeGbPerNode = Math.max(1, Math.ceil(gbPerNode / ELASTICSEARCH_DISK_WATERMARK));
  const gb = (n: number) => numberText(n, { maximumFractionDigits: 1 });
  return {
    name: pod.name,
    cpuMillicores,
    memoryMiB,
    replicas: nodes,
    replicaShards,
    indexGb,
    volumeGbPerNode,
    ...(explain && {
      why:
        `${gb(d.logGbPerDay)} GB/day of logs × ${logs.retentionDays} days × ${logs.indexOverhead} index overhead × ${copies} ${copies > 1 ? 'copies (one replica shard, HA)' : 'copy'} = ${gb(indexGb)} GB of index ` +
        `over ${numberText(nodes)} data nodes (at most ${numberText(maxGbPerNode)} GB each), ${numberText(volumeGbPerNode)} GB volume each below the ${ELASTICSEARCH_DISK_WATERMARK * 100}% disk watermark; ` +
        `${gb(peakIngestMBps)} MB/s peak indexing at ${ELASTICSEARCH_INGEST_MB_PER_SECOND_PER_VCPU} MB/s per vCPU`,
    }),
  };
}

// ---- CoreDNS ------------------------------------------------------------------------------

/**
 * cluster-proportional-autoscaler linear mode as the Kubernetes DNS autoscaler ships it
 * (coresPerReplica 256, nodesPerReplica 16, preventSinglePointFailure); the EKS CoreDNS add-on
 * autoscaling uses the same max(nodes / 16, cores / 256).
 */
export const COREDNS_CORES_PER_REPLICA = 256;
export const COREDNS_NODES_PER_REPLICA = 16;

export function corednsReplicas(pod: SystemPod, d: AddOnDrivers): number {
  const proportional = Math.max(Math.ceil(d.vcpus / COREDNS_CORES_PER_REPLICA), Math.ceil(d.nodes / COREDNS_NODES_PER_REPLICA));
  // preventSinglePointFailure: at least 2 replicas once the cluster has more than one node.
  const noSinglePoint = d.nodes > 1 ? 2 : 1;
  return Math.max(haReplicas(pod, d.ha), proportional, noSinglePoint);
}

export function sizeCoredns(pod: SystemPod, d: AddOnDrivers, explain = true): SizedAddOn {
  const replicas = corednsReplicas(pod, d);
  return {
    name: pod.name,
    cpuMillicores: pod.cpuMillicores,
    memoryMiB: pod.memoryMiB,
    replicas,
    ...(explain && {
      why:
        `max(${pod.replicas ?? 1} base${d.ha && pod.replicasWhenHa !== undefined ? `, ${pod.replicasWhenHa} when HA` : ''}, ⌈${numberText(d.vcpus)} cores / ${COREDNS_CORES_PER_REPLICA}⌉, ` +
        `⌈${numberText(d.nodes)} nodes / ${COREDNS_NODES_PER_REPLICA}⌉${d.nodes > 1 ? ', 2 (no single point of failure)' : ''}) = ${numberText(replicas)} replicas`,
    }),
  };
}

// ---- Named assumptions, reported in the plan when the add-on runs -----------------------------

const assumption = (name: string, value: number, unit: string, why: string): Assumption => ({ name, value, unit, why: `tier-planner assumption: ${why}`, defaulted: true });

export const PROMETHEUS_ASSUMPTIONS: readonly Assumption[] = [
  assumption('prometheusSamplesPerSecondPerVcpu', PROMETHEUS_SAMPLES_PER_SECOND_PER_VCPU, 'samples/s', 'samples one vCPU of Prometheus ingests a second, with room for rules and queries (sizes its CPU request)'),
  assumption('prometheusMaxSeriesPerShard', PROMETHEUS_MAX_SERIES_PER_SHARD, 'series', 'most active series one Prometheus holds (about 8 GiB of head memory) before its targets are split over shards'),
];

export const ELASTICSEARCH_ASSUMPTIONS: readonly Assumption[] = [
  assumption('elasticsearchIndexGbPerHeapGib', ELASTICSEARCH_INDEX_GB_PER_HEAP_GIB, 'GB', 'index a data node holds per GiB of JVM heap (hot logging tier)'),
  assumption('elasticsearchMaxHeapGib', ELASTICSEARCH_MAX_HEAP_GIB, 'GiB', 'largest heap per data node, so a data node fits ordinary nodes; more index adds data nodes'),
  assumption('elasticsearchIngestMbPerSecondPerVcpu', ELASTICSEARCH_INGEST_MB_PER_SECOND_PER_VCPU, 'MB/s', 'raw log MB/s one vCPU indexes'),
  assumption('elasticsearchMaxCpuMillicores', ELASTICSEARCH_MAX_CPU_MILLICORES, 'millicores', 'most CPU per data node before another data node is added'),
];
