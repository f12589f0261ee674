// CPU credits of burstable (T) nodes in unlimited mode. A T instance earns credits at its baseline
// (AWS's credit table: baseline % per vCPU); when its 24-hour average CPU use is above the baseline,
// the surplus credits are billed per vCPU-hour. Node choice adds that bill to a T type's cost, so a
// busy t3 is compared fairly with an m-class type that has no baseline.
import { serviceCpuMillicores } from '../profiles/service-cpu.js';
import type { InstanceType } from '../pricing/price-book.js';
import type { ServiceSpec } from '../profiles/profile-types.js';
import type { CpuCreditUse } from './capacity-types.js';
import type { PodGroup } from './pod-packing.js';

/** Surplus credits of T2/T3/T3a/T4g in unlimited mode, Linux, per vCPU-hour. */
export const CPU_CREDITS_KEY = 'ec2/cpu-credits/t3';

/** What one node sustains without surplus credits: vCPUs × AWS's baseline % per vCPU, millicores; undefined without a baseline. */
export function baselineMillicores(type: InstanceType): number | undefined {
  return type.burst ? type.vcpu * type.burst.baselinePerVcpuPct * 10 : undefined;
}

/** CPU the pods actually use, averaged over the day (not their requests), millicores. */
export interface SustainedCpuUse {
  /** Deployment pods (services and add-ons), summed over the group; spread evenly over its nodes. */
  readonly podsMillicores: number;
  /** DaemonSets, on every node. */
  readonly perNodeMillicores: number;
}

export interface SustainedCpuInput {
  readonly services: readonly Pick<ServiceSpec, 'cpuMillicores' | 'cpuUnits' | 'rpsPerReplica' | 'requestShare'>[];
  readonly peakRps: number;
  readonly averageRps: number;
  readonly addOns: readonly PodGroup[];
  readonly daemonSetMillicores: number;
  /** Share of their CPU request add-ons and DaemonSets use around the clock. */
  readonly systemPodCpuShare: number;
}

/**
 * A replica serves rpsPerReplica at 100% of its CPU request, so a service's load uses
 * load ÷ rpsPerReplica requests' worth of CPU at the peak (the replicas the load needs, each at the
 * HPA target); over the day that scales by average ÷ peak requests. Replicas kept only by a minimum
 * or by rounding up idle near zero and add nothing. Add-ons and DaemonSets use a fixed share of
 * their request all day. Kubelet and OS use beyond the reserved CPU is not counted.
 */
export function sustainedCpuUse(i: SustainedCpuInput): SustainedCpuUse {
  const dayShare = i.peakRps > 0 ? Math.min(1, i.averageRps / i.peakRps) : 0;
  let pods = 0;
  for (const s of i.services) {
    const load = i.peakRps * s.requestShare;
    if (load > 0 && s.rpsPerReplica > 0) pods += (load / s.rpsPerReplica) * serviceCpuMillicores(s) * dayShare;
  }
  for (const a of i.addOns) pods += a.cpuMillicores * a.replicas * i.systemPodCpuShare;
  return { podsMillicores: pods, perNodeMillicores: i.daemonSetMillicores * i.systemPodCpuShare };
}

/**
 * `count` burstable nodes with this baseline: each node's 24-hour average use (the pods spread
 * evenly), and the surplus vCPU-hours a month above the baseline (0 when the average stays under it).
 */
export function cpuCreditUse(use: SustainedCpuUse, count: number, baselineMillicoresPerNode: number, hoursPerMonth: number): CpuCreditUse {
  const perNode = (count > 0 ? use.podsMillicores / count : 0) + use.perNodeMillicores;
  const surplus = Math.max(0, perNode - baselineMillicoresPerNode);
  return {
    sustainedMillicoresPerNode: perNode,
    baselineMillicoresPerNode,
    surplusVcpuHours: (count * surplus * hoursPerMonth) / 1000,
  };
}
