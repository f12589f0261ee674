// Node counting without simulating pods one by one: a group of identical pods fills whole nodes
// analytically, and first-fit-decreasing works on runs of identical nodes, so 10 users and 10M
// users cost the same time.
import type { Allocatable, PodShape } from './capacity-types.js';
import { ceilWholeCount, roundUpToMultiple } from './whole-count.js';

/** Identical pods: a service's replicas or an add-on Deployment's replicas. */
export interface PodGroup extends PodShape {
  readonly name: string;
  readonly replicas: number;
}

/** Σ requests and the largest request per dimension, independent of the node type. */
export interface PodTotals {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly pods: number;
  readonly largestCpuMillicores: number;
  readonly largestMemoryMiB: number;
}

export function podTotals(groups: readonly PodGroup[]): PodTotals {
  let cpu = 0;
  let memory = 0;
  let pods = 0;
  let largestCpu = 0;
  let largestMemory = 0;
  for (const g of groups) {
    if (g.replicas <= 0) continue;
    cpu += g.cpuMillicores * g.replicas;
    memory += g.memoryMiB * g.replicas;
    pods += g.replicas;
    largestCpu = Math.max(largestCpu, g.cpuMillicores);
    largestMemory = Math.max(largestMemory, g.memoryMiB);
  }
  return { cpuMillicores: cpu, memoryMiB: memory, pods, largestCpuMillicores: largestCpu, largestMemoryMiB: largestMemory };
}

/** How many pods of a request fit in `free` of one resource (a zero request never limits). */
function fitCount(free: number, request: number): number {
  return request > 0 ? Math.floor(free / request) : Infinity;
}

/** Pods of this shape one empty node holds. */
export function podsPerNode(shape: PodShape, room: Allocatable): number {
  return Math.min(fitCount(room.cpuMillicores, shape.cpuMillicores), fitCount(room.memoryMiB, shape.memoryMiB), room.pods);
}

/** True when one pod of every group fits an empty node. */
export function everyPodFits(totals: PodTotals, room: Allocatable): boolean {
  return room.pods >= 1 && room.cpuMillicores >= totals.largestCpuMillicores && room.memoryMiB >= totals.largestMemoryMiB;
}

/** Nodes no packing can beat: Σ requests over one node's room, per resource. */
export function packedNodeLowerBound(totals: PodTotals, room: Allocatable): number {
  const by = (total: number, free: number) => (total > 0 ? ceilWholeCount(total / free) : 0);
  return Math.max(by(totals.cpuMillicores, room.cpuMillicores), by(totals.memoryMiB, room.memoryMiB), by(totals.pods, room.pods));
}

/**
 * Identical nodes in first-fit order: `count` nodes, each with this much room left. First-fit-
 * decreasing places identical pods on identical nodes the same way every time, so a run of them
 * is one entry, and the work depends on the number of pod groups, not on the replica counts.
 */
interface NodeRun {
  cpuMillicores: number;
  memoryMiB: number;
  pods: number;
  count: number;
}

function run(room: Allocatable, shape: PodShape, placed: number, count: number): NodeRun {
  return {
    cpuMillicores: room.cpuMillicores - placed * shape.cpuMillicores,
    memoryMiB: room.memoryMiB - placed * shape.memoryMiB,
    pods: room.pods - placed,
    count,
  };
}

/**
 * Nodes needed to hold every group, each node offering `room` (allocatable after DaemonSets); every
 * pod must fit an empty node (check everyPodFits first). First-fit-decreasing over all pods,
 * largest share of a node first, checking cpu, memory and pods together; a group fills the free
 * room of earlier nodes before opening its own (floor(replicas / pods per node) full nodes plus
 * one for the remainder). Counts as pod-by-pod FFD would, in O(groups²).
 */
export function packedNodeCount(groups: readonly PodGroup[], room: Allocatable): number {
  // Largest share of a node first, ties in the groups' order (an insertion sort: there are few groups).
  const order: number[] = [];
  const size: number[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    size.push(Math.max(g.cpuMillicores / room.cpuMillicores, g.memoryMiB / room.memoryMiB, 1 / room.pods));
    if (!(g.replicas > 0)) continue;
    let j = order.length;
    order.push(k);
    while (j > 0 && size[order[j - 1]!]! < size[k]!) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = k;
  }
  const runs: NodeRun[] = [];
  for (const k of order) {
    const g = groups[k]!;
    let left = g.replicas;
    for (let i = 0; i < runs.length && left > 0; i++) {
      const r = runs[i]!;
      const perNode = podsPerNode(g, r);
      if (perNode <= 0) continue;
      const filled = Math.min(r.count, Math.floor(left / perNode));
      if (filled === r.count) {
        // Every node of the run takes perNode pods: the run stays one run, with less room.
        r.cpuMillicores -= perNode * g.cpuMillicores;
        r.memoryMiB -= perNode * g.memoryMiB;
        r.pods -= perNode;
        left -= filled * perNode;
        continue;
      }
      // The pods run out inside this run: split it into filled nodes, one partial node, the rest.
      const partial = left - filled * perNode;
      const split = [run(r, g, perNode, filled), run(r, g, partial, partial > 0 ? 1 : 0), { ...r, count: r.count - filled - (partial > 0 ? 1 : 0) }];
      runs.splice(i, 1, ...split.filter((s) => s.count > 0));
      left = 0;
    }
    if (left > 0) {
      const perNode = podsPerNode(g, room);
      const full = Math.floor(left / perNode);
      if (full > 0) runs.push(run(room, g, perNode, full));
      if (left % perNode > 0) runs.push(run(room, g, left % perNode, 1));
    }
  }
  let nodes = 0;
  for (const r of runs) nodes += r.count;
  return nodes;
}

/** The floor with no load: 1 node, or when HA one per AZ and at least 2, spread evenly. */
export function minimumNodeCount(ha: boolean, azs: number): number {
  return ha ? roundUpToMultiple(Math.max(azs, 2), azs) : 1;
}

/**
 * Nodes to run. Without HA, the packed count (at least one). With HA over one AZ, one spare node
 * (N+1). With HA over ≥ 2 AZs, the same number in every AZ, so that the AZs left after losing any
 * one hold what must keep running (`packedAfterAzLoss`: the replicas outside the lost AZ plus every
 * add-on, packed): per AZ = ceil(packedAfterAzLoss / (azs − 1)), and at least a share of every
 * pod (ceil(packed / azs)) and one node. Losing one node is covered too: it is less than an AZ.
 */
export function nodeCountWithFloors(packed: number, ha: boolean, azs: number, packedAfterAzLoss: number = packed): number {
  if (!ha) return Math.max(packed, 1);
  if (azs < 2) return Math.max(packed + 1, 2);
  const perAz = Math.max(ceilWholeCount(packedAfterAzLoss / (azs - 1)), Math.ceil(packed / azs), 1);
  return perAz * azs;
}
