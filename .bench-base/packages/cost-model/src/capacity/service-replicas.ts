import type { ServiceSpec } from '../profiles/profile-types.js';
import { PlanningError, type ServiceReplicas } from './capacity-types.js';
import { ceilWholeCount } from './whole-count.js';

export interface ReplicaPlan {
  readonly replicas: readonly ServiceReplicas[];
  readonly warnings: readonly string[];
}

/**
 * Replicas per service at the peak. A replica serves rpsPerReplica at 100% of its CPU request;
 * the HPA keeps it at the target utilisation, so it takes rpsPerReplica × target. needed =
 * ceil(peak × share ÷ that); the floor is the profile minimum, and 2 when HA (one replica lost to a
 * node or AZ failure must not take the service down).
 */
export function planServiceReplicas(
  services: readonly ServiceSpec[],
  peakRps: number,
  ha: boolean,
  targetUtilization: number,
): ReplicaPlan {
  const warnings: string[] = [];
  const replicas = services.map((s) => {
    const rpsPerReplicaAtTarget = s.rpsPerReplica * targetUtilization;
    const load = peakRps * s.requestShare;
    if (load > 0 && !(rpsPerReplicaAtTarget > 0)) {
      throw new PlanningError('BAD_INPUT', `service ${s.name} takes load but serves ${s.rpsPerReplica} requests/s per replica`);
    }
    // Any load at all needs a replica, even one so small the division underflows to 0.
    const needed = load > 0 ? Math.max(1, ceilWholeCount(load / rpsPerReplicaAtTarget)) : 0;
    const minReplicas = Math.max(s.minReplicas ?? 1, ha ? 2 : 1);
    const desired = Math.max(needed, minReplicas);
    if (s.maxReplicas !== undefined && desired > s.maxReplicas) {
      const reason = needed > s.maxReplicas ? `the peak load needs ${needed.toLocaleString('en-US')}` : `the minimum is ${minReplicas.toLocaleString('en-US')}`;
      warnings.push(`service ${s.name}: maxReplicas ${s.maxReplicas.toLocaleString('en-US')} raised to ${desired.toLocaleString('en-US')} because ${reason}`);
    }
    const maxReplicas = Math.max(s.maxReplicas ?? desired, desired);
    const plan: ServiceReplicas = {
      name: s.name,
      cpuMillicores: s.cpuMillicores,
      memoryMiB: s.memoryMiB,
      needed,
      desired,
      minReplicas,
      maxReplicas,
      rpsPerReplicaAtTarget,
    };
    return plan;
  });
  return { replicas, warnings };
}
