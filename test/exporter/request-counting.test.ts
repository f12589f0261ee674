// tier_planner_cost_explorer_requests_total and ..._api_spend_usd_total count requests that left
// the process: not attempts that failed before sending (no credentials) or never connected
// (connection refused). Those do not spend the daily request budget either. (Attempts the budget
// refuses are covered in cost-explorer-sdk.test.ts.)
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { clockFrom, costExplorerRefresher, MID_MONTH, sample, scrape, spendLines, startInProcess, tempDir, until } from './helpers.js';

const AWS_FILES = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'] as const;
const envAtStart = AWS_FILES.map((k) => process.env[k]);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** Puts environment variables back as they were (unset if they were). */
function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function failingExporter(endpoint: string, ce: Record<string, unknown>, reason: string) {
  const now = clockFrom(MID_MONTH);
  const { exporter, url, logs } = await startInProcess(endpoint, { dailyRequestBudget: 20, backoffInitial: '50ms', backoffMax: '100ms', ...ce }, now);
  cleanup.push(() => exporter.stop());
  const text = await until(async () => {
    const t = await scrape(url);
    return (sample(t, `tier_planner_refresh_errors_total{reason="${reason}"}`) ?? 0) >= 25 ? t : undefined;
  }, `25 ${reason} errors`);
  // Stop sending and let the attempt in flight (if any) settle before counting the free slots.
  exporter.refresher.stop();
  await exporter.refresher.idle();
  return { text, logs, remaining: costExplorerRefresher(exporter).budget.remaining(now()) };
}

describe('requests are counted when sent', () => {
  it('connection refused: errors counted, no request counted or paid, the budget untouched', async () => {
    const { text, remaining } = await failingExporter(`http://127.0.0.1:${await closedPort()}`, {}, 'network');
    // More failed attempts than the budget holds, and still every slot free.
    expect(remaining).toBe(20);
    expect(sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')).toBe(0);
    expect(sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostForecast"}')).toBe(0);
    expect(sample(text, 'tier_planner_cost_explorer_api_spend_usd_total')).toBe(0);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="budget_exhausted"}')).toBe(0);
  });

  it('no credentials: nothing reaches Cost Explorer and nothing is counted', async () => {
    const fake = await startFakeCostExplorer({ spend: spendLines() });
    cleanup.push(() => fake.close());
    // A profile that is nowhere: the SDK fails to sign before sending anything.
    const dir = tempDir();
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    const saved = { AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE };
    cleanup.push(async () => restoreEnv(saved));
    Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    const { text, logs, remaining } = await failingExporter(fake.url, { profile: 'no-such-profile' }, 'no_credentials');
    expect(fake.requests).toEqual([]);
    // Said as what it is, with how to fix it; AWS refused nothing.
    const failed = logs.find((l) => l.msg === 'refresh failed');
    expect(failed).toMatchObject({ reason: 'no_credentials' });
    expect(JSON.stringify(failed)).toMatch(/no AWS credentials found \(set AWS_ACCESS_KEY_ID/);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="access_denied"}')).toBe(0);
    expect(remaining).toBe(20);
    expect(sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')).toBe(0);
    expect(sample(text, 'tier_planner_cost_explorer_api_spend_usd_total')).toBe(0);
  });

  it('answered requests, errors included, are counted one each', async () => {
    const fake = await startFakeCostExplorer({ spend: spendLines(), behaviour: { kind: 'throttle' } });
    cleanup.push(() => fake.close());
    const now = clockFrom(MID_MONTH);
    const { exporter, url } = await startInProcess(fake.url, { dailyRequestBudget: 6, backoffInitial: '50ms', backoffMax: '100ms' }, now);
    cleanup.push(() => exporter.stop());
    const text = await until(async () => {
      const t = await scrape(url);
      return (sample(t, 'tier_planner_refresh_errors_total{reason="budget_exhausted"}') ?? 0) >= 2 ? t : undefined;
    }, 'the budget spent on throttled requests');
    const sent = fake.requests.length;
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="throttled"}')).toBe(sent);
    expect(sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')! + sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostForecast"}')!).toBe(sent);
    expect(sample(text, 'tier_planner_cost_explorer_api_spend_usd_total')).toBe(sent / 100);
  });

  // Runs after the no-credentials case (tests of a file run in order): later files see the environment they started with.
  it('leaves the AWS config file variables as it found them', () => {
    expect(AWS_FILES.map((k) => process.env[k])).toEqual(envAtStart);
  });
});
