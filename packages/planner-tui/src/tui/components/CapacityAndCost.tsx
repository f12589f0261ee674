import { Box, Text } from 'ink';
import type { Plan } from '@tier-planner/cost-model';
import { usd } from '../../render/format.js';
import { serviceBars } from '../utils/bars.js';
import { capacityLines } from '../utils/plan-summary-view.js';
import { cell, fit } from '../utils/text.js';
import { Lines } from './Lines.js';

/** Left: node groups or Fargate tasks and datastores; right: cost by service as bars. */
export function CapacityAndCost({ plan, width, rows }: { readonly plan: Plan; readonly width: number; readonly rows: number }) {
  const right = Math.max(36, Math.floor(width * 0.42));
  const left = width - right - 2;
  const capacity = capacityLines(plan, left).slice(0, rows - 1);
  return (
    <Box flexDirection="row">
      <Box flexDirection="column" width={left} marginRight={2}>
        <Text bold wrap="truncate">{fit(plan.nodes.length ? 'Node groups' : 'Capacity', left)}</Text>
        <Lines lines={capacity} />
      </Box>
      <Box flexDirection="column" width={right}>
        <Text bold wrap="truncate">{fit('Cost by service / month', right)}</Text>
        <Lines lines={costBarLines(plan, right).slice(0, rows - 1)} />
      </Box>
    </Box>
  );
}

export function costBarLines(plan: Plan, width: number): string[] {
  const amounts = [...plan.monthly.byService.values()].map((v) => usd(v).length);
  const money = Math.max(8, ...amounts);
  const name = Math.min(14, Math.max(3, ...[...plan.monthly.byService.keys()].map((s) => s.length)));
  const barWidth = Math.max(4, width - name - money - 2);
  return serviceBars(plan.monthly.byService, barWidth).map((b) => fit(`${cell(b.service, name)} ${cell(b.bar, barWidth)} ${cell(usd(b.amount), money, 'right')}`, width));
}

/** Rows the section needs: its longest column plus the title. */
export function capacityAndCostRows(plan: Plan, width: number, cap: number): number {
  const right = Math.max(36, Math.floor(width * 0.42));
  return Math.min(cap, 1 + Math.max(capacityLines(plan, width - right - 2).length, plan.monthly.byService.size));
}
