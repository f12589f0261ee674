// users → pods → nodes (or Fargate tasks) → datastores. Pure and deterministic: the same input
// gives the same plan; the only per-book work (catalog allocatable, parsed prices) is cached.
import { assembled } from '../object-copy.js';
import { daysPerMonth } from '../cost/calendar.js';
import type { AddOnPlan, CapacityInput, CapacityPlan, ScaledNodeGroup, ServiceReplicas } from './capacity-types.js';
import type { PodGroup } from './pod-packing.js';
import { activeDaemonSets } from './cluster-add-ons.js';
import { sustainedCpuUse } from './cpu-credits.js';
import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import { chooseNodeGroupLazily, type NodeGroupRequest } from './choose-node-group.js';
import { withoutAzHeadroom } from './az-headroom.js';
import { hoursPerDay, nodesOverTheDay, offPeakLevels, replicasOverTheDay, splitOverTheDay, tasksOverTheDay } from './daily-capacity.js';
import { planDatastores } from './datastores.js';
import { planFargateTasks } from './fargate-size.js';
import { fixedNodeGroup } from './fixed-node-group.js';
import { billOverTheDay } from './node-group-cost.js';
import { ec2Rate } from '../purchase/commitment-rate.js';
import { atPeakAllDay, commitsPeak, type PurchaseChoice } from '../purchase/purchase-choice.js';
import type { PriceBook } from '../pricing/price-book.js';
import { checkQuotas, splitNodeGroup } from './quotas.js';
import { planServiceReplicas } from './service-replicas.js';
import { sizeCluster } from './size-cluster.js';
import { validateCapacityInput } from './validate-capacity-input.js';

function serviceGroups(replicas: readonly ServiceReplicas[], count: (r: ServiceReplicas) => number): PodGroup[] {
  return replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: count(r) }));
}

/** A chosen type's hourly price under the purchase option; undefined (on-demand) when it has none. */
function hourlyUnder(book: PriceBook, instanceType: string, purchase: PurchaseChoice | undefined): string | undefined {
  const type = book.instanceType(instanceType);
  if (!type || !purchase) return undefined;
  const found = ec2Rate(type, purchase, book.region);
  return 'rate' in found ? found.rate.effective.toString() : undefined;
}

export function planCapacity(input: CapacityInput): CapacityPlan {
  validateCapacityInput(input);
  const { profile, book, demand, ha, azs } = input;
  const warnings: string[] = [];
  const services = planServiceReplicas(profile.services, demand.peakRps, ha, input.targetUtilization, demand.peakConcurrentUsers, azs, !input.withoutReasons);
  warnings.push(...services.warnings);
  // Sized at the peak; the day's other levels scale the same replicas, nodes and tasks down.
  const replicas = replicasOverTheDay(profile.services, services.replicas, demand, ha, input.targetUtilization, azs);

  let nodeGroups: ScaledNodeGroup[] = [];
  let fargateTasks: CapacityPlan['fargateTasks'] = [];
  let addOns: AddOnPlan | undefined;
  let baseline: CapacityPlan['withoutAzHeadroom'];
  let ladderDecision: CapacityPlan['ladderDecision'];
  let switchedInAPass = false;
  if (profile.platform === 'ecs-fargate') {
    const fargate = planFargateTasks(services.replicas, book, profile.fargate);
    const tasks = tasksOverTheDay(fargate.tasks, replicas, demand);
    // A Savings Plan on all the tasks is paid every hour: they stay at the peak (commitsPeak).
    fargateTasks = commitsPeak(input) ? tasks.map((t) => ({ ...t, floor: t.count, byLevel: atPeakAllDay(t.byLevel, t.count), taskHoursPerDay: hoursPerDay(atPeakAllDay(t.byLevel, t.count), demand) })) : tasks;
    warnings.push(...fargate.warnings);
    if (ha && !input.withoutReasons) baseline = withoutAzHeadroom(services.replicas, [], undefined, [], undefined);
  } else {
    const daemonSets = activeDaemonSets(profile);
    const fixed = profile.nodes?.fixed;
    // Add-on Deployments are sized for the cluster they run in; DaemonSets ride on every node. Each
    // packing keeps its request and sized add-ons (the AZ-headroom baseline repacks the same pods),
    // its nodes at each level of the day as the chooser counted them, and its ladder decision.
    // The services' pods are the same in every sizing pass; only the add-ons change.
    const peakPods = serviceGroups(services.replicas, (r) => r.desired);
    const afterLossPods = ha && azs >= 2 ? serviceGroups(services.replicas, (r) => r.desired - r.desired / azs) : undefined;
    const atMaxPods = serviceGroups(services.replicas, (r) => r.maxReplicas);
    const daemonSetMillicores = daemonSets.reduce((sum, d) => sum + d.cpuMillicores, 0);
    const choiceInputs: Pick<NodeGroupRequest, 'ladder' | 'purchase' | 'burstPurchase' | 'withoutReasons'> = {
      ...(input.ladder ? { ladder: input.ladder } : {}),
      ...(input.purchase ? { purchase: input.purchase } : {}),
      ...(input.burstPurchase ? { burstPurchase: input.burstPurchase } : {}),
      ...(input.withoutReasons ? { withoutReasons: true } : {}),
    };
    const pack = (sizedAddOns: readonly PodGroup[]) => {
      const cpuUse = sustainedCpuUse({ services: profile.services, peakRps: demand.peakRps, averageRps: demand.averageRps, addOns: sizedAddOns, daemonSetMillicores, systemPodCpuShare: PLAN_DEFAULTS.systemPodCpuShare.value });
      const offPeak = offPeakLevels(replicas, sizedAddOns, demand, ha, azs, input.hoursPerMonth);
      // Object.assign, not spreads: Node 20 builds a spread with fields after it on a slow path.
      const request: NodeGroupRequest = Object.assign(
        { book, constraints: profile.nodes ?? {}, groups: peakPods.concat(sizedAddOns), groupsAtMax: atMaxPods.concat(sizedAddOns), daemonSets, cpuUse, ha, azs, hoursPerMonth: input.hoursPerMonth, offPeak },
        afterLossPods ? { groupsAfterAzLoss: afterLossPods.concat(sizedAddOns) } : {},
        choiceInputs,
      );
      if (fixed) {
        const { group, ...pinned } = fixedNodeGroup(request, fixed);
        return { ...pinned, instanceType: group.instanceType, count: group.count, describe: () => group, request, sizedAddOns, decision: undefined };
      }
      const chosen = chooseNodeGroupLazily(request);
      if (input.ladder && chosen.decision === 'switched') switchedInAPass = true;
      return { instanceType: chosen.instanceType, count: chosen.count, describe: chosen.describe, warnings: chosen.purchaseNote ? [chosen.purchaseNote] : [], byLevel: chosen.byLevel, request, sizedAddOns, decision: input.ladder ? chosen.decision : undefined };
    };
    const days = daysPerMonth(input.hoursPerMonth);
    const cluster = sizeCluster(profile, book, {
      servicePods: services.replicas.reduce((n, r) => n + r.desired, 0),
      ha,
      logGbPerDay: demand.logGbPerMonth / days,
      logPeakToAverage: demand.averageRps > 0 ? demand.peakRps / demand.averageRps : 1,
    }, pack, !input.withoutReasons);
    // Only EKS managed node groups carry the per-group node quota; self-managed groups are Auto Scaling groups.
    const parts = profile.platform === 'eks' ? splitNodeGroup(book, cluster.group, azs, input.hoursPerMonth) : [cluster.group];
    warnings.push(...cluster.warnings);
    addOns = cluster.addOns;
    ladderDecision = cluster.packed.decision;
    // Off-peak levels as the chooser ranked the type (one source of truth): each level's pods on the
    // chosen type with the same floors; a pinned group never shrinks below its size.
    const scaled = nodesOverTheDay(cluster.group, cluster.packed.byLevel, demand);
    // Each part of a split group bills its own share of the day (its monthlyUsd, as the whole's).
    nodeGroups = parts.length === 1 ? splitOverTheDay(parts, scaled, demand) : splitOverTheDay(parts, scaled, demand).map((g) => ({ ...g, monthlyUsd: billOverTheDay(book, g, input.hoursPerMonth, hourlyUnder(book, g.instanceType, input.purchase), input.burstPurchase && hourlyUnder(book, g.instanceType, input.burstPurchase)) }));
    if (ha && !input.withoutReasons) baseline = withoutAzHeadroom(services.replicas, cluster.packed.sizedAddOns, cluster.packed.request, [cluster.group], fixed?.count);
  }
  const quotas = checkQuotas({
    profile,
    demand,
    nodeGroups,
    ha,
    azs,
    hoursPerMonth: input.hoursPerMonth,
    natShareOfEgress: PLAN_DEFAULTS.natShareOfEgress.value,
    subnetPrefix: PLAN_DEFAULTS.privateSubnetPrefix.value,
  });
  warnings.push(...quotas.warnings);
  const datastores = planDatastores(profile, book, demand, ha, azs, services.replicas);
  warnings.push(...(datastores.rds?.warnings ?? []));
  return assembled<CapacityPlan>(
    { replicas, nodeGroups },
    addOns ? { addOns } : {},
    { fargateTasks },
    datastores,
    { quotas: quotas.checks, natGateways: quotas.natGateways },
    baseline ? { withoutAzHeadroom: baseline } : {},
    ladderDecision ? { ladderDecision } : {},
    switchedInAPass ? { ladderSwitchedInAPass: true as const } : {},
    { warnings },
  );
}
