import type { CacheSpec } from '../profiles/profile-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { Demand } from '../workload/demand.js';
import { PlanningError, type CacheDriver, type CachePlan } from './capacity-types.js';
import { cacheNodeTypes, ENHANCED_IO_FACTOR, OPS_PER_ENGINE_THREAD, T_MAX_WORKLOAD_OPS, type CacheNodeType } from './cache-nodes.js';
import { cheaperClass, inClassFamilies } from './managed-classes.js';
import { ceilWholeCount } from './whole-count.js';
import { countText, numberText } from '../number-text.js';

/**
 * Headroom over the hot data: ElastiCache keeps 25% of a node's memory back by default
 * (reserved-memory-percent, for replication buffers and fork copy-on-write), so the plan asks for
 * 25% more than the data. (Strictly, data ≤ 75% of the node would be × 1.33.)
 */
const RESERVED_MEMORY_FACTOR = 1.25;
/** Cluster mode allows up to 500 nodes per cluster (Valkey 7.2+, Redis OSS 5.0.6+; AWS CloudFormation ReplicationGroup reference). */
export const MAX_NODES_PER_CLUSTER = 500;
/** tier-planner assumption: a session read and one cached lookup per API request. */
export const DEFAULT_OPS_PER_REQUEST = 2;
/** tier-planner assumption: a command and its reply move about 1 KiB. */
export const DEFAULT_BYTES_PER_OP = 1024;

const num = (n: number, digits: 2 | 3 = 2) => numberText(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => countText(Math.round(n));

interface Option {
  readonly node: CacheNodeType;
  readonly shards: number;
  readonly nodes: number;
  readonly hourly: number;
  readonly need: Readonly<Record<Exclude<CacheDriver, 'minimum'>, number>>;
}

/**
 * Shards are set by whichever runs out first on one primary: hot data (DAU × KiB per user, +25%
 * reserved), commands per second (peak rps × commands per request), or network (commands × bytes
 * against the node's baseline bandwidth). The cheapest node type and shard count that carries all
 * three wins (fewer shards on a tie). HA adds one replica per shard in another AZ (Multi-AZ
 * failover needs one). Burstable cache.t nodes only as one shard within AWS's T3 guidance.
 */
export function planCache(spec: CacheSpec, book: PriceBook, demand: Pick<Demand, 'dailyActiveUsers' | 'peakRps'>, ha: boolean): CachePlan {
  const memoryGiBNeeded = ((demand.dailyActiveUsers * spec.kibPerActiveUser) / 1024 ** 2) * RESERVED_MEMORY_FACTOR;
  const opsPerSecond = demand.peakRps * (spec.opsPerRequest ?? DEFAULT_OPS_PER_REQUEST);
  const networkGbps = (opsPerSecond * (spec.bytesPerOp ?? DEFAULT_BYTES_PER_OP) * 8) / 1e9;
  const allowed = cacheNodeTypes(book).filter((c) => c.parts[0] === spec.engine && inClassFamilies(c.className, spec.nodeFamilies));
  if (allowed.length === 0) {
    throw new PlanningError('NO_CLASS_FITS', `the price book has no ElastiCache ${spec.engine} node in ${spec.nodeFamilies.join(', ')}`);
  }
  const replicasPerShard = ha ? 1 : 0;
  const options: Option[] = allowed
    .filter((node) => !node.burstable || opsPerSecond <= T_MAX_WORKLOAD_OPS)
    .map((node) => {
      // Each resource as a multiple of one primary's capacity: the shards needed before rounding.
      const need = { memory: memoryGiBNeeded / node.memoryGiB, operations: opsPerSecond / node.opsPerSecond, network: networkGbps / node.networkGbps };
      const shards = Math.max(1, ceilWholeCount(need.memory), ceilWholeCount(need.operations), ceilWholeCount(need.network));
      const nodes = shards * (1 + replicasPerShard);
      return { node, shards, nodes, hourly: nodes * node.hourlyUsd, need };
    })
    // Burstable nodes only as a single shard: a cluster of them is a workload past what T nodes are for.
    .filter((o) => !o.node.burstable || o.shards === 1)
    .sort((a, b) => a.hourly - b.hourly || a.shards - b.shards || cheaperClass(a.node, b.node));
  const best = options[0];
  if (!best) {
    throw new PlanningError(
      'NO_CLASS_FITS',
      `only burstable ElastiCache nodes are allowed (${spec.nodeFamilies.join(', ')}) and the load (${num(memoryGiBNeeded)} GiB, ${int(opsPerSecond)} commands/s) needs more than one of them or exceeds AWS's ${int(T_MAX_WORKLOAD_OPS)} TPS guidance for them; allow cache.m or cache.r families`,
    );
  }
  const cheapest = [...allowed].sort(cheaperClass)[0]!;
  const binding = bindingOf(best, cheapest);
  const assumptions = [
    `tier-planner assumption: ${int(OPS_PER_ENGINE_THREAD)} commands/s per engine thread (Redis OSS and Valkey process commands on one main thread; AWS publishes no per-node figure)`,
    ...(best.node.opsPerSecond > OPS_PER_ENGINE_THREAD ? [`tier-planner assumption: Enhanced I/O nodes carry ${ENHANCED_IO_FACTOR}× (AWS reports up to 83% more throughput)`] : []),
    ...(best.node.burstable ? [`tier-planner assumption: ${best.node.className} sustains ${int(best.node.opsPerSecond)} commands/s, the CPU baseline EC2 gives the same size (AWS gives none for cache.t)`] : []),
    ...(spec.opsPerRequest === undefined ? [`tier-planner assumption: ${DEFAULT_OPS_PER_REQUEST} cache commands per request`] : []),
    ...(spec.bytesPerOp === undefined ? [`tier-planner assumption: ${int(DEFAULT_BYTES_PER_OP)} bytes per command and reply`] : []),
    `network: ${best.node.networkBasis}, ${num(best.node.networkGbps, 3)} Gbit/s per node`,
  ];
  return {
    engine: spec.engine,
    nodeType: best.node.className,
    nodes: best.nodes,
    memoryGiBNeeded,
    shards: best.shards,
    replicasPerShard,
    opsPerSecond,
    networkGbps,
    opsPerSecondPerShard: best.node.opsPerSecond,
    networkGbpsPerShard: best.node.networkGbps,
    binding,
    assumptions,
    why: explain(best, binding, memoryGiBNeeded, opsPerSecond, networkGbps, ha),
  };
}

/** The resource that needs the most primaries; "minimum" when one node of the cheapest type has room for all. */
function bindingOf(o: Option, cheapest: CacheNodeType): CacheDriver {
  if (o.shards === 1 && o.node.key === cheapest.key) return 'minimum';
  const drivers = ['memory', 'operations', 'network'] as const;
  return drivers.reduce((a, b) => (o.need[b] > o.need[a] ? b : a), 'memory' as (typeof drivers)[number]);
}

function explain(o: Option, binding: CacheDriver, memoryGiB: number, ops: number, gbps: number, ha: boolean): string {
  const { node, shards, nodes } = o;
  const shape = shards > 1 ? `${int(shards)} shards of ${node.className} (cluster mode)` : `One primary ${node.className}`;
  const bound: Record<CacheDriver, string> = {
    minimum: 'the cheapest allowed node, which has room for the load',
    memory: `memory: ${num(memoryGiB)} GiB of hot data with 25% reserved, ${node.memoryGiB} GiB per node`,
    operations: `operations: ${int(ops)} commands/s at peak, ${int(node.opsPerSecond)} per primary`,
    network: `network: ${num(gbps, 3)} Gbit/s at peak, ${num(node.networkGbps, 3)} Gbit/s baseline per node`,
  };
  return (
    `${shape}, bound by ${bound[binding]}. ` +
    `Load: ${num(memoryGiB)} GiB, ${int(ops)} commands/s, ${num(gbps, 3)} Gbit/s; per primary ${node.memoryGiB} GiB, ${int(node.opsPerSecond)} commands/s, ${num(node.networkGbps, 3)} Gbit/s` +
    `${ha ? `; one replica per shard in another AZ for Multi-AZ failover (it needs at least one), ${int(nodes)} nodes` : ''}.` +
    `${nodes > MAX_NODES_PER_CLUSTER ? ` That is more than the ${MAX_NODES_PER_CLUSTER} nodes one cluster allows: split the data over several clusters.` : ''}`
  );
}
