// The refresher and metrics with the REAL AWS SDK client against the loopback fake Cost Explorer,
// on a clock the test moves: days of schedule (budget windows, month ends) pass in seconds.
import { join } from 'node:path';
import { sdkCostExplorer } from '../../packages/exporter/src/actuals/cost-explorer-api.js';
import { Refresher } from '../../packages/exporter/src/actuals/refresher.js';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { jsonLogger } from '../../packages/exporter/src/log/logger.js';
import { ExporterMetrics } from '../../packages/exporter/src/metrics/exporter-metrics.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { startFakeCostExplorer, type FakeCostExplorer, type FakeSpendLine } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { FAKE_AWS_ENV, isoDayOf, PLAN_NAMES, spendLines, tempDir, type LogLine } from './helpers.js';

export interface SdkHarness {
  readonly fake: FakeCostExplorer;
  readonly refresher: Refresher;
  readonly logs: LogLine[];
  now(): number;
  /** Runs the scheduler whenever it is due until `until` (ISO or ms), scraping every `stepMs`. */
  runUntil(until: string | number, stepMs?: number): Promise<void>;
  scrape(): Promise<string>;
  close(): Promise<void>;
}

export interface SdkHarnessOptions {
  readonly at: string;
  readonly spend?: readonly FakeSpendLine[];
  readonly pageSize?: number;
  readonly ce?: Record<string, unknown>;
  readonly root?: Record<string, unknown>;
  readonly plans?: readonly Record<string, unknown>[];
}

export async function sdkHarness(o: SdkHarnessOptions): Promise<SdkHarness> {
  Object.assign(process.env, FAKE_AWS_ENV);
  let now = Date.parse(o.at);
  const clock = () => now;
  const fake = await startFakeCostExplorer({ spend: o.spend ?? spendLines(), today: () => isoDayOf(now), ...(o.pageSize ? { pageSize: o.pageSize } : {}) });
  const config = validateConfig(
    {
      costExplorer: { endpoint: fake.url, requestTimeout: '2s', backoffInitial: '1m', backoffMax: '10m', ...o.ce },
      plans: o.plans ?? PLAN_NAMES.map((name, i) => ({ name, profile: 'eks-web-app', users: 10 ** (i + 4) })),
      stateFile: join(tempDir(), 'state.json'),
      ...o.root,
    },
    'test.yaml',
  );
  const plans = loadPlans(config);
  const api = sdkCostExplorer(config.costExplorer);
  const logs: LogLine[] = [];
  let metrics: ExporterMetrics | undefined;
  const refresher = new Refresher({
    plans,
    config: config.costExplorer,
    api,
    logger: jsonLogger((line) => logs.push(JSON.parse(line) as LogLine), 'debug', clock),
    now: clock,
    random: () => 0.5,
    events: { onRequest: (op) => metrics?.countRequest(op), onError: (r) => metrics?.countError(r), onChange: () => metrics?.invalidate() },
  });
  metrics = new ExporterMetrics({
    plans,
    actualsFor: (p) => refresher.actualsFor(p),
    lastSuccessFor: (p) => refresher.lastSuccessFor(p),
    refreshIntervalMs: config.costExplorer.refreshIntervalMs,
    pricePerRequestUsd: config.costExplorer.pricePerRequestUsd,
    varianceMinElapsedMs: config.varianceMinElapsedMs,
    startedAt: now,
    now: clock,
    processMetrics: false,
  });
  const m = metrics;
  return {
    fake,
    refresher,
    logs,
    now: clock,
    async runUntil(until, stepMs = 600_000) {
      const end = typeof until === 'string' ? Date.parse(until) : until;
      for (let i = 0; now < end; i++) {
        if (i > 20_000) throw new Error('the scheduler spins: it keeps waking without time passing');
        await refresher.runDue();
        now = Math.max(Math.min(refresher.nextWakeAt(), end, now + stepMs), now + 1);
        await m.render();
      }
      await refresher.runDue();
    },
    scrape: () => m.render(),
    async close() {
      refresher.stop();
      api.destroy();
      await fake.close();
    },
  };
}
