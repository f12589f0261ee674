// What the same plan would run without AZ headroom: replicas at max(needed, minimum) and nodes
// that pack them with one spare (N+1) spread evenly. The difference is what surviving an AZ costs.
import type { NodeGroupPlan, ServiceReplicas } from './capacity-types.js';
import type { NodeGroupRequest } from './choose-node-group.js';
import { daemonSetLoad, roomAfterDaemonSets } from './node-group-plan.js';
import { packedNodeCount, type PodGroup } from './pod-packing.js';
import { roundUpToMultiple } from './whole-count.js';

export interface WithoutAzHeadroom {
  /** Service → replicas (tasks) without AZ headroom. */
  readonly replicas: Readonly<Record<string, number>>;
  /** Node group → nodes without AZ headroom. */
  readonly nodes: Readonly<Record<string, number>>;
}

export function replicasWithoutAzHeadroom(r: ServiceReplicas): number {
  return Math.max(r.needed, r.minReplicas);
}

/**
 * One packing per node group on the type the plan chose (O(groups²), no catalog scan): cheap
 * enough to run on every HA plan.
 */
export function withoutAzHeadroom(
  replicas: readonly ServiceReplicas[],
  addOns: readonly PodGroup[],
  request: NodeGroupRequest | undefined,
  groups: readonly NodeGroupPlan[],
  fixedCount: number | undefined,
): WithoutAzHeadroom {
  const perService = Object.fromEntries(replicas.map((r) => [r.name, replicasWithoutAzHeadroom(r)]));
  const nodes: Record<string, number> = {};
  if (request) {
    const pods: PodGroup[] = [
      ...replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: perService[r.name]! })),
      ...addOns,
    ];
    const ds = daemonSetLoad(request.daemonSets);
    for (const g of groups) {
      const packed = packedNodeCount(pods, roomAfterDaemonSets(g.allocatable, ds));
      nodes[g.name] = fixedCount !== undefined ? Math.max(fixedCount, packed) : roundUpToMultiple(Math.max(packed + 1, request.azs, 2), request.azs);
    }
  }
  return { replicas: perService, nodes };
}
