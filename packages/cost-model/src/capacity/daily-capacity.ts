// Capacity at each level of the day's load. One node type serves the whole day (chosen by what it
// bills over the day, choose-node-group.ts); each level packs its pods on that type (no new choice
// per hour), so a level costs one packing, and a 24-level hourly curve stays inside the time budget.
import { extended } from '../object-copy.js';
import type { ServiceSpec } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';
import { HOURS_PER_DAY } from '../workload/daily-shape.js';
import type { FargateTaskPlan, NodeGroupPlan, OverTheDay, ScaledFargateTasks, ScaledNodeGroup, ScaledReplicas, ServiceReplicas } from './capacity-types.js';
import type { PodGroup } from './pod-packing.js';
import { desiredReplicas } from './service-replicas.js';

/** Counts per level, busiest first, made never to rise as the load falls and never to pass the peak count. */
function overTheDay(counts: readonly number[]): OverTheDay {
  const byLevel = [...counts];
  for (let l = byLevel.length - 2; l >= 0; l--) byLevel[l] = Math.max(byLevel[l]!, byLevel[l + 1]!);
  return { floor: byLevel[byLevel.length - 1]!, byLevel };
}

/** Σ count × hours of its level. */
export function hoursPerDay(byLevel: readonly number[], demand: Demand): number {
  let hours = 0;
  byLevel.forEach((n, l) => (hours += n * demand.dailyLevels[l]!.hoursPerDay));
  return hours;
}

/**
 * Replicas at each level: the HPA follows the load with the same rule as at the peak (the target
 * utilisation, minReplicas and the HA floor of 2), never above the peak's count.
 */
export function replicasOverTheDay(
  services: readonly ServiceSpec[],
  peak: readonly ServiceReplicas[],
  demand: Demand,
  ha: boolean,
  targetUtilization: number,
  azs = 1,
): ScaledReplicas[] {
  // Concurrent users follow the load: a level at a third of the peak rps holds a third of its sessions.
  const concurrentAt = (rps: number) => (demand.peakRps > 0 ? (demand.peakConcurrentUsers * rps) / demand.peakRps : 0);
  const perLevel = demand.dailyLevels.map((level, l) => (l === 0 ? peak.map((r) => r.desired) : desiredReplicas(services, level.rps, ha, targetUtilization, concurrentAt(level.rps), azs)));
  return peak.map((r, i) => extended(r, overTheDay(perLevel.map((level) => Math.min(r.desired, level[i]!)))));
}

/**
 * Pods to place at level `l`: each service at that level's replicas (or `count` of them, e.g. those
 * left after losing an AZ), the add-on Deployments as they are.
 */
export function podGroupsAt(replicas: readonly ScaledReplicas[], addOns: readonly PodGroup[], l: number, count: (n: number) => number = (n) => n): PodGroup[] {
  return [...replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: count(r.byLevel[l]!) })), ...addOns];
}

/** One level of the day after the peak, as a node group request carries it. */
export interface OffPeakLevel {
  /** The level's pods (podGroupsAt). */
  readonly groups: readonly PodGroup[];
  /** HA over ≥ 2 AZs: the level's pods left after losing one AZ. */
  readonly groupsAfterAzLoss?: readonly PodGroup[];
  /** The level's hours a month: its hours a day × hoursPerMonth ÷ 24. */
  readonly hoursPerMonth: number;
}

/** The day's levels after the peak (the peak runs the month's other hours). */
export function offPeakLevels(replicas: readonly ScaledReplicas[], addOns: readonly PodGroup[], demand: Demand, ha: boolean, azs: number, hoursPerMonth: number): OffPeakLevel[] {
  return demand.dailyLevels.slice(1).map((level, k) => ({
    groups: podGroupsAt(replicas, addOns, k + 1),
    ...(ha && azs >= 2 ? { groupsAfterAzLoss: podGroupsAt(replicas, addOns, k + 1, (n) => n - n / azs) } : {}),
    hoursPerMonth: (level.hoursPerDay * hoursPerMonth) / HOURS_PER_DAY,
  }));
}

/**
 * Nodes at each level on one type, busiest first: the peak's count, then each level's count
 * (`countAt`: its pods packed with the same floors), never above the peak, never rising as the
 * load falls. The Cluster Autoscaler (or Karpenter) is assumed to remove every node a level does
 * not need, at the level's granularity. The chooser ranks types and the plan bills them by these.
 */
export function nodeCountsOverTheDay(peakCount: number, offPeak: readonly OffPeakLevel[], countAt: (level: OffPeakLevel, k: number) => number): readonly number[] {
  return overTheDay([peakCount, ...offPeak.map((level, k) => Math.min(peakCount, countAt(level, k)))]).byLevel;
}

/** Node-hours a month of counts per level (nodeCountsOverTheDay). */
export function nodeHoursPerMonth(byLevel: readonly number[], offPeak: readonly OffPeakLevel[], hoursPerMonth: number): number {
  let hours = byLevel[0]! * hoursPerMonth;
  offPeak.forEach((level, k) => (hours -= (byLevel[0]! - byLevel[k + 1]!) * level.hoursPerMonth));
  return hours;
}

/** The node group over the day, from its counts per level (nodeCountsOverTheDay). */
export function nodesOverTheDay(group: NodeGroupPlan, byLevel: readonly number[], demand: Demand): ScaledNodeGroup {
  const day = overTheDay(byLevel);
  return extended(extended(group, day), { nodeHoursPerDay: hoursPerDay(day.byLevel, demand) });
}

/** Fargate tasks at each level: one per replica (ECS Service Auto Scaling follows the same load). */
export function tasksOverTheDay(tasks: readonly FargateTaskPlan[], replicas: readonly ScaledReplicas[], demand: Demand): ScaledFargateTasks[] {
  return tasks.map((t) => {
    const r = replicas.find((x) => x.name === t.service)!;
    const day = overTheDay(r.byLevel.map((n) => Math.min(n, t.count)));
    return extended(extended(t, day), { taskHoursPerDay: hoursPerDay(day.byLevel, demand) });
  });
}

/** Instance-hours above the floor in a month of `hoursPerMonth`: (Σ count × hours − floor × 24) × days. */
export function burstHoursPerMonth(floor: number, perDay: number, hoursPerMonth: number): number {
  return ((perDay - floor * HOURS_PER_DAY) * hoursPerMonth) / HOURS_PER_DAY;
}

/**
 * A group split at the managed node group quota, over the day: each level's nodes go to the parts in
 * order of their peak size (the Cluster Autoscaler scales in any of them), never above a part's peak.
 */
export function splitOverTheDay(parts: readonly NodeGroupPlan[], whole: ScaledNodeGroup, demand: Demand): ScaledNodeGroup[] {
  if (parts.length === 1) return [extended(parts[0]!, { floor: whole.floor, byLevel: whole.byLevel, nodeHoursPerDay: whole.nodeHoursPerDay })];
  const byLevel = parts.map(() => [] as number[]);
  for (const total of whole.byLevel) {
    let left = total;
    parts.forEach((p, i) => {
      const share = i === parts.length - 1 ? left : Math.min(p.count, left, Math.round((total * p.count) / whole.count));
      byLevel[i]!.push(share);
      left -= share;
    });
  }
  return parts.map((p, i) => {
    const levels = byLevel[i]!;
    return extended(p, { floor: levels[levels.length - 1]!, byLevel: levels, nodeHoursPerDay: hoursPerDay(levels, demand) });
  });
}
