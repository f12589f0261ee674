import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { clockFrom } from '../../packages/exporter/src/testing/clock.js';
import { startExporter, type RunningExporter } from '../../packages/exporter/src/exporter.js';
import { jsonLogger } from '../../packages/exporter/src/log/logger.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { Refresher } from '../../packages/exporter/src/actuals/refresher.js';
import type { FakeSpendLine } from '../../packages/exporter/src/testing/fake-cost-explorer.js';

/** Fake credentials for the real SDK client; the fake server checks only that requests are signed. */
export const FAKE_AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export const PLAN_NAMES = ['web-10k', 'shop-100k', 'api-1m'] as const;
export const AWS_SERVICES = [
  'Amazon Elastic Compute Cloud - Compute',
  'Amazon Elastic Container Service for Kubernetes',
  'Amazon Relational Database Service',
  'Elastic Load Balancing',
  'Amazon Simple Storage Service',
  'AWS Glue',
];

/** Every plan spends (i+1) USD a day on service i, plus NAT and EBS in "EC2 - Other"; untagged spend is noise. */
export function spendLines(plans: readonly string[] = PLAN_NAMES): FakeSpendLine[] {
  return [
    ...plans.flatMap((plan) => [
      ...AWS_SERVICES.map((service, i) => ({ service, dailyUsd: `${i + 1}`, tags: { 'tier-planner:plan': plan } })),
      { service: 'EC2 - Other', usageType: 'USE1-NatGateway-Hours', dailyUsd: '1.08', tags: { 'tier-planner:plan': plan } },
      { service: 'EC2 - Other', usageType: 'EBS:VolumeUsage.gp3', dailyUsd: '0.25', tags: { 'tier-planner:plan': plan } },
    ]),
    { service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: '99', tags: {} },
  ];
}

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** Instants that break date arithmetic: the first seconds of a month, a leap day, the last minute of a year. */
export const HARD_INSTANTS = ['2026-12-01T00:00:30Z', '2028-02-29T12:00:00Z', '2026-12-31T23:59:00Z'] as const;
/** An ordinary mid-month instant for tests about something other than dates. */
export const MID_MONTH = '2026-11-17T10:00:00Z';

export { clockFrom } from '../../packages/exporter/src/testing/clock.js';

const madeDirs: string[] = [];
/** A fresh folder for a test's state file and configs; removed after the test file's tests. */
export function tempDir(prefix = 'tp-exporter-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}
// Registered in every test file that imports these helpers (vitest loads them anew per file).
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const utcDayOfMonth = (t: number): number => new Date(t).getUTCDate();
export const isoDayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

export interface InProcessOptions {
  /** Top-level config settings besides listen, costExplorer and plans (stateFile, varianceMinElapsed…). */
  readonly root?: Record<string, unknown>;
  /** Default: the three PLAN_NAMES plans. */
  readonly plans?: readonly Record<string, unknown>[];
}

/** The exporter in this process on clock `now`, with the real SDK client pointed at `endpoint`. */
export async function startInProcess(endpoint: string, ce: Record<string, unknown> = {}, now: () => number = clockFrom(MID_MONTH), options: InProcessOptions = {}): Promise<{ exporter: RunningExporter; logs: LogLine[]; url: string }> {
  Object.assign(process.env, FAKE_AWS_ENV);
  const config = validateConfig(
    {
      listen: { host: '127.0.0.1', port: 0 },
      costExplorer: { endpoint, refreshInterval: '1s', forecastRefreshInterval: '1h', backoffInitial: '100ms', backoffMax: '400ms', requestTimeout: '2s', dailyRequestBudget: 10_000, ...ce },
      plans: options.plans ?? PLAN_NAMES.map((name, i) => ({ name, profile: 'eks-web-app', users: 10 ** (i + 4) })),
      stateFile: join(tempDir('tp-exporter-state-'), 'state.json'),
      ...options.root,
    },
    'test.yaml',
  );
  const logs: LogLine[] = [];
  const exporter = await startExporter({ config, plans: loadPlans(config), logger: jsonLogger((line) => logs.push(JSON.parse(line) as LogLine), 'debug', now), now, processMetrics: false });
  return { exporter, logs, url: `http://127.0.0.1:${exporter.port}` };
}

export async function until<T>(f: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One sample's value from a /metrics body; undefined when the series is absent. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

export async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

/** The running exporter's Cost Explorer refresher (its request budget); throws if another source is configured. */
export function costExplorerRefresher(exporter: RunningExporter): Refresher {
  const r = exporter.refresher;
  if (!(r instanceof Refresher)) throw new Error(`the source of actuals is ${r.info.source}, not cost-explorer`);
  return r;
}
