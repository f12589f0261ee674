import type { CacheSpec } from '../profiles/profile-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import { PlanningError, type CachePlan } from './capacity-types.js';
import { cheaperClass, inClassFamilies, managedClasses, type ManagedClass } from './managed-classes.js';
import { ceilWholeCount } from './whole-count.js';

/**
 * Headroom over the hot data: ElastiCache keeps 25% of a node's memory back by default
 * (reserved-memory-percent, for replication buffers and fork copy-on-write), so the plan asks for
 * 25% more than the data. (Strictly, data ≤ 75% of the node would be × 1.33.)
 */
const RESERVED_MEMORY_FACTOR = 1.25;

/**
 * Hot data = DAU × KiB per active user. The cheapest single node that holds it; beyond the
 * largest allowed node, cluster mode shards over that node type. HA adds one replica per primary.
 */
export function planCache(spec: CacheSpec, book: PriceBook, dailyActiveUsers: number, ha: boolean): CachePlan {
  const memoryGiBNeeded = ((dailyActiveUsers * spec.kibPerActiveUser) / 1024 ** 2) * RESERVED_MEMORY_FACTOR;
  const allowed = managedClasses(book).filter(
    (c) => c.parts[0] === spec.engine && c.parts.length === 2 && inClassFamilies(c.className, spec.nodeFamilies),
  );
  if (allowed.length === 0) {
    throw new PlanningError('NO_CLASS_FITS', `the price book has no ElastiCache ${spec.engine} node in ${spec.nodeFamilies.join(', ')}`);
  }
  const single = allowed.filter((c) => c.memoryGiB >= memoryGiBNeeded).sort(cheaperClass)[0];
  const node: ManagedClass = single ?? allowed.reduce((a, b) => (b.memoryGiB > a.memoryGiB || (b.memoryGiB === a.memoryGiB && cheaperClass(b, a) < 0) ? b : a));
  const primaries = single ? 1 : ceilWholeCount(memoryGiBNeeded / node.memoryGiB);
  const nodes = primaries * (ha ? 2 : 1);
  const shape = primaries > 1 ? `${primaries} shards of ${node.className}` : node.className;
  return {
    engine: spec.engine,
    nodeType: node.className,
    nodes,
    memoryGiBNeeded,
    why:
      `${shape} (${node.memoryGiB} GiB each) hold ${memoryGiBNeeded.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} GiB of hot data with 25% reserved memory` +
      `${single ? ', the cheapest allowed node that does' : ', the largest allowed node, sharded'}${ha ? '; one replica per primary for HA' : ''}.`,
  };
}
