import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardQueries, resolveGrafanaVariables } from './dashboard-queries.js';
import { buildTierPlannerDashboard, DASHBOARD_FILE, PLAN_VARIABLE_QUERY, renderTierPlannerDashboard } from './tier-planner-dashboard.js';

// The contract in docs/exporter-metrics.md, plus what Prometheus adds itself.
const metricsDoc = readFileSync(new URL('../../../../docs/exporter-metrics.md', import.meta.url), 'utf8');
const documentedMetrics = new Set([...metricsDoc.matchAll(/^\| `(tier_planner_\w+)` \|/gm)].map((m) => m[1]!));

describe('tier-planner Grafana dashboard', () => {
  it('matches the committed grafana/tier-planner.json (regenerate: npx tsx packages/exporter/scripts/generate-grafana.ts)', () => {
    const committed = readFileSync(DASHBOARD_FILE, 'utf8');
    expect(committed === renderTierPlannerDashboard(), 'packages/exporter/grafana/tier-planner.json is stale: run npx tsx packages/exporter/scripts/generate-grafana.ts').toBe(true);
  });

  it('has a Prometheus datasource variable and a plan variable over tier_planner_plan_info', () => {
    const variables = buildTierPlannerDashboard().templating?.list ?? [];
    expect(variables.map((v) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'],
      ['plan', 'query'],
    ]);
    expect(variables[0]!.query).toBe('prometheus');
    expect(variables[1]!.query).toBe(PLAN_VARIABLE_QUERY);
    expect(variables[1]!.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
  });

  it('reads every panel and query from the datasource variable', () => {
    const dashboard = buildTierPlannerDashboard();
    for (const panel of dashboard.panels ?? []) {
      if (panel.type === 'row') continue;
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      for (const target of (panel as { targets?: { datasource?: unknown }[] }).targets ?? []) {
        expect(target.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      }
    }
  });

  it('covers forecast vs actual, services, variance, the AWS forecast band, freshness, the source of actuals and its cost', () => {
    const rows = (buildTierPlannerDashboard().panels ?? []).filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual(['Plan', 'Forecast vs actual', 'By service', 'Data freshness', 'Cost of reading actuals']);
    const exprs = dashboardQueries().map((q) => q.expr).join('\n');
    for (const metric of [
      'tier_planner_actual_month_to_date_cost_usd',
      'tier_planner_expected_month_to_date_cost_usd',
      'tier_planner_spend_variance_ratio',
      'tier_planner_aws_forecast_month_end_cost_lower_bound_usd',
      'tier_planner_aws_forecast_month_end_cost_upper_bound_usd',
      'tier_planner_data_staleness_seconds',
      'tier_planner_cost_explorer_api_spend_usd_total',
      'tier_planner_actuals_source_info',
      'tier_planner_athena_bytes_scanned_total',
    ]) {
      expect(exprs).toContain(metric);
    }
  });

  it('splits by the aws_service label, never by `service` (a Kubernetes target label that would replace it)', () => {
    const queries = dashboardQueries();
    const byService = queries.filter((q) => q.panel.includes('by service'));
    expect(byService.length).toBeGreaterThanOrEqual(3);
    for (const q of byService) expect(q.expr, q.panel).toMatch(/by \(aws_service\)/);
    for (const q of queries) expect(q.expr, q.panel).not.toMatch(/\bservice\b(?!_)|by \(service\)|\{\{service\}\}/);
  });

  it('uses only tier_planner_ metrics listed in docs/exporter-metrics.md', () => {
    expect(documentedMetrics.size).toBeGreaterThan(15);
    for (const { panel, expr } of dashboardQueries()) {
      for (const [metric] of expr.matchAll(/\btier_planner_\w+/g)) {
        expect(documentedMetrics.has(metric), `${panel}: ${metric} is not in docs/exporter-metrics.md`).toBe(true);
      }
    }
  });

  it('lays panels out on the 24-column grid without overlaps', () => {
    const taken = new Set<string>();
    for (const panel of buildTierPlannerDashboard().panels ?? []) {
      const { x, y, w, h } = panel.gridPos!;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let dx = 0; dx < w; dx++) {
        for (let dy = 0; dy < h; dy++) {
          const spot = `${x + dx},${y + dy}`;
          expect(taken.has(spot), `${panel.title} overlaps at ${spot}`).toBe(false);
          taken.add(spot);
        }
      }
    }
  });

  it('gives every panel a unique id and every query a unique refId within its panel', () => {
    const ids = (buildTierPlannerDashboard().panels ?? []).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const queries = dashboardQueries();
    const keys = queries.map((q) => `${q.panel}/${q.refId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('resolves Grafana variables and refuses to leave one behind', () => {
    const values = { plan: 'web-10k', rateInterval: '1m', range: '1h' };
    expect(resolveGrafanaVariables('rate(x{plan="$plan"}[$__rate_interval]) + increase(x[$__range])', values)).toBe('rate(x{plan="web-10k"}[1m]) + increase(x[1h])');
    expect(() => resolveGrafanaVariables('x[$__interval]', values)).toThrow(/\$__interval/);
    for (const { expr } of dashboardQueries()) expect(resolveGrafanaVariables(expr, values)).not.toContain('$');
  });
});
