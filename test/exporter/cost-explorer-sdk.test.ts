// The exporter with the REAL AWS SDK client against the loopback fake Cost Explorer: paging,
// throttling, outages and garbage, seen through /metrics as Prometheus would see them.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningExporter } from '../../packages/exporter/src/exporter.js';
import { startFakeCostExplorer, type FakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { clockFrom, HARD_INSTANTS, isoDayOf, MID_MONTH, sample, scrape, spendLines, startInProcess, until, utcDayOfMonth } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

interface Setup {
  fake: FakeCostExplorer;
  exporter: RunningExporter;
  url: string;
  logs: { msg: string; [k: string]: unknown }[];
  /** Days of month to date on the exporter's clock when it started. */
  days: number;
}

/** The exporter and the fake share one injected clock, so no expectation depends on today's date. */
async function setup(options: { pageSize?: number; ce?: Record<string, unknown>; at?: string } = {}): Promise<Setup> {
  const now = clockFrom(options.at ?? MID_MONTH);
  const fake = await startFakeCostExplorer({ spend: spendLines(), today: () => isoDayOf(now()), ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  cleanup.push(() => fake.close());
  const { exporter, url, logs } = await startInProcess(fake.url, options.ce, now);
  cleanup.push(() => exporter.stop());
  return { fake, exporter, url, logs, days: utcDayOfMonth(now()) };
}

// 3 plans × 8 groups (6 services, NAT, EBS) a day; 5 a page makes 5+ pages even on the 1st.
const PAGE_SIZE = 5;
const EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="shop-100k",aws_service="EC2"}';

describe('exporter + real SDK + fake Cost Explorer', () => {
  it.each(HARD_INSTANTS)('follows NextPageToken to the last page and sums every page (at %s)', async (at) => {
    const { fake, url, days } = await setup({ pageSize: PAGE_SIZE, at });
    const text = await until(async () => {
      const t = await scrape(url);
      return sample(t, EC2) !== undefined && sample(t, 'tier_planner_aws_forecast_month_end_cost_usd{plan="api-1m"}') !== undefined ? t : undefined;
    }, 'first refresh');
    expect(sample(text, EC2)).toBe(1 * days);
    expect(sample(text, 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="RDS"}')).toBe(3 * days);
    expect(sample(text, 'tier_planner_actual_month_to_date_cost_usd{plan="api-1m",aws_service="Other"}')).toBe(6 * days);
    // "EC2 - Other" split by usage type: NAT → VPC, volumes → EBS.
    expect(sample(text, 'tier_planner_actual_month_to_date_cost_usd{plan="api-1m",aws_service="VPC"}')).toBeCloseTo(1.08 * days, 9);
    expect(sample(text, 'tier_planner_actual_month_to_date_cost_usd{plan="api-1m",aws_service="EBS"}')).toBeCloseTo(0.25 * days, 9);
    const pages = fake.requests.filter((r) => r.operation === 'GetCostAndUsage' && (r.body as { NextPageToken?: string }).NextPageToken);
    expect(pages.length).toBeGreaterThan(3);
    // One query serves all three plans: it is grouped by tag and service and filtered by the three values.
    const first = fake.requests.find((r) => r.operation === 'GetCostAndUsage')!.body as Record<string, unknown>;
    expect(first).toMatchObject({ Granularity: 'DAILY', Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'TAG', Key: 'tier-planner:plan' }, { Type: 'DIMENSION', Key: 'SERVICE' }] });
    expect(first.Filter).toEqual({ Tags: { Key: 'tier-planner:plan', Values: ['web-10k', 'shop-100k', 'api-1m'], MatchOptions: ['EQUALS'] } });
    // Counted once answered, so a request in flight during the scrape may not be counted yet.
    const counted = sample(await scrape(url), 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')!;
    expect(counted).toBeGreaterThanOrEqual(fake.requests.filter((r) => r.operation === 'GetCostAndUsage').length - 1);
    expect(sample(await scrape(url), 'tier_planner_aws_forecast_month_end_cost_usd{plan="api-1m"}')).toBeGreaterThan(0);
  });

  it('a LimitExceededException, then success: counted as throttled, retried after a backoff, not failing after', async () => {
    const now = clockFrom(MID_MONTH);
    const fake = await startFakeCostExplorer({ spend: spendLines(), today: () => isoDayOf(now()), behaviour: { kind: 'throttle', times: 1 } });
    cleanup.push(() => fake.close());
    const { exporter, url, logs } = await startInProcess(fake.url, { refreshInterval: '1h' }, now);
    cleanup.push(() => exporter.stop());
    const text = await until(async () => {
      const t = await scrape(url);
      return sample(t, EC2) !== undefined && sample(t, 'tier_planner_refresh_failing{plan="web-10k"}') === 0 ? t : undefined;
    }, 'recovery');
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="throttled"}')).toBe(1);
    expect(logs.find((l) => l.msg === 'refresh failed')).toMatchObject({ level: 'warn', reason: 'throttled' });
    expect(logs.some((l) => l.msg === 'refresh recovered')).toBe(true);
    expect(fake.requests[0]!.operation).toBe('GetCostAndUsage');
  });

  it('a long outage: every scrape still answers, last values kept, staleness rises, failing=1, errors by reason', async () => {
    // A budget that covers a 1 s schedule all day, so forecast retries never wait for a free slot
    // (a minute at least) and recovery is seen within the test.
    const { fake, url, logs, days } = await setup({ ce: { dailyRequestBudget: 1_000_000 } });
    const before = await until(async () => {
      const t = await scrape(url);
      return sample(t, EC2) !== undefined ? t : undefined;
    }, 'first refresh');
    fake.setSpend(spendLines().map((l) => ({ ...l, dailyUsd: '1000' })));
    fake.setBehaviour({ kind: 'down' });
    const network = await until(async () => {
      const t = await scrape(url);
      return (sample(t, 'tier_planner_refresh_errors_total{reason="network"}') ?? 0) >= 4 ? t : undefined;
    }, 'several failed refreshes');
    expect(sample(network, EC2)).toBe(sample(before, EC2));
    expect(sample(network, 'tier_planner_refresh_failing{plan="shop-100k"}')).toBe(1);
    fake.setBehaviour({ kind: 'malformed' });
    await until(async () => (sample(await scrape(url), 'tier_planner_refresh_errors_total{reason="invalid_response"}') ?? 0) >= 2, 'invalid responses');
    fake.setBehaviour({ kind: 'accessDenied' });
    const denied = await until(async () => {
      const t = await scrape(url);
      return (sample(t, 'tier_planner_refresh_errors_total{reason="access_denied"}') ?? 0) >= 2 ? t : undefined;
    }, 'access denied');
    expect(sample(denied, EC2)).toBe(1 * days);
    expect(sample(denied, 'tier_planner_data_staleness_seconds{plan="shop-100k"}')).toBeGreaterThan(sample(before, 'tier_planner_data_staleness_seconds{plan="shop-100k"}')! + 0.5);
    expect(sample(denied, 'tier_planner_refresh_last_success_timestamp_seconds{plan="shop-100k"}')).toBe(sample(before, 'tier_planner_refresh_last_success_timestamp_seconds{plan="shop-100k"}'));
    const requestsBeforeHang = fake.requests.length;
    // Scrapes never wait on AWS: with every request hanging until its 2 s timeout, each scrape
    // still answers at once (well under the timeout, however busy the machine).
    fake.setBehaviour({ kind: 'hang' });
    await until(() => fake.requests.length > requestsBeforeHang, 'a request left hanging');
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await scrape(url);
      expect(performance.now() - t0).toBeLessThan(1_000);
    }
    fake.setBehaviour({ kind: 'accessDenied' });
    const failures = logs.filter((l) => l.msg === 'refresh failed');
    const reasons = new Set(failures.map((l) => l.reason));
    expect([...reasons]).toEqual(expect.arrayContaining(['network', 'invalid_response', 'access_denied']));
    expect([...reasons].filter((r) => !['network', 'invalid_response', 'access_denied'].includes(r as string))).toEqual([]);
    expect(JSON.stringify(logs)).not.toContain('fake-secret-key');
    expect(JSON.stringify(logs)).not.toContain('AKIDFAKE');
    fake.setBehaviour({ kind: 'normal' });
    const after = await until(async () => {
      const t = await scrape(url);
      return sample(t, EC2) === 1000 * days ? t : undefined;
    }, 'recovery with new data');
    await until(async () => sample(await scrape(url), 'tier_planner_refresh_failing{plan="shop-100k"}') === 0, 'failing back to 0');
    expect(sample(after, 'tier_planner_data_staleness_seconds{plan="shop-100k"}')).toBeLessThan(3);
  });

  it('the daily budget holds against a real client too: budget_exhausted, no request beyond it, and the counters count exactly what was sent', async () => {
    const { fake, url } = await setup({ ce: { dailyRequestBudget: 5, refreshInterval: '1s' } });
    await until(async () => (sample(await scrape(url), 'tier_planner_refresh_errors_total{reason="budget_exhausted"}') ?? 0) >= 2, 'budget_exhausted');
    expect(fake.requests.length).toBe(5);
    const text = await scrape(url);
    const counted = (op: string) => sample(text, `tier_planner_cost_explorer_requests_total{operation="${op}"}`)!;
    expect(counted('GetCostAndUsage') + counted('GetCostForecast')).toBe(5);
    expect(text).toMatch(/^# TYPE tier_planner_cost_explorer_api_spend_usd_total counter$/m);
    expect(sample(text, 'tier_planner_cost_explorer_api_spend_usd_total')).toBe(0.05);
  });
});
