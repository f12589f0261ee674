import { burstHoursPerMonth } from '../capacity/daily-capacity.js';
import type { CapacityPlan } from '../capacity/capacity-types.js';
import type { LineItem } from '../cost/line-item.js';
import { ZERO } from '../cost/money.js';
import type { LoadBurst, LoadFloor } from './plan-types.js';

/** The plan's floor and burst: counts from capacity, money from the line items the BOM tagged with their load. */
export function floorAndBurst(capacity: CapacityPlan, lineItems: readonly LineItem[], hoursPerMonth: number): { floor: LoadFloor; burst: LoadBurst } {
  let floorUsd = ZERO;
  let burstUsd = ZERO;
  for (const item of lineItems) {
    if (!item.monthly) continue;
    if (item.load === 'floor') floorUsd = floorUsd.plus(item.monthly);
    else if (item.load === 'burst') burstUsd = burstUsd.plus(item.monthly);
  }
  let nodes = 0;
  let nodeHours = 0;
  for (const g of capacity.nodeGroups) {
    nodes += g.floor;
    nodeHours += burstHoursPerMonth(g.floor, g.nodeHoursPerDay, hoursPerMonth);
  }
  let tasks = 0;
  let taskHours = 0;
  for (const t of capacity.fargateTasks) {
    tasks += t.floor;
    taskHours += burstHoursPerMonth(t.floor, t.taskHoursPerDay, hoursPerMonth);
  }
  return { floor: { nodes, tasks, monthlyUsd: floorUsd }, burst: { nodeHours, taskHours, monthlyUsd: burstUsd } };
}
