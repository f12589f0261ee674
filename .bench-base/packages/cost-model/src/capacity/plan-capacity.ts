// users → pods → nodes (or Fargate tasks) → datastores. Pure and deterministic: the same input
// gives the same plan; the only per-book work (catalog allocatable, parsed prices) is cached.
import type { CapacityInput, CapacityPlan, NodeGroupPlan, ServiceReplicas } from './capacity-types.js';
import type { PodGroup } from './pod-packing.js';
import { chooseNodeGroup, type NodeGroupRequest } from './choose-node-group.js';
import { activeDaemonSets, activeSystemPods } from './cluster-add-ons.js';
import { planDatastores } from './datastores.js';
import { planFargateTasks } from './fargate-size.js';
import { fixedNodeGroup } from './fixed-node-group.js';
import { planServiceReplicas } from './service-replicas.js';
import { validateCapacityInput } from './validate-capacity-input.js';

function serviceGroups(replicas: readonly ServiceReplicas[], count: (r: ServiceReplicas) => number): PodGroup[] {
  return replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: count(r) }));
}

export function planCapacity(input: CapacityInput): CapacityPlan {
  validateCapacityInput(input);
  const { profile, book, demand, ha, azs } = input;
  const warnings: string[] = [];
  const services = planServiceReplicas(profile.services, demand.peakRps, ha, input.targetUtilization);
  warnings.push(...services.warnings);

  let nodeGroups: NodeGroupPlan[] = [];
  let fargateTasks: CapacityPlan['fargateTasks'] = [];
  if (profile.platform === 'ecs-fargate') {
    const fargate = planFargateTasks(services.replicas, book, profile.fargate);
    fargateTasks = fargate.tasks;
    warnings.push(...fargate.warnings);
  } else {
    // Add-on Deployments keep their replica count at any load; DaemonSets ride on every node.
    const addOns: PodGroup[] = activeSystemPods(profile).map((p) => ({
      name: p.name,
      cpuMillicores: p.cpuMillicores,
      memoryMiB: p.memoryMiB,
      replicas: p.replicas ?? 1,
    }));
    const request: NodeGroupRequest = {
      book,
      constraints: profile.nodes ?? {},
      groups: [...serviceGroups(services.replicas, (r) => r.desired), ...addOns],
      groupsAtMax: [...serviceGroups(services.replicas, (r) => r.maxReplicas), ...addOns],
      daemonSets: activeDaemonSets(profile),
      ha,
      azs,
      hoursPerMonth: input.hoursPerMonth,
    };
    const fixed = profile.nodes?.fixed;
    if (fixed) {
      const plan = fixedNodeGroup(request, fixed);
      nodeGroups = [plan.group];
      warnings.push(...plan.warnings);
    } else {
      nodeGroups = [chooseNodeGroup(request)];
    }
  }
  return {
    replicas: services.replicas,
    nodeGroups,
    fargateTasks,
    ...planDatastores(profile, book, demand, ha, azs),
    warnings,
  };
}
