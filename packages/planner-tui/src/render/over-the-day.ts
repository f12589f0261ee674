import type { Plan } from '@tier-planner/cost-model';
import { counted, int, num, usd } from './format.js';

/** "2 h at 2,604.2 req/s, 22 h at 710.2 req/s": the day's load levels, busiest first. */
export function dailyLevelsText(plan: Plan): string {
  return plan.demand.dailyLevels.map((l) => `${num(l.hoursPerDay, 2)} h at ${num(l.rps)} req/s`).join(', ');
}

/** "6 nodes" / "13 tasks" / "6 nodes and 2 tasks": what the floor or the peak runs. */
function capacityText(nodes: number, tasks: number): string {
  const parts = [...(nodes || !tasks ? [counted(nodes, 'node')] : []), ...(tasks ? [counted(tasks, 'task')] : [])];
  return parts.join(' and ');
}

/** The always-on floor with its monthly cost. */
export function floorText(plan: Plan): string {
  return `${capacityText(plan.floor.nodes, plan.floor.tasks)} always on, ${usd(plan.floor.monthlyUsd)}/month`;
}

/** The node-hours and task-hours above the floor with their monthly cost. */
export function burstText(plan: Plan): string {
  const hours = [...(plan.burst.nodeHours || !plan.burst.taskHours ? [`${int(plan.burst.nodeHours)} node-hours`] : []), ...(plan.burst.taskHours ? [`${int(plan.burst.taskHours)} task-hours`] : [])];
  return `${hours.join(' and ')} above the floor, ${usd(plan.burst.monthlyUsd)}/month`;
}

/** What the peak runs, to set beside the floor. */
export function peakText(plan: Plan): string {
  return capacityText(
    plan.nodes.reduce((n, g) => n + g.count, 0),
    plan.fargate.reduce((n, t) => n + t.count, 0),
  );
}
