// Which failure the plan survives, and what surviving it costs over the same plan without AZ
// headroom (the N+1 spare and 2-replica floor only). Priced from the plan's own line items, which
// are linear in the count: a node or task more costs what one of them costs in this plan.
import type { CapacityPlan } from '../capacity/capacity-types.js';
import type { LineItem } from '../cost/line-item.js';
import { ZERO, formatUsd, sum, type Decimal } from '../cost/money.js';
import type { Profile } from '../profiles/profile-types.js';
import { numberText } from '../number-text.js';

export interface Resilience {
  /** "loss of 1 of 3 AZs", "loss of 1 node (one AZ)" or "none (single AZ)". */
  readonly survives: string;
  readonly azs: number;
  /** Nodes beyond what the same plan runs without AZ headroom (N+1 only). */
  readonly extraNodes: number;
  /** Service replicas (pods or Fargate tasks) beyond max(needed, minimum). */
  readonly extraReplicas: number;
  /** Monthly cost of those extra nodes and replicas, at this plan's prices. */
  readonly headroomMonthly: Decimal;
  /** How each managed datastore fares when an AZ is lost (read from its plan, not resized). */
  readonly datastores: readonly string[];
  readonly why: string;
}

export interface ResilienceInput {
  readonly ha: boolean;
  readonly azs: number;
  readonly profile: Profile;
  readonly capacity: CapacityPlan;
  readonly lineItems: readonly LineItem[];
  /** The storage stage's name for the node root volumes, priced with the nodes. */
  readonly rootVolumesName?: string;
}

const n = (x: number) => numberText(x);
const counted = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function monthlyOf(items: readonly LineItem[], resource: string): Decimal {
  return sum(items.filter((i) => i.resource === resource && i.monthly).map((i) => i.monthly!));
}

/** cost × part / whole, 0 when whole is 0. */
function share(cost: Decimal, part: number, whole: number): Decimal {
  return whole > 0 && part > 0 ? cost.times(part).dividedBy(whole) : ZERO;
}

function survives(ha: boolean, azs: number): string {
  if (!ha) return 'none (single AZ)';
  return azs >= 2 ? `loss of 1 of ${azs} AZs` : 'loss of 1 node (one AZ)';
}

export function datastoreResilience(profile: Profile, capacity: CapacityPlan, ha: boolean, azs: number): string[] {
  const out: string[] = [];
  const { rds, cache, kafka } = capacity;
  if (rds) {
    out.push(
      rds.deployment === 'multi-az'
        ? `RDS Multi-AZ: a synchronous standby in another AZ takes over${rds.readReplicas > 0 ? `; ${counted(rds.readReplicas, 'read replica')} switch${rds.readReplicas === 1 ? 'es' : ''} to it` : ''}`
        : 'RDS single-AZ: losing its AZ stops the database until it is restored',
    );
  }
  if (cache) {
    out.push(cache.nodes > 1 && ha ? `ElastiCache: ${n(cache.nodes)} nodes, a replica for each primary to fail over to in another AZ` : 'ElastiCache: no replica, losing its AZ empties the cache');
  }
  if (kafka) {
    const rf = profile.kafka?.replicationFactor ?? 1;
    out.push(
      ha && azs >= 2 && rf >= 2
        ? `MSK: ${n(kafka.brokers)} brokers over ${azs} AZs with replication factor ${rf}: every partition keeps a replica outside the lost AZ`
        : `MSK: ${n(kafka.brokers)} brokers, replication factor ${rf}: an AZ loss can take partitions offline`,
    );
  }
  return out;
}

export function planResilience(i: ResilienceInput): Resilience {
  const { ha, azs, capacity, lineItems } = i;
  const base = capacity.withoutAzHeadroom;
  let extraNodes = 0;
  let extraReplicas = 0;
  let headroomMonthly = ZERO;
  if (ha && base) {
    const totalNodes = capacity.nodeGroups.reduce((s, g) => s + g.count, 0);
    const rootVolumes = i.rootVolumesName ? monthlyOf(lineItems, i.rootVolumesName) : ZERO;
    for (const g of capacity.nodeGroups) {
      const extra = Math.max(0, g.count - (base.nodes[g.name] ?? g.count));
      extraNodes += extra;
      headroomMonthly = headroomMonthly.plus(share(monthlyOf(lineItems, `node group ${g.name}`), extra, g.count)).plus(share(rootVolumes, extra, totalNodes));
    }
    for (const r of capacity.replicas) extraReplicas += Math.max(0, r.desired - (base.replicas[r.name] ?? r.desired));
    for (const t of capacity.fargateTasks) {
      const extra = Math.max(0, t.count - (base.replicas[t.service] ?? t.count));
      headroomMonthly = headroomMonthly.plus(share(monthlyOf(lineItems, `service ${t.service}`), extra, t.count));
    }
  }
  const what = survives(ha, azs);
  const why =
    !ha ? 'HA is off: one AZ, no spare node; a node or AZ failure takes capacity away until it is replaced.'
    : azs < 2 ? 'HA over one AZ: one spare node (N+1) and at least 2 replicas per service; an AZ loss is not survived.'
    : `replicas and nodes spread evenly over ${azs} AZs, each sized for ${azs > 2 ? `1/${azs - 1} of the peak` : 'the whole peak'} so the AZs left after losing one carry all of it: ` +
      `AZ headroom of ${counted(extraNodes, 'node')} and ${counted(extraReplicas, 'replica')} over N+1 and 2 replicas alone, ${formatUsd(headroomMonthly)}/month.`;
  return { survives: what, azs, extraNodes, extraReplicas, headroomMonthly, datastores: datastoreResilience(i.profile, capacity, ha, azs), why };
}
