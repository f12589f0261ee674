// The exporter as startExporter wires it (refresher, metrics, plan history and state file) with
// the REAL AWS SDK client against the loopback fake Cost Explorer, on a clock the test moves: the
// refresher runs only when stepped, so days of schedule (budget windows, month ends) pass in seconds.
import { join } from 'node:path';
import type { CostExplorerApi } from '../../packages/exporter/src/actuals/cost-explorer-api.js';
import type { Refresher } from '../../packages/exporter/src/actuals/refresher.js';
import type { CostExplorerConfig } from '../../packages/exporter/src/config/config-types.js';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { startExporter, type RunningExporter } from '../../packages/exporter/src/exporter.js';
import { jsonLogger } from '../../packages/exporter/src/log/logger.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { startFakeCostExplorer, type FakeCostExplorer, type FakeSpendLine } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { costExplorerRefresher, FAKE_AWS_ENV, isoDayOf, PLAN_NAMES, spendLines, tempDir, type LogLine } from './helpers.js';

export interface SdkHarness {
  readonly fake: FakeCostExplorer;
  /** The config document it was started with (for a reload with changes). */
  readonly configDoc: Record<string, unknown>;
  readonly exporter: RunningExporter;
  /** The refresher in use (a reload replaces it). */
  readonly refresher: Refresher;
  readonly logs: LogLine[];
  now(): number;
  /** Moves the clock to `at` (ISO or ms) without running anything. */
  setNow(at: string | number): void;
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
  /** Builds the Cost Explorer client (default: the real SDK client). */
  readonly costExplorer?: (config: CostExplorerConfig) => CostExplorerApi;
}

export async function sdkHarness(o: SdkHarnessOptions): Promise<SdkHarness> {
  Object.assign(process.env, FAKE_AWS_ENV);
  let now = Date.parse(o.at);
  const clock = () => now;
  const fake = await startFakeCostExplorer({ spend: o.spend ?? spendLines(), today: () => isoDayOf(now), ...(o.pageSize ? { pageSize: o.pageSize } : {}) });
  const configDoc = {
    listen: { host: '127.0.0.1', port: 0 },
    costExplorer: { endpoint: fake.url, requestTimeout: '2s', backoffInitial: '1m', backoffMax: '10m', ...o.ce },
    plans: o.plans ?? PLAN_NAMES.map((name, i) => ({ name, profile: 'eks-web-app', users: 10 ** (i + 4) })),
    stateFile: join(tempDir(), 'state.json'),
    ...o.root,
  };
  const config = validateConfig(configDoc, 'test.yaml');
  const logs: LogLine[] = [];
  const logger = jsonLogger((line) => logs.push(JSON.parse(line) as LogLine), 'debug', clock);
  const exporter = await startExporter({ config, plans: loadPlans(config), logger, now: clock, random: () => 0.5, runOnTimers: false, processMetrics: false, ...(o.costExplorer ? { costExplorer: o.costExplorer } : {}) });
  const toMs = (t: string | number) => (typeof t === 'string' ? Date.parse(t) : t);
  return {
    fake,
    configDoc,
    exporter,
    get refresher() {
      return costExplorerRefresher(exporter);
    },
    logs,
    now: clock,
    setNow(at) {
      now = toMs(at);
    },
    async runUntil(until, stepMs = 600_000) {
      const end = toMs(until);
      for (let i = 0; now < end; i++) {
        if (i > 20_000) throw new Error('the scheduler spins: it keeps waking without time passing');
        await exporter.refresher.runDue();
        now = Math.max(Math.min(exporter.refresher.nextWakeAt(), end, now + stepMs), now + 1);
        await exporter.metrics.render();
      }
      await exporter.refresher.runDue();
    },
    scrape: () => exporter.metrics.render(),
    async close() {
      await exporter.stop();
      await fake.close();
    },
  };
}
