// End to end with a real Prometheus: tier-planner-exporter processes (one against a healthy fake
// Cost Explorer, one against a fake that denies access, one that goes away, one that keeps
// restarting, one reading an AWS Data Export folder with DuckDB) scraped every second, the alert rules loaded. Every dashboard query and every alert
// expression must return data, and every alert must be pending or firing for the plan or exporter
// arranged to trip it. Prometheus runs on real time; the exporters and fakes on a clock that starts
// at EXPORTER_INSTANT, so nothing here depends on today's date.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dashboardQueries, resolveGrafanaVariables } from '../../packages/exporter/src/dashboard/index.js';
import { startFakeCostExplorer, type FakeCostExplorer, type FakeSpendLine } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { clockFrom } from '../../packages/exporter/src/testing/clock.js';
import { writeExportParquet } from '../../packages/aws-billing/src/testing/write-export.js';
import { curLine } from '../exporter/export-harness.js';
import { EXPORTER_INSTANT, startExporterProcess, type ExporterProcess } from './exporter-process.js';
import { freeLoopbackPort } from './free-port.js';
import { startPrometheus, type PrometheusServer } from './prometheus-server.js';
import { alertRulesFile, findBinary } from './prometheus-tools.js';

const PLAN_TAG = 'tier-planner:plan';
/** Spends far more than its model forecast every day: TierPlannerSpendOverPlan. */
const OVERSPEND = 'e2e-overspend';
/** Spends little, but against a $5 budget: TierPlannerAwsForecastOverBudget. */
const FORECAST_OVER_BUDGET = 'e2e-forecast-over-budget';
/** Served by an exporter whose Cost Explorer denies access: TierPlannerCostDataStale, TierPlannerRefreshFailing. */
const FAILING = 'e2e-failing';

/** Served by an exporter that is stopped once scraped: TierPlannerExporterDown. */
const GONE = 'e2e-gone';
/** Served by an exporter restarted three times: TierPlannerExporterRestarting. */
const RESTARTING = 'e2e-restarting';

/** Served by an exporter whose actuals come from a CUR 2.0 export folder (source data-export). */
const FROM_EXPORT = 'e2e-export';
// Test data, not AWS prices: two days of EC2 and one of RDS for the export plan, and untagged noise.
const EXPORT_LINES = [
  curLine({ day: '2026-11-01', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: 11.25, plan: FROM_EXPORT }),
  curLine({ day: '2026-11-02', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: 13.5, plan: FROM_EXPORT }),
  curLine({ day: '2026-11-02', code: 'AmazonRDS', usage: 'USE1-InstanceUsage:db.r7g.large', cost: 4.75, plan: FROM_EXPORT }),
  curLine({ day: '2026-11-02', code: 'AmazonEC2', cost: 500 }),
];
const EXPORT_EC2 = 11.25 + 13.5;
/** Cost Explorer's AWS forecast has no counterpart in an export: these panels have no data for FROM_EXPORT. */
const FORECAST_ONLY = /tier_planner_aws_forecast_/;

/** Which series of each alert must be pending or firing: by plan, or by exporter (instance). */
const EXPECTED_ALERTS: Readonly<Record<string, { label: 'plan' | 'instance'; of: string }>> = {
  TierPlannerSpendOverPlan: { label: 'plan', of: OVERSPEND },
  TierPlannerAwsForecastOverBudget: { label: 'plan', of: FORECAST_OVER_BUDGET },
  TierPlannerCostDataStale: { label: 'plan', of: FAILING },
  TierPlannerRefreshFailing: { label: 'plan', of: FAILING },
  TierPlannerExporterDown: { label: 'instance', of: GONE },
  TierPlannerExporterRestarting: { label: 'instance', of: RESTARTING },
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

const exporterConfig = (endpoint: string, plans: object[], port = 0) => ({
  listen: { host: '127.0.0.1', port },
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
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (performance.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('tier-planner-exporter scraped by a real Prometheus', () => {
  let workDir: string;
  const fakes: FakeCostExplorer[] = [];
  const exporters: ExporterProcess[] = [];
  /** Every exporter process started, restarted ones included, for cleanup and failure messages. */
  const processes: ExporterProcess[] = [];
  let prometheus: PrometheusServer | undefined;
  let restartingConfig: object;
  /** The instance label of the exporter serving each plan. */
  const instanceOf = new Map<string, string>();

  const startExporter = async (name: string, config: object, plans: string[]) => {
    const e = await startExporterProcess(name, workDir, config);
    processes.push(e);
    for (const p of plans) instanceOf.set(p, e.target);
    return e;
  };

  beforeAll(async () => {
    findBinary('prometheus'); // fail here, with the install hint, before starting anything
    workDir = mkdtempSync(join(tmpdir(), 'tier-planner-e2e-'));
    const today = clockFrom(EXPORTER_INSTANT);
    const isoToday = () => new Date(today()).toISOString().slice(0, 10);
    const healthy = await startFakeCostExplorer({ spend, today: isoToday });
    fakes.push(healthy);
    const denying = await startFakeCostExplorer({ spend: [], behaviour: { kind: 'accessDenied' }, today: isoToday });
    fakes.push(denying);
    restartingConfig = exporterConfig(healthy.url, [plan(RESTARTING)], await freeLoopbackPort());
    const exportDir = join(workDir, 'cur2-export');
    await writeExportParquet(join(exportDir, 'data', 'BILLING_PERIOD=2026-11', 'part-00000.parquet'), 'cur2', EXPORT_LINES);
    const exportConfig = {
      listen: { host: '127.0.0.1', port: 0 },
      actuals: { source: 'data-export', refreshInterval: '1s', backoffInitial: '200ms', backoffMax: '1s', dataExport: { path: exportDir, format: 'cur2' } },
      logLevel: 'info',
      plans: [plan(FROM_EXPORT)],
    };
    exporters.push(
      ...(await Promise.all([
        startExporter('exporter-healthy', exporterConfig(healthy.url, [plan(OVERSPEND), plan(FORECAST_OVER_BUDGET, { budgetUsd: 5 })]), [OVERSPEND, FORECAST_OVER_BUDGET]),
        startExporter('exporter-denied', exporterConfig(denying.url, [plan(FAILING)]), [FAILING]),
        startExporter('exporter-gone', exporterConfig(healthy.url, [plan(GONE)]), [GONE]),
        startExporter('exporter-restarting', restartingConfig, [RESTARTING]),
        startExporter('exporter-export', exportConfig, [FROM_EXPORT]),
      ])),
    );
    prometheus = await startPrometheus({ workDir, targets: exporters.map((e) => e.target), ruleFiles: [alertRulesFile] });
  }, 60_000);

  afterAll(async () => {
    // Every process and server goes, whatever failed above.
    const stops = [prometheus?.child.stop(), ...processes.map((e) => e.child.stop()), ...fakes.map((f) => f.close())];
    await Promise.allSettled(stops);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 15_000);

  /** Child output, for failure messages. */
  const logs = () => [prometheus?.child, ...processes.map((e) => e.child)].map((c) => (c ? `--- ${c.name}\n${c.output().slice(-3000)}` : '')).join('\n');

  it('scrapes every exporter', async () => {
    await eventually(async () => {
      const targets = await prometheus!.targets();
      expect(targets.map((t) => t.health), JSON.stringify(targets)).toEqual(['up', 'up', 'up', 'up', 'up']);
    }, 20_000); // Prometheus applies new targets up to 5 s after start
  });

  it('serves every exporter on the injected clock, not today\'s date', async () => {
    const elapsed = await prometheus!.query('tier_planner_month_elapsed_ratio');
    const start = Date.parse(EXPORTER_INSTANT);
    const expected = (start - Date.UTC(2026, 10, 1)) / (30 * 86_400_000);
    expect(elapsed).toHaveLength(5);
    for (const s of elapsed) expect(Number(s.value[1])).toBeCloseTo(expected, 2);
  });

  it('offers every plan to the dashboard plan variable (label_values(tier_planner_plan_info, plan))', async () => {
    const plans = await eventually(async () => {
      const series = await prometheus!.query('tier_planner_plan_info');
      const names = series.map((s) => s.metric.plan).sort();
      expect(names).toEqual([FAILING, FORECAST_OVER_BUDGET, OVERSPEND, GONE, RESTARTING, FROM_EXPORT].sort());
      return names;
    }, 10_000);
    expect(plans).toHaveLength(6);
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

  it(`serves the export's sums for plan ${FROM_EXPORT}, names its source, and answers every dashboard query but the AWS forecast`, async () => {
    await eventually(async () => {
      const ec2 = await prometheus!.query(`tier_planner_actual_month_to_date_cost_usd{plan="${FROM_EXPORT}",aws_service="EC2"}`);
      expect(ec2.map((s) => Number(s.value[1])), logs()).toEqual([EXPORT_EC2]);
      const info = await prometheus!.query(`tier_planner_actuals_source_info{instance="${instanceOf.get(FROM_EXPORT)}"}`);
      expect(info.map((s) => [s.metric.source, s.metric.format, s.metric.basis])).toEqual([['data-export', 'cur2', 'amortized']]);
    }, 15_000);
    const queries = dashboardQueries().map((q) => ({ ...q, promql: resolveGrafanaVariables(q.expr, { ...GRAFANA_VALUES, plan: FROM_EXPORT }) }));
    await eventually(async () => {
      const empty: string[] = [];
      const answered: string[] = [];
      for (const q of queries) ((await prometheus!.query(q.promql)).length === 0 ? empty : answered).push(`${q.panel} [${q.refId}]: ${q.promql}`);
      expect(empty.filter((q) => !FORECAST_ONLY.test(q)), `dashboard queries with no data:\n${empty.join('\n')}\n${logs()}`).toEqual([]);
      // Absent, not zero: the AWS forecast series do not exist for an export source.
      expect(answered.filter((q) => FORECAST_ONLY.test(q))).toEqual([]);
    }, 15_000);
  });

  it('sees one exporter go away and another start four times', async () => {
    const gone = exporters.find((e) => e.child.name === 'exporter-gone')!;
    await gone.child.stop();
    let restarting = exporters.find((e) => e.child.name === 'exporter-restarting')!;
    const startTime = async () => (await prometheus!.query(`process_start_time_seconds{instance="${restarting.target}"}`))[0]?.value[1];
    let seen: string | undefined = await eventually(async () => {
      const t = await startTime();
      expect(t).toBeDefined();
      return t;
    }, 10_000);
    for (let i = 0; i < 3; i++) {
      await restarting.child.stop();
      // process_start_time_seconds has whole seconds: make sure the next start is in a later one.
      await new Promise((r) => setTimeout(r, 1_000));
      restarting = await startExporterProcess('exporter-restarting', workDir, restartingConfig);
      processes.push(restarting);
      seen = await eventually(async () => {
        const t = await startTime();
        // Undefined while Prometheus has marked the old process' series stale and not scraped the new one.
        expect(t, logs()).toBeDefined();
        expect(t, logs()).not.toBe(seen);
        return t;
      }, 10_000);
    }
    await eventually(async () => expect((await prometheus!.targets()).map((t) => t.health).filter((h) => h === 'down')).toHaveLength(1), 10_000);
  }, 60_000);

  /** The plans or instances a rule's series are about. */
  const subjects = (alert: string, series: { metric: Record<string, string> }[]) => series.map((s) => s.metric[EXPECTED_ALERTS[alert]!.label]);
  const expectedSubject = (alert: string) => {
    const { label, of } = EXPECTED_ALERTS[alert]!;
    return label === 'plan' ? of : instanceOf.get(of);
  };

  it('finds each alert condition true for the plan or exporter arranged to trip it', async () => {
    expect(alertRules.map((r) => r.alert).sort()).toEqual(Object.keys(EXPECTED_ALERTS).sort());
    await eventually(async () => {
      const missing: string[] = [];
      for (const rule of alertRules) {
        const got = subjects(rule.alert, await prometheus!.query(rule.expr));
        if (!got.includes(expectedSubject(rule.alert) ?? '')) missing.push(`${rule.alert}: expected ${expectedSubject(rule.alert)}, got [${got.join(', ')}]`);
      }
      expect(missing, `${missing.join('\n')}\n${logs()}`).toEqual([]);
    }, 15_000);
  });

  it('shows every alert pending or firing in /api/v1/rules', async () => {
    await eventually(async () => {
      const rules = await prometheus!.alertingRules();
      const states = Object.fromEntries(
        Object.entries(EXPECTED_ALERTS).map(([alert, { label }]) => {
          const rule = rules.find((r) => r.name === alert);
          return [alert, rule?.alerts.find((a) => a.labels[label] === expectedSubject(alert))?.state ?? 'inactive'];
        }),
      );
      for (const [alert, state] of Object.entries(states)) expect(['pending', 'firing'], `${alert}: ${JSON.stringify(states)}`).toContain(state);
      // No `for:` on these, so they fire as soon as their condition holds.
      expect(states.TierPlannerCostDataStale).toBe('firing');
      expect(states.TierPlannerExporterRestarting).toBe('firing');
    }, 15_000);
  });
});
