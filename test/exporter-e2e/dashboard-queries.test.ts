// Every PromQL expression of the Grafana dashboard parses: promtool checks them as recording rules
// (a syntax check that needs no server; the end-to-end test runs them against real data).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { dashboardQueries, resolveGrafanaVariables } from '../../packages/exporter/src/dashboard/index.js';
import { outputOf, runPromtool } from './prometheus-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'tier-planner-dashboard-queries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** promtool's verdict on a rules file recording each expression. */
function checkAsRecordingRules(exprs: readonly string[]) {
  const file = join(dir, `rules-${Math.random().toString(36).slice(2)}.yml`);
  const rules = exprs.map((expr, i) => ({ record: `tier_planner:dashboard_query_${i}`, expr }));
  writeFileSync(file, stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
  return runPromtool(['check', 'rules', file]);
}

describe('dashboard PromQL', () => {
  const queries = dashboardQueries();
  const values = { plan: 'web-10k', rateInterval: '1m', range: '1h' };

  it('has queries to check', () => {
    expect(queries.length).toBeGreaterThan(20);
  });

  it('parses in promtool, every expression', () => {
    const run = checkAsRecordingRules(queries.map((q) => resolveGrafanaVariables(q.expr, values)));
    expect(run.status, outputOf(run)).toBe(0);
    expect(run.stdout).toContain(`SUCCESS: ${queries.length} rules found`);
  });

  it('would catch a broken expression', () => {
    const run = checkAsRecordingRules(['sum by (plan (tier_planner_plan_info)']);
    expect(run.status, outputOf(run)).not.toBe(0);
  });
});
