import type { SystemPod } from '../profiles/profile-types.js';
import type { Allocatable, NodeChoice } from './capacity-types.js';
import { type PodTotals } from './pod-packing.js';

/** Σ DaemonSet requests (CPU, memory, pod slots): taken from every node before any other pod is placed. */
export type DaemonSetLoad = Allocatable;

export function daemonSetLoad(daemonSets: readonly SystemPod[]): DaemonSetLoad {
  let cpu = 0;
  let memory = 0;
  for (const d of daemonSets) {
    cpu += d.cpuMillicores;
    memory += d.memoryMiB;
  }
  return { cpuMillicores: cpu, memoryMiB: memory, pods: daemonSets.length };
}

/** What one node offers the other pods once its DaemonSets run. */
export function roomAfterDaemonSets(allocatable: Allocatable, ds: DaemonSetLoad): Allocatable {
  return {
    cpuMillicores: allocatable.cpuMillicores - ds.cpuMillicores,
    memoryMiB: allocatable.memoryMiB - ds.memoryMiB,
    pods: allocatable.pods - ds.pods,
  };
}

/** Σ requests on the group: the pods plus one of each DaemonSet per node. */
export function requestedOnNodes(totals: PodTotals, ds: DaemonSetLoad, nodes: number): Allocatable {
  return {
    cpuMillicores: totals.cpuMillicores + ds.cpuMillicores * nodes,
    memoryMiB: totals.memoryMiB + ds.memoryMiB * nodes,
    pods: totals.pods + ds.pods * nodes,
  };
}

/**
 * What decided the count: the floor when the load would fit in the minimum node count, else the
 * resource the pods use the largest share of across the packed nodes.
 */
export function bindingResource(totals: PodTotals, room: Allocatable, packed: number, count: number, minimum: number): NodeChoice['binding'] {
  if (count <= minimum || packed === 0) return 'minimum';
  const share = (total: number, free: number) => (total > 0 ? total / (free * packed) : 0);
  const cpu = share(totals.cpuMillicores, room.cpuMillicores);
  const memory = share(totals.memoryMiB, room.memoryMiB);
  const pods = share(totals.pods, room.pods);
  if (cpu >= memory && cpu >= pods) return 'cpu';
  return memory >= pods ? 'memory' : 'pods';
}

export const BINDING_PHRASE: Readonly<Record<NodeChoice['binding'], string>> = {
  cpu: 'CPU requests fill the nodes first',
  memory: 'memory requests fill the nodes first',
  pods: 'the max-pods limit fills the nodes first',
  minimum: 'the count is the floor (HA spread and N+1, or one node), not the load',
};
