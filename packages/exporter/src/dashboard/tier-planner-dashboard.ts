// The tier-planner Grafana dashboard, built as code. packages/exporter/grafana/tier-planner.json is
// generated from it (packages/exporter/scripts/generate-grafana.ts); a test fails when that file is stale.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  DashboardBuilder,
  DashboardCursorSync,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableRefresh,
  VariableSort,
  type Dashboard,
  type GridPos,
  type Panel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { apiSection } from './api-section.js';
import { forecastSection } from './forecast-section.js';
import { freshnessSection } from './freshness-section.js';
import { PROMETHEUS, type Section } from './panel-kit.js';
import { planSection } from './plan-section.js';
import { serviceSection } from './service-section.js';

export const DASHBOARD_UID = 'tier-planner-exporter';
export const DASHBOARD_FILE_NAME = 'tier-planner.json';
/** The committed dashboard JSON: packages/exporter/grafana/tier-planner.json. */
export const DASHBOARD_FILE = new URL(`../../grafana/${DASHBOARD_FILE_NAME}`, import.meta.url);

/** The query of the `plan` template variable (not PromQL: Grafana's label_values helper). */
export const PLAN_VARIABLE_QUERY = 'label_values(tier_planner_plan_info, plan)';

export function tierPlannerSections(): Section[] {
  return [planSection(), forecastSection(), serviceSection(), freshnessSection(), apiSection()];
}

export function buildTierPlannerDashboard(): Dashboard {
  const dashboard = new DashboardBuilder('tier-planner: forecast vs actual AWS spend')
    .uid(DASHBOARD_UID)
    .description("A tier-planner plan's modelled cost next to actual AWS spend from Cost Explorer, an AWS Data Export or Athena (tier-planner-exporter).")
    .tags(['tier-planner', 'aws', 'cost'])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: 'now-7d', to: 'now' })
    .timezone('utc')
    .refresh('5m')
    // An empty list rather than the SDK's bare {}: Grafana adds its built-in annotation to it.
    .annotations([])
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'))
    .withVariable(
      new QueryVariableBuilder('plan')
        .label('Plan')
        .datasource(PROMETHEUS)
        .query(PLAN_VARIABLE_QUERY)
        .definition(PLAN_VARIABLE_QUERY)
        .refresh(VariableRefresh.OnTimeRangeChanged)
        .sort(VariableSort.AlphabeticalAsc),
    );

  // Explicit ids and grid positions keep the generated JSON stable and the layout exact.
  let y = 0;
  let id = 0;
  for (const section of tierPlannerSections()) {
    const rowY = y;
    dashboard.withRow(new RowBuilder(section.title).id(++id).gridPos({ x: 0, y: rowY, w: 24, h: 1 }));
    for (const { cell, panel } of section.panels) {
      const panelId = ++id;
      dashboard.withPanel(placed(panel, panelId, { ...cell, y: rowY + 1 + cell.y }));
      y = Math.max(y, rowY + 1 + cell.y + cell.h);
    }
  }
  return dashboard.build();
}

function placed(panel: Builder<Panel>, id: number, gridPos: GridPos): Builder<Panel> {
  return { build: () => ({ ...panel.build(), id, gridPos }) };
}

/** The dashboard as committed: two-space JSON with a final newline. */
export function renderTierPlannerDashboard(): string {
  return `${JSON.stringify(buildTierPlannerDashboard(), null, 2)}\n`;
}
