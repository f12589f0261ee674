// users → pods → nodes (or Fargate tasks) → datastores. Pure and deterministic: the same input
// gives the same plan; the only per-book work (catalog allocatable, parsed prices) is cached.
import { daysPerMonth } from '../cost/calendar.js';
import type { AddOnPlan, CapacityInput, CapacityPlan, NodeGroupPlan, ServiceReplicas } from './capacity-types.js';
import type { PodGroup } from './pod-packing.js';
import { activeDaemonSets } from './cluster-add-ons.js';
import { sustainedCpuUse } from './cpu-credits.js';
import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import { chooseNodeGroupInLadder, type NodeGroupRequest } from './choose-node-group.js';
import { withoutAzHeadroom } from './az-headroom.js';
import { planDatastores } from './datastores.js';
import { planFargateTasks } from './fargate-size.js';
import { fixedNodeGroup } from './fixed-node-group.js';
import { checkQuotas, splitNodeGroup } from './quotas.js';
import { planServiceReplicas } from './service-replicas.js';
import { sizeCluster } from './size-cluster.js';
import { validateCapacityInput } from './validate-capacity-input.js';

function serviceGroups(replicas: readonly ServiceReplicas[], count: (r: ServiceReplicas) => number): PodGroup[] {
  return replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: count(r) }));
}

export function planCapacity(input: CapacityInput): CapacityPlan {
  validateCapacityInput(input);
  const { profile, book, demand, ha, azs } = input;
  const warnings: string[] = [];
  const services = planServiceReplicas(profile.services, demand.peakRps, ha, input.targetUtilization, demand.peakConcurrentUsers, azs);
  warnings.push(...services.warnings);

  let nodeGroups: NodeGroupPlan[] = [];
  let fargateTasks: CapacityPlan['fargateTasks'] = [];
  let addOns: AddOnPlan | undefined;
  let baseline: CapacityPlan['withoutAzHeadroom'];
  let ladderDecision: CapacityPlan['ladderDecision'];
  if (profile.platform === 'ecs-fargate') {
    const fargate = planFargateTasks(services.replicas, book, profile.fargate);
    fargateTasks = fargate.tasks;
    warnings.push(...fargate.warnings);
    if (ha) baseline = withoutAzHeadroom(services.replicas, [], undefined, [], undefined);
  } else {
    const daemonSets = activeDaemonSets(profile);
    const fixed = profile.nodes?.fixed;
    // The last pass's request and sized add-ons: the AZ-headroom baseline repacks the same pods.
    let last: { request: NodeGroupRequest; addOns: readonly PodGroup[] } | undefined;
    // Add-on Deployments are sized for the cluster they run in; DaemonSets ride on every node.
    const pack = (sizedAddOns: readonly PodGroup[]) => {
      const request: NodeGroupRequest = {
        book,
        constraints: profile.nodes ?? {},
        groups: [...serviceGroups(services.replicas, (r) => r.desired), ...sizedAddOns],
        ...(ha && azs >= 2 ? { groupsAfterAzLoss: [...serviceGroups(services.replicas, (r) => r.desired - r.desired / azs), ...sizedAddOns] } : {}),
        groupsAtMax: [...serviceGroups(services.replicas, (r) => r.maxReplicas), ...sizedAddOns],
        daemonSets,
        cpuUse: sustainedCpuUse({
          services: profile.services,
          peakRps: demand.peakRps,
          averageRps: demand.averageRps,
          addOns: sizedAddOns,
          daemonSetMillicores: daemonSets.reduce((sum, d) => sum + d.cpuMillicores, 0),
          systemPodCpuShare: PLAN_DEFAULTS.systemPodCpuShare.value,
        }),
        ha,
        azs,
        hoursPerMonth: input.hoursPerMonth,
        ...(input.ladder ? { ladder: input.ladder } : {}),
      };
      last = { request, addOns: sizedAddOns };
      if (fixed) return fixedNodeGroup(request, fixed);
      const chosen = chooseNodeGroupInLadder(request);
      ladderDecision = input.ladder ? chosen.decision : undefined;
      return { group: chosen.group, warnings: [] };
    };
    const days = daysPerMonth(input.hoursPerMonth);
    const cluster = sizeCluster(profile, book, {
      servicePods: services.replicas.reduce((n, r) => n + r.desired, 0),
      ha,
      logGbPerDay: demand.logGbPerMonth / days,
      logPeakToAverage: demand.averageRps > 0 ? demand.peakRps / demand.averageRps : 1,
    }, pack);
    // Only EKS managed node groups carry the per-group node quota; self-managed groups are Auto Scaling groups.
    nodeGroups = profile.platform === 'eks' ? splitNodeGroup(book, cluster.group, azs, input.hoursPerMonth) : [cluster.group];
    warnings.push(...cluster.warnings);
    addOns = cluster.addOns;
    if (ha && last) baseline = withoutAzHeadroom(services.replicas, last.addOns, last.request, [cluster.group], fixed?.count);
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
  return {
    replicas: services.replicas,
    nodeGroups,
    ...(addOns ? { addOns } : {}),
    fargateTasks,
    ...datastores,
    quotas: quotas.checks,
    natGateways: quotas.natGateways,
    ...(baseline ? { withoutAzHeadroom: baseline } : {}),
    ...(ladderDecision ? { ladderDecision } : {}),
    warnings,
  };
}
