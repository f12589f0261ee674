import type { LowerPane, PlannerState } from '../state/planner-state.js';
import { describeScenario } from '../state/scenario.js';
import { comparisonLines } from './comparison-view.js';
import { lineItemLines } from './line-items-view.js';
import { fit, wrap } from './text.js';

export const PANE_TITLES: Readonly<Record<LowerPane, string>> = { 'line-items': 'Line items', ladder: 'Cost vs users', comparison: 'Comparison' };

/** The tab bar: the current pane in brackets; on a narrow screen only the current one, and its place. */
export function paneTabs(current: LowerPane, width: number): string {
  const panes = Object.keys(PANE_TITLES) as LowerPane[];
  const tabs = panes.map((p) => (p === current ? `[${PANE_TITLES[p]}]` : ` ${PANE_TITLES[p]} `)).join(' ');
  const full = `${tabs}   Tab: next pane`;
  if (full.length <= width) return full;
  if (tabs.length <= width) return tabs;
  return fit(`[${PANE_TITLES[current]}] ${panes.indexOf(current) + 1}/${panes.length} · Tab: next`, width);
}

/** Content of the scrollable panes (line items, comparison); undefined for the chart. */
export function scrollableContent(state: PlannerState, width: number): { header?: string; rows: string[] } | undefined {
  const plan = state.plan;
  if (state.pane === 'ladder') return undefined;
  if (!plan) return { rows: ['no plan yet'] };
  if (state.pane === 'line-items') return lineItemLines(plan.lineItems, width);
  if (!state.pinned) return { rows: wrap('Nothing pinned: press s to pin this scenario, change something, and the difference shows here.', width) };
  return { rows: comparisonLines(state.pinned.plan, plan, describeScenario(state.pinned.scenario), describeScenario(state.scenario), width) };
}
