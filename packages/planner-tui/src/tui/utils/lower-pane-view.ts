import { diffPlans } from '@tier-planner/cost-model';
import type { LowerPane, PlannerState } from '../state/planner-state.js';
import { describeScenario } from '../state/scenario.js';
import { comparisonLines } from './comparison-view.js';
import { lineItemLines } from './line-items-view.js';
import { fit } from './text.js';

export const PANE_TITLES: Readonly<Record<LowerPane, string>> = { 'line-items': 'Line items', ladder: 'Cost vs users', comparison: 'Comparison' };

/** The tab bar: the current pane in brackets. */
export function paneTabs(current: LowerPane, width: number): string {
  const tabs = (Object.keys(PANE_TITLES) as LowerPane[]).map((p) => (p === current ? `[${PANE_TITLES[p]}]` : ` ${PANE_TITLES[p]} `)).join(' ');
  return fit(`${tabs}   Tab: next pane`, width);
}

/** Content of the scrollable panes (line items, comparison); undefined for the chart. */
export function scrollableContent(state: PlannerState, width: number): { header?: string; rows: string[] } | undefined {
  const plan = state.plan;
  if (state.pane === 'ladder') return undefined;
  if (!plan) return { rows: ['no plan yet'] };
  if (state.pane === 'line-items') return lineItemLines(plan.lineItems, width);
  if (!state.pinned) return { rows: [fit('Nothing pinned: press s to pin this scenario, change something, and the difference shows here.', width)] };
  const diff = diffPlans(state.pinned.plan, plan);
  return { rows: comparisonLines(diff, describeScenario(state.pinned.scenario), describeScenario(state.scenario), width) };
}
