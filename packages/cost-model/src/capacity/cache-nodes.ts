// ElastiCache node types with what one primary is taken to carry: memory from the price book,
// commands per second from named assumptions, network from AWS's baseline bandwidth. Built once per book.
import type { PriceBook } from '../pricing/price-book.js';
import { managedClasses, type ManagedClass } from './managed-classes.js';

/**
 * tier-planner assumption: commands per second one Redis OSS/Valkey engine thread carries at the
 * planned load (small GET/SET). AWS publishes no per-node figure: command processing runs on one
 * main thread, so more vCPUs do not add throughput (AWS knowledge center); benchmark with redis-benchmark.
 */
export const OPS_PER_ENGINE_THREAD = 50_000;
/**
 * tier-planner assumption: Enhanced I/O (network I/O on extra threads) lets a node carry 1.5× the
 * commands; AWS reports "up to 83%" more throughput for it (AWS Database Blog), so 1.5× stays below.
 */
export const ENHANCED_IO_FACTOR = 1.5;
/**
 * tier-planner assumption: a burstable cache.t node sustains the CPU share EC2 gives the same size
 * (micro 10%, small and medium 20%: EC2 user guide credit table); AWS publishes none for cache.t.
 */
export const T_BASELINE_SHARE: Readonly<Record<string, number>> = { micro: 0.1, small: 0.2, medium: 0.2 };
/** AWS's sizing guidance: T3 nodes for workloads up to 20,000 TPS, M5/R5 above (AWS Database Blog). */
export const T_MAX_WORKLOAD_OPS = 20_000;

export interface CacheNodeType extends ManagedClass {
  readonly burstable: boolean;
  readonly opsPerSecond: number;
  /** Baseline network bandwidth, Gbit/s; how it was found is in `networkBasis`. */
  readonly networkGbps: number;
  readonly networkBasis: string;
}

const cache = new WeakMap<PriceBook, readonly CacheNodeType[]>();

/** Priced ElastiCache nodes (both engines) with their per-primary capacities. */
export function cacheNodeTypes(book: PriceBook): readonly CacheNodeType[] {
  let types = cache.get(book);
  if (!types) {
    const classes = managedClasses(book).filter((c) => (c.parts[0] === 'redis' || c.parts[0] === 'valkey') && c.parts.length === 2);
    const specOf = new Map(book.dimensions.map((d) => [d.key, d.spec?.cacheNode]));
    // A node with no documented baseline takes that of a documented node with the same network label.
    const baselineByLabel = new Map<string, number>();
    for (const c of classes) {
      const node = specOf.get(c.key);
      if (node?.baselineGbps !== undefined && !baselineByLabel.has(node.networkPerformance)) baselineByLabel.set(node.networkPerformance, node.baselineGbps);
    }
    types = classes.flatMap((c) => {
      const node = specOf.get(c.key);
      const label = node?.networkPerformance ?? 'not in the price book';
      const fixed = /^(\d+(?:\.\d+)?) Gigabit$/.exec(label);
      const [networkGbps, networkBasis] =
        node?.baselineGbps !== undefined
          ? [node.baselineGbps, `AWS's baseline for "${label}"`]
          : fixed
            ? [Number(fixed[1]), `"${label}", no burst`]
            : baselineByLabel.has(label)
              ? [baselineByLabel.get(label)!, `tier-planner assumption: the documented baseline of another "${label}" node`]
              : [undefined, ''];
      if (networkGbps === undefined) return [];
      const size = c.className.split('.')[2] ?? '';
      const burstable = /^cache\.t\d/.test(c.className);
      const share = burstable ? (T_BASELINE_SHARE[size] ?? 0) : 1;
      if (share === 0) return [];
      const opsPerSecond = OPS_PER_ENGINE_THREAD * (node?.enhancedIo ? ENHANCED_IO_FACTOR : 1) * share;
      return [{ ...c, burstable, opsPerSecond, networkGbps, networkBasis }];
    });
    cache.set(book, types);
  }
  return types;
}
