// users → pods → nodes (or Fargate tasks) → datastores. Pure and deterministic: the same input
// gives the same plan; the only per-book work (catalog allocatable, parsed prices) is cached.
import type { CapacityInput, CapacityPlan, ScaledNodeGroup, ServiceReplicas } from './capacity-types.js';
import { nodeCountWithFloors, type PodGroup } from './pod-packing.js';
import { chooseNodeGroup, type NodeGroupRequest } from './choose-node-group.js';
import { activeDaemonSets, activeSystemPods } from './cluster-add-ons.js';
import { nodesOverTheDay, replicasOverTheDay, tasksOverTheDay } from './daily-capacity.js';
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
  // Sized at the peak; the day's other levels scale the same replicas, nodes and tasks down.
  const replicas = replicasOverTheDay(profile.services, services.replicas, demand, ha, input.targetUtilization);

  let nodeGroups: ScaledNodeGroup[] = [];
  let fargateTasks: CapacityPlan['fargateTasks'] = [];
  if (profile.platform === 'ecs-fargate') {
    const fargate = planFargateTasks(services.replicas, book, profile.fargate);
    fargateTasks = tasksOverTheDay(fargate.tasks, replicas, demand);
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
    const overTheDay = (group: ReturnType<typeof chooseNodeGroup>, withFloors: (packed: number) => number) =>
      nodesOverTheDay(group, replicas, addOns, request.daemonSets, withFloors, demand);
    if (fixed) {
      const plan = fixedNodeGroup(request, fixed);
      // A pinned group never shrinks below its size; it grows only when the load outgrows it.
      nodeGroups = [overTheDay(plan.group, (packed) => Math.max(fixed.count, packed))];
      warnings.push(...plan.warnings);
    } else {
      nodeGroups = [overTheDay(chooseNodeGroup(request), (packed) => nodeCountWithFloors(packed, ha, azs))];
    }
  }
  return {
    replicas,
    nodeGroups,
    fargateTasks,
    ...planDatastores(profile, book, demand, ha, azs),
    warnings,
  };
}
