import { Box } from 'ink';
import type { Decimal, Plan } from '@tier-planner/cost-model';
import { servicePricing } from '../../render/unpriced.js';
import { serviceBars } from '../utils/bars.js';
import { serviceUsd, unpricedServices } from '../utils/money.js';
import { capacityLines } from '../utils/plan-summary-view.js';
import { cell, fit } from '../utils/text.js';
import { Lines } from './Lines.js';

export interface CapacityAndCostProps {
  readonly plan: Plan;
  readonly width: number;
  readonly rows: number;
  /** False on a narrow screen: the cost bars alone, across the whole width. */
  readonly capacity: boolean;
}

const barsWidth = (width: number, capacity: boolean) => (capacity ? Math.max(36, Math.floor(width * 0.42)) : width);

/** Left: node groups or Fargate tasks and datastores; right: cost by service as bars. */
export function CapacityAndCost({ plan, width, rows, capacity }: CapacityAndCostProps) {
  const right = barsWidth(width, capacity);
  const left = width - right - 2;
  return (
    <Box flexDirection="row">
      {capacity ? (
        <Box flexDirection="column" width={left} marginRight={2}>
          <Lines role="title" lines={[fit(plan.nodes.length ? 'Node groups' : 'Capacity', left)]} />
          <Lines lines={capacityLines(plan, left).slice(0, rows - 1)} />
        </Box>
      ) : null}
      <Box flexDirection="column" width={right}>
        <Lines role="title" lines={[fit('Cost by service / month', right)]} />
        <Lines lines={costBarLines(plan, right).slice(0, rows - 1)} />
      </Box>
    </Box>
  );
}

/**
 * One bar per service, largest first; a service with unpriced items says "unpriced" or "$X+" rather
 * than a price, and comes first, so a short pane still shows what the total leaves out.
 */
export function costBarLines(plan: Plan, width: number): string[] {
  const unpriced = unpricedServices(plan.monthly);
  const money = (service: string, amount: Decimal) => serviceUsd(amount, servicePricing(plan.lineItems, service));
  const moneyWidth = Math.max(8, ...[...plan.monthly.byService].map(([s, v]) => money(s, v).length));
  const name = Math.min(14, Math.max(3, ...[...plan.monthly.byService.keys()].map((s) => s.length)));
  const barWidth = Math.max(4, width - name - moneyWidth - 2);
  const bars = serviceBars(plan.monthly.byService, barWidth);
  return [...bars.filter((b) => unpriced.has(b.service)), ...bars.filter((b) => !unpriced.has(b.service))].map((b) => fit(`${cell(b.service, name)} ${cell(b.bar, barWidth)} ${cell(money(b.service, b.amount), moneyWidth, 'right')}`, width));
}

/** Rows the section needs: its longest column plus the title. */
export function capacityAndCostRows(plan: Plan, width: number, capacity: boolean): number {
  const capacityRows = capacity ? capacityLines(plan, width - barsWidth(width, capacity) - 2).length : 0;
  return 1 + Math.max(capacityRows, plan.monthly.byService.size);
}
