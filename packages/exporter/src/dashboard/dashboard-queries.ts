// Every PromQL expression the dashboard runs, read back from the built dashboard so the list
// cannot drift from the panels. The end-to-end test runs each against a real Prometheus.
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildTierPlannerDashboard } from './tier-planner-dashboard.js';

export interface DashboardQuery {
  readonly panel: string;
  readonly refId: string;
  /** PromQL with Grafana variables ($plan, $__range, $__rate_interval) still in it. */
  readonly expr: string;
}

export function dashboardQueries(dashboard: Dashboard = buildTierPlannerDashboard()): DashboardQuery[] {
  const panels = (dashboard.panels ?? []).flatMap((p) => (p.type === 'row' ? ((p as RowPanel).panels ?? []) : [p as Panel]));
  return panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => {
      const { refId, expr } = target as { refId?: string; expr?: unknown };
      if (typeof expr !== 'string' || expr === '') throw new Error(`panel "${panel.title}" has a target without a PromQL expr`);
      return { panel: panel.title ?? '', refId: refId ?? '', expr };
    }),
  );
}

export interface GrafanaVariableValues {
  readonly plan: string;
  /** Stands for $__rate_interval, e.g. "1m". */
  readonly rateInterval: string;
  /** Stands for $__range, e.g. "1h". */
  readonly range: string;
}

/** The expression as Grafana would send it to Prometheus, given the variables' values. */
export function resolveGrafanaVariables(expr: string, values: GrafanaVariableValues): string {
  const resolved = expr
    .replaceAll('$__rate_interval', values.rateInterval)
    .replaceAll('$__range', values.range)
    .replaceAll('$plan', values.plan);
  const leftover = /\$\{?\w+/.exec(resolved);
  if (leftover) throw new Error(`unresolved Grafana variable ${leftover[0]} in ${expr}`);
  return resolved;
}
