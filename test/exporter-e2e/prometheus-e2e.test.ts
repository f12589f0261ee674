// End to end with a real Prometheus: two tier-planner-exporter processes (one against a healthy
// fake Cost Explorer, one against a fake that denies access) scraped every second, the alert rules
// loaded. Every dashboard query and every alert expression must return data, and every alert must
// be pending or firing for the plan arranged to trip it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dashboardQueries, resolveGrafanaVariables } from '../../packages/exporter/src/dashboard/index.js';
import { startFakeCostExplorer, type FakeCostExplorer, type FakeSpendLine } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { startExporterProcess, type ExporterProcess } from './exporter-process.js';
import { startPrometheus, type PrometheusServer } from './prometheus-server.js';
import { alertRulesFile, findBinary } from './prometheus-tools.js';

const PLAN_TAG = 'tier-planner:plan';
/** Spends far more than its model forecast every day: TierPlannerSpendOverPlan. */
const OVERSPEND = 'e2e-overspend';
/** Spends little, but against a $5 budget: TierPlannerAwsForecastOverBudget. */
const FORECAST_OVER_BUDGET = 'e2e-forecast-over-budget';
/** Served by an exporter whose Cost Explorer denies access: TierPlannerCostDataStale, TierPlannerRefreshFailing. */
const FAILING = 'e2e-failing';

const EXPECTED_ALERTS: Readonly<Record<string, string>> = {
  TierPlannerSpendOverPlan: OVERSPEND,
  TierPlannerAwsForecastOverBudget: FORECAST_OVER_BUDGET,
  TierPlannerCostDataStale: FAILING,
  TierPlannerRefreshFailing: FAILING,
};

const spend: FakeSpendLine[] = [
  // $40k a day against a plan of a few thousand a month: over plan from the first day of any month.
  { service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: '30000', tags: { [PLAN_TAG]: OVERSPEND } },
  { service: 'Amazon Relational Database Service', dailyUsd: '9000', tags: { [PLAN_TAG]: OVERSPEND } },
  { service: 'AWS Support (Business)', dailyUsd: '1000', tags: { [PLAN_TAG]: OVERSPEND } },
  { service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: '1', tags: { [PLAN_TAG]: FORECAST_OVER_BUDGET } },
];

const plan = (name: string, extra: object = {}) => ({
  name,
  profile: 'eks-web-app',
  users: 10000,
  region: 'us-east-1',
  match: { tag: { key: PLAN_TAG, value: name } },
  ...extra,
});

const exporterConfig = (endpoint: string, plans: object[]) => ({
  listen: { host: '127.0.0.1', port: 0 },
  costExplorer: {
    region: 'us-east-1',
    endpoint,
    refreshInterval: '1s',
    forecastRefreshInterval: '1s',
    dailyRequestBudget: 100000,
    backoffInitial: '200ms',
    backoffMax: '1s',
    requestTimeout: '2s',
  },
  logLevel: 'info',
  plans,
});

/** Grafana's variables as a dashboard on a 1 s scrape would fill them. */
const GRAFANA_VALUES = { plan: OVERSPEND, rateInterval: '10s', range: '5m' };

interface AlertRule {
  alert: string;
  expr: string;
}
const alertRules = (parse(readFileSync(alertRulesFile, 'utf8')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((g) => g.rules);

/** Retries `check` until it stops throwing; the last error is the failure. */
async function eventually<T>(check: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('tier-planner-exporter scraped by a real Prometheus', () => {
  let workDir: string;
  const fakes: FakeCostExplorer[] = [];
  const exporters: ExporterProcess[] = [];
  let prometheus: PrometheusServer | undefined;

  beforeAll(async () => {
    findBinary('prometheus'); // fail here, with the install hint, before starting anything
    workDir = mkdtempSync(join(tmpdir(), 'tier-planner-e2e-'));
    const healthy = await startFakeCostExplorer({ spend });
    fakes.push(healthy);
    const denying = await startFakeCostExplorer({ spend: [], behaviour: { kind: 'accessDenied' } });
    fakes.push(denying);
    exporters.push(
      await startExporterProcess('exporter-healthy', workDir, exporterConfig(healthy.url, [plan(OVERSPEND), plan(FORECAST_OVER_BUDGET, { budgetUsd: 5 })])),
    );
    exporters.push(await startExporterProcess('exporter-denied', workDir, exporterConfig(denying.url, [plan(FAILING)])));
    prometheus = await startPrometheus({ workDir, targets: exporters.map((e) => e.target), ruleFiles: [alertRulesFile] });
  }, 30_000);

  afterAll(async () => {
    // Every process and server goes, whatever failed above.
    const stops = [prometheus?.child.stop(), ...exporters.map((e) => e.child.stop()), ...fakes.map((f) => f.close())];
    await Promise.allSettled(stops);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 15_000);

  /** Child output, for failure messages. */
  const logs = () => [prometheus?.child, ...exporters.map((e) => e.child)].map((c) => (c ? `--- ${c.name}\n${c.output().slice(-3000)}` : '')).join('\n');

  it('scrapes both exporters', async () => {
    await eventually(async () => {
      const targets = await prometheus!.targets();
      expect(targets.map((t) => t.health), JSON.stringify(targets)).toEqual(['up', 'up']);
    }, 20_000); // Prometheus applies new targets up to 5 s after start
  });

  it('offers every plan to the dashboard plan variable (label_values(tier_planner_plan_info, plan))', async () => {
    const plans = await eventually(async () => {
      const series = await prometheus!.query('tier_planner_plan_info');
      const names = series.map((s) => s.metric.plan).sort();
      expect(names).toEqual([FAILING, FORECAST_OVER_BUDGET, OVERSPEND].sort());
      return names;
    }, 10_000);
    expect(plans).toHaveLength(3);
  });

  it(`returns data for every dashboard query (plan ${OVERSPEND})`, async () => {
    const queries = dashboardQueries().map((q) => ({ ...q, promql: resolveGrafanaVariables(q.expr, GRAFANA_VALUES) }));
    await eventually(async () => {
      const empty: string[] = [];
      for (const q of queries) {
        if ((await prometheus!.query(q.promql)).length === 0) empty.push(`${q.panel} [${q.refId}]: ${q.promql}`);
      }
      expect(empty, `dashboard queries with no data:\n${empty.join('\n')}\n${logs()}`).toEqual([]);
    }, 15_000);
  });

  it('finds each alert condition true for the plan arranged to trip it', async () => {
    expect(alertRules.map((r) => r.alert).sort()).toEqual(Object.keys(EXPECTED_ALERTS).sort());
    await eventually(async () => {
      const missing: string[] = [];
      for (const rule of alertRules) {
        const plans = (await prometheus!.query(rule.expr)).map((s) => s.metric.plan);
        if (!plans.includes(EXPECTED_ALERTS[rule.alert])) missing.push(`${rule.alert}: expected plan ${EXPECTED_ALERTS[rule.alert]}, got [${plans.join(', ')}]`);
      }
      expect(missing, `${missing.join('\n')}\n${logs()}`).toEqual([]);
    }, 15_000);
  });

  it('shows every alert pending or firing in /api/v1/rules', async () => {
    await eventually(async () => {
      const rules = await prometheus!.alertingRules();
      const states = Object.fromEntries(
        Object.entries(EXPECTED_ALERTS).map(([alert, planName]) => {
          const rule = rules.find((r) => r.name === alert);
          return [alert, rule?.alerts.find((a) => a.labels.plan === planName)?.state ?? 'inactive'];
        }),
      );
      for (const [alert, state] of Object.entries(states)) expect(['pending', 'firing'], `${alert}: ${JSON.stringify(states)}`).toContain(state);
      // No `for:` on the staleness alert, so it fires as soon as the data is two intervals old.
      expect(states.TierPlannerCostDataStale).toBe('firing');
    }, 15_000);
  });
});
