import type { ServiceSpec } from '../profiles/profile-types.js';
import { serviceCpuMillicores } from '../profiles/service-cpu.js';
import { PlanningError, type ServiceReplicas } from './capacity-types.js';
import { replicasSurvivingOneAz } from './az-spread.js';
import { ceilWholeCount } from './whole-count.js';
import { numberText } from '../number-text.js';

export interface ReplicaPlan {
  readonly replicas: readonly ServiceReplicas[];
  readonly warnings: readonly string[];
}

/**
 * Replicas per service at the peak. A replica serves rpsPerReplica at 100% of its CPU request;
 * the HPA keeps it at the target utilisation, so it takes rpsPerReplica × target. needed =
 * ceil(peak × share ÷ that); the floor is the profile minimum, and 2 when HA (one replica lost to a
 * node or AZ failure must not take the service down). A connection-bound service (one with
 * connectionsPerReplica) also needs ceil(peak concurrent users × concurrentShare ÷
 * (connectionsPerReplica × target)); it runs the larger of the two, and `binding` says which.
 * With HA over ≥ 2 AZs the replicas spread evenly and the AZs left after losing one still run
 * `needed` (replicasSurvivingOneAz).
 */
export function planServiceReplicas(
  services: readonly ServiceSpec[],
  peakRps: number,
  ha: boolean,
  targetUtilization: number,
  peakConcurrentUsers = 0,
  azs = 1,
  /** False: no why (a plan without reasons). */
  explain = true,
): ReplicaPlan {
  const warnings: string[] = [];
  const replicas = services.map((s) => {
    const { load, rpsPerReplicaAtTarget, neededByRps, connections, needed, minReplicas, desired } = replicaCounts(s, peakRps, ha, targetUtilization, peakConcurrentUsers, azs);
    const binding = needed < minReplicas ? 'minimum' : connections && connections.needed > neededByRps ? 'connections' : 'rps';
    if (s.maxReplicas !== undefined && desired > s.maxReplicas) {
      const spread = desired > Math.max(needed, minReplicas);
      const reason =
        spread ? `the peak load needs ${numberText(needed)} and ${numberText(desired)} spread over ${azs} AZs keep that many after losing one`
        : needed > s.maxReplicas ? `the peak load needs ${numberText(needed)}`
        : `the minimum is ${numberText(minReplicas)}`;
      warnings.push(`service ${s.name}: maxReplicas ${numberText(s.maxReplicas)} raised to ${numberText(desired)} because ${reason}`);
    }
    const maxReplicas = Math.max(s.maxReplicas ?? desired, desired);
    const plan: ServiceReplicas = {
      name: s.name,
      cpuMillicores: serviceCpuMillicores(s),
      memoryMiB: s.memoryMiB,
      needed,
      desired,
      minReplicas,
      maxReplicas,
      rpsPerReplicaAtTarget,
      neededByRps,
      binding,
      why: explain ? replicaWhy(binding, neededByRps, load, connections, minReplicas) : '',
      ...(connections ? { neededByConnections: connections.needed, peakConnections: connections.peak, connectionsPerReplicaAtTarget: connections.perReplicaAtTarget } : {}),
    };
    return plan;
  });
  return { replicas, warnings };
}

/** Each service's desired replicas alone, as planServiceReplicas counts them (a level of the day needs no why). */
export function desiredReplicas(services: readonly ServiceSpec[], rps: number, ha: boolean, targetUtilization: number, concurrentUsers = 0, azs = 1): number[] {
  return services.map((s) => replicaCounts(s, rps, ha, targetUtilization, concurrentUsers, azs).desired);
}

function replicaCounts(s: ServiceSpec, peakRps: number, ha: boolean, targetUtilization: number, peakConcurrentUsers: number, azs: number) {
  const rpsPerReplicaAtTarget = s.rpsPerReplica * targetUtilization;
  const load = peakRps * s.requestShare;
  if (load > 0 && !(rpsPerReplicaAtTarget > 0)) {
    throw new PlanningError('BAD_INPUT', `service ${s.name} takes load but serves ${s.rpsPerReplica} requests/s per replica`);
  }
  // Any load at all needs a replica, even one so small the division underflows to 0.
  const neededByRps = load > 0 ? Math.max(1, ceilWholeCount(load / rpsPerReplicaAtTarget)) : 0;
  const connections = connectionBound(s, peakConcurrentUsers, targetUtilization);
  const needed = Math.max(neededByRps, connections?.needed ?? 0);
  const minReplicas = Math.max(s.minReplicas ?? 1, ha ? 2 : 1);
  const desired = ha ? replicasSurvivingOneAz(needed, minReplicas, azs) : Math.max(needed, minReplicas);
  return { load, rpsPerReplicaAtTarget, neededByRps, connections, needed, minReplicas, desired };
}

interface ConnectionBound {
  readonly peak: number;
  readonly perReplicaAtTarget: number;
  readonly needed: number;
}

/** Peak open connections and the replicas holding them, for a service with connectionsPerReplica. */
function connectionBound(s: ServiceSpec, peakConcurrentUsers: number, targetUtilization: number): ConnectionBound | undefined {
  if (s.connectionsPerReplica === undefined) return undefined;
  const perReplicaAtTarget = s.connectionsPerReplica * targetUtilization;
  const peak = peakConcurrentUsers * (s.concurrentShare ?? 1);
  if (peak > 0 && !(perReplicaAtTarget > 0)) throw new PlanningError('BAD_INPUT', `service ${s.name} holds connections but ${s.connectionsPerReplica} per replica`);
  return { peak, perReplicaAtTarget, needed: peak > 0 ? Math.max(1, ceilWholeCount(peak / perReplicaAtTarget)) : 0 };
}

const n = (x: number, digits: 0 | 1 = 0) => numberText(x, { maximumFractionDigits: digits });

function replicaWhy(binding: ServiceReplicas['binding'], neededByRps: number, load: number, c: ConnectionBound | undefined, minReplicas: number): string {
  const rps = `${n(load, 1)} req/s needs ${n(neededByRps)}`;
  const conn = c ? `${n(c.peak)} peak connections at ${n(c.perReplicaAtTarget, 1)} per replica need ${n(c.needed)}` : undefined;
  const both = conn ? `${rps}; ${conn}` : rps;
  if (binding === 'minimum') return `minimum ${n(minReplicas)} binds (${both})`;
  if (binding === 'connections') return `connection bound: ${conn} (more than the ${n(neededByRps)} that ${n(load, 1)} req/s needs)`;
  return conn ? `request bound: ${rps} (${conn})` : `request bound: ${rps}`;
}
