import type { NodeGroupPlan } from './capacity-types.js';
import { PlanningError } from './capacity-types.js';
import { nodeCountOn, type NodeGroupRequest } from './choose-node-group.js';
import { baselineMillicores, cpuCreditUse } from './cpu-credits.js';
import { DEFAULT_ROOT_VOLUME_GB } from './instance-filter.js';
import { nodeAllocatable } from './node-allocatable.js';
import { nodeCountsOverTheDay, nodeHoursPerMonth } from './daily-capacity.js';
import { nodeGroupBillUsd, toCents } from './node-group-cost.js';
import { ec2Rate } from '../purchase/commitment-rate.js';
import { atPeakAllDay, commitsPeak, type PurchaseChoice } from '../purchase/purchase-choice.js';
import { BINDING_PHRASE, bindingResource, daemonSetLoad, requestedOnNodes, roomAfterDaemonSets } from './node-group-plan.js';
import { everyPodFits, packedNodeCount, podTotals } from './pod-packing.js';
import { numberText } from '../number-text.js';

/** Kubelet's default --max-pods, for a fixed type the book has no ENI max-pods figure for. */
const KUBELET_DEFAULT_MAX_PODS = 110;

export interface FixedNodeGroup {
  readonly group: NodeGroupPlan;
  readonly warnings: readonly string[];
  /** Nodes at each level of the day, the peak first: never below the pinned count. */
  readonly byLevel: readonly number[];
}

/**
 * A node group the profile pins (e.g. a self-managed 3 × t3.medium cluster): no choice and no
 * floors, but the pods are still packed so the plan warns when they would not all fit.
 */
export function fixedNodeGroup(req: NodeGroupRequest, fixed: { readonly instanceType: string; readonly count: number }): FixedNodeGroup {
  const type = req.book.instanceType(fixed.instanceType);
  if (!type) throw new PlanningError('BAD_INPUT', `fixed node group instance type ${fixed.instanceType} is not in the price book`);
  if (!(Number.isInteger(fixed.count) && fixed.count >= 1)) {
    throw new PlanningError('BAD_INPUT', `fixed node group count must be a whole number ≥ 1, got ${fixed.count}`);
  }
  const warnings: string[] = [];
  const policy = req.constraints.maxPodsPolicy ?? 'managed-node-group';
  let allocatable = nodeAllocatable(type, policy);
  if (!allocatable) {
    warnings.push(`${type.name} has no known ENI max-pods figure; assuming the kubelet default of ${KUBELET_DEFAULT_MAX_PODS} pods`);
    allocatable = nodeAllocatable({ ...type, maxPods: KUBELET_DEFAULT_MAX_PODS }, 'eni')!;
  }
  const ds = daemonSetLoad(req.daemonSets);
  const room = roomAfterDaemonSets(allocatable, ds);
  const totals = podTotals(req.groups);
  if (!everyPodFits(totals, room)) {
    throw new PlanningError('NO_INSTANCE_FITS', `the largest pod (${totals.largestCpuMillicores}m CPU, ${totals.largestMemoryMiB} MiB) does not fit the fixed node type ${type.name} after DaemonSets`);
  }
  const packed = packedNodeCount(req.groups, room);
  // A pinned group that the load outgrows is planned at the size the load needs, never over-committed;
  // with HA over ≥ 2 AZs, at the size that survives losing an AZ.
  const needed = req.ha && req.azs >= 2 ? nodeCountOn(req, room).count : packed;
  const count = Math.max(fixed.count, needed);
  if (needed > fixed.count) {
    const what = needed > packed ? `the pods need ${numberText(packed)} × ${type.name}, ${numberText(needed)} to survive losing one of ${req.azs} AZs,` : `the pods need ${numberText(packed)} × ${type.name}`;
    warnings.push(`${what} but the profile fixes ${numberText(fixed.count)}: planned at ${numberText(needed)} nodes`);
  } else if (req.ha && packed + 1 > fixed.count) {
    warnings.push(`the fixed node group has no spare node: losing one of the ${numberText(fixed.count)} × ${type.name} leaves pods unschedulable`);
  }
  const rootVolumeGb = req.constraints.rootVolumeGb ?? DEFAULT_ROOT_VOLUME_GB;
  const binding = bindingResource(totals, room, packed, count, fixed.count);
  // A pinned T type bills its surplus credits like a chosen one (unlimited mode, AWS's baseline).
  const baseline = type.burstable ? baselineMillicores(type) : undefined;
  const credits = baseline !== undefined ? cpuCreditUse(req.cpuUse, count, baseline, req.hoursPerMonth) : undefined;
  if (type.burstable && !type.burst) warnings.push(`${type.name} is burstable but the price book has no CPU baseline for it: its CPU credits are not priced`);
  // Off-peak levels scale in to what their pods need, never below the pinned count.
  const offPeak = req.offPeak ?? [];
  const overTheDay = nodeCountsOverTheDay(count, offPeak, (level) => Math.max(fixed.count, packedNodeCount(level.groups, room)));
  const byLevel = commitsPeak(req) ? atPeakAllDay(overTheDay, count) : overTheDay;
  const nodeHours = nodeHoursPerMonth(byLevel, offPeak, req.hoursPerMonth);
  // Under a purchase option the pinned type bills at its rate (the floor's and the burst's when only the floor is committed).
  const hourly = (c: PurchaseChoice | undefined) => {
    const found = c ? ec2Rate(type, c, req.book.region) : undefined;
    return found && 'rate' in found ? found.rate.effective.toString() : undefined;
  };
  const floorHours = req.burstPurchase ? byLevel[byLevel.length - 1]! * req.hoursPerMonth : nodeHours;
  const monthly = nodeGroupBillUsd(req.book, type, floorHours, rootVolumeGb, req.hoursPerMonth, req.burstPurchase ? 0 : credits?.surplusVcpuHours, hourly(req.purchase)).plus(
    req.burstPurchase ? nodeGroupBillUsd(req.book, type, nodeHours - floorHours, rootVolumeGb, req.hoursPerMonth, credits?.surplusVcpuHours, hourly(req.burstPurchase)) : 0,
  );
  return {
    warnings,
    byLevel,
    group: {
      name: req.name ?? 'workers',
      instanceType: type.name,
      count,
      monthlyUsd: toCents(monthly),
      binding,
      ...(credits && { cpuCredits: credits }),
      arch: type.arch,
      min: fixed.count,
      desired: count,
      max: count,
      rootVolumeGb,
      allocatable,
      requested: requestedOnNodes(totals, ds, count),
      why: count === fixed.count ? `the profile fixes the node group at ${numberText(fixed.count)} × ${type.name}; ${BINDING_PHRASE[binding]}.` : `the profile fixes ${numberText(fixed.count)} × ${type.name}, but the load needs ${numberText(count)}; ${BINDING_PHRASE[binding]}.`,
    },
  };
}
