import { PlanningError, type Allocatable, type PodShape } from './capacity-types.js';
import type { NodeGroupRequest } from './choose-node-group.js';
import type { InstanceCatalog } from './instance-catalog.js';
import { exclusionReason, type InstanceFilter } from './instance-filter.js';
import { roomAfterDaemonSets, type DaemonSetLoad } from './node-group-plan.js';

function shape(p: PodShape): string {
  return `${p.cpuMillicores}m CPU / ${p.memoryMiB} MiB`;
}

function roomText(r: Allocatable): string {
  return `${r.cpuMillicores}m CPU / ${r.memoryMiB} MiB / ${r.pods} pods`;
}

/**
 * The error for "no allowed type can run these pods", naming what does not fit and the largest
 * allowed instance (most vCPUs, then memory). Only built on failure, so it may scan freely.
 */
export function noInstanceFitsError(req: NodeGroupRequest, c: InstanceCatalog, f: InstanceFilter, ds: DaemonSetLoad): PlanningError {
  let largest = -1;
  for (let i = 0; i < c.types.length; i++) {
    if (exclusionReason(f, c, i) !== undefined) continue;
    if (largest < 0 || c.vcpu[i]! > c.vcpu[largest]! || (c.vcpu[i] === c.vcpu[largest] && c.memoryMiB[i]! > c.memoryMiB[largest]!)) largest = i;
  }
  if (largest < 0) {
    const n = req.constraints;
    return new PlanningError(
      'NO_INSTANCE_FITS',
      `no EKS-usable instance type matches the node constraints (families: ${n.families?.join(', ') || 'any'}; ` +
        `architectures: ${n.architectures?.join(', ') ?? 'any'}; burstable: ${f.allowBurstable ? 'yes' : 'no'}; maxVcpu: ${n.maxVcpu ?? 'none'})`,
    );
  }
  const name = c.types[largest]!.name;
  const allocatable = {
    cpuMillicores: c.cpuMillicores[largest]!,
    memoryMiB: c.memoryMiB[largest]!,
    pods: f.policy === 'eni' ? c.podsEni[largest]! : c.podsManaged[largest]!,
  };
  const room = roomAfterDaemonSets(allocatable, ds);
  if (room.cpuMillicores < 0 || room.memoryMiB < 0 || room.pods < 1) {
    return new PlanningError(
      'NO_INSTANCE_FITS',
      `the DaemonSets (${shape(ds)} and ${ds.pods} pods per node) leave no room on the largest allowed instance ${name} (allocatable ${roomText(allocatable)})`,
    );
  }
  const pods = req.groups.filter((g) => g.replicas > 0);
  const share = (p: PodShape) => Math.max(p.cpuMillicores / room.cpuMillicores, p.memoryMiB / room.memoryMiB);
  const worst = pods.reduce((a, b) => (share(b) > share(a) ? b : a));
  if (share(worst) > 1) {
    return new PlanningError(
      'NO_INSTANCE_FITS',
      `pod ${worst.name} requests ${shape(worst)}, more than any allowed instance offers; the largest allowed, ${name}, ` +
        `has ${roomText(room)} after DaemonSets`,
    );
  }
  const cpuHeavy = pods.reduce((a, b) => (b.cpuMillicores > a.cpuMillicores ? b : a));
  const memoryHeavy = pods.reduce((a, b) => (b.memoryMiB > a.memoryMiB ? b : a));
  return new PlanningError(
    'NO_INSTANCE_FITS',
    `no allowed instance type fits both pod ${cpuHeavy.name} (${shape(cpuHeavy)}) and pod ${memoryHeavy.name} (${shape(memoryHeavy)}); ` +
      `the largest allowed, ${name}, has ${roomText(room)} after DaemonSets`,
  );
}
