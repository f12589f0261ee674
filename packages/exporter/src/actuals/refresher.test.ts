import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config/validate-config.js';
import { silentLogger } from '../log/logger.js';
import { ExporterMetrics } from '../metrics/exporter-metrics.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import type { FakeSpendLine } from '../testing/fake-cost-explorer.js';
import { inMemoryCostExplorer, sdkError, type InMemoryCall } from '../testing/in-memory-cost-explorer.js';
import { testPlan } from '../testing/test-plans.js';
import type { RefreshErrorReason } from './refresh-error.js';
import { Refresher } from './refresher.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 3, 9, 17); // 3 Nov 2026, mid-morning UTC

const TEN_PLANS = Array.from({ length: 10 }, (_, i) => testPlan(`plan-${i}`, { users: 10 ** ((i % 5) + 1) }));
const SERVICES = ['Amazon Elastic Compute Cloud - Compute', 'Amazon Elastic Container Service for Kubernetes', 'Amazon Relational Database Service', 'Elastic Load Balancing', 'Amazon Simple Storage Service', 'AmazonCloudWatch'];
const spendFor = (plans: readonly LoadedPlan[]): FakeSpendLine[] =>
  plans.flatMap((p) => [
    ...SERVICES.map((service, i) => ({ service, dailyUsd: `${i + 1}.25`, tags: { 'tier-planner:plan': p.name } })),
    { service: 'EC2 - Other', usageType: 'USE1-NatGateway-Hours', dailyUsd: '1.08', tags: { 'tier-planner:plan': p.name } },
    { service: 'EC2 - Other', usageType: 'EBS:VolumeUsage.gp3', dailyUsd: '0.5', tags: { 'tier-planner:plan': p.name } },
  ]);

/** A refresher and metrics on a fake clock, driven step by step; scrapes are rendered in between. */
function harness(options: { plans?: readonly LoadedPlan[]; ce?: Record<string, unknown>; pageSize?: number; fail?: (c: InMemoryCall) => Error | undefined } = {}) {
  let now = START;
  const clock = () => now;
  const plans = options.plans ?? TEN_PLANS;
  const config = validateConfig({ plans: [{ profile: 'eks-web-app', users: 1 }], costExplorer: options.ce ?? {} }, 'test.yaml').costExplorer;
  const api = inMemoryCostExplorer({ spend: spendFor(plans), now: clock, ...(options.pageSize ? { pageSize: options.pageSize } : {}), ...(options.fail ? { fail: options.fail } : {}) });
  const errors: RefreshErrorReason[] = [];
  let counted = 0;
  let metrics: ExporterMetrics | undefined;
  const refresher = new Refresher({
    plans,
    config,
    api,
    logger: silentLogger,
    now: clock,
    random: () => 0.5,
    events: { onRequest: (op) => ((counted += 1), metrics?.countRequest(op)), onError: (r) => (errors.push(r), metrics?.countError(r)), onChange: () => metrics?.invalidate() },
  });
  metrics = new ExporterMetrics({ plans, actualsFor: (p) => refresher.actualsFor(p), refreshIntervalMs: config.refreshIntervalMs, pricePerRequestUsd: config.pricePerRequestUsd, startedAt: START, now: clock, processMetrics: false });
  return {
    api,
    refresher,
    metrics,
    errors,
    counted: () => counted,
    now: () => now,
    /** Advances the clock to `until`, running the scheduler whenever it is due and scraping every `scrapeEveryMs`. */
    async runUntil(until: number, scrapeEveryMs = 60_000): Promise<number> {
      let scrapes = 0;
      while (now < until) {
        if (scrapes > 20_000) throw new Error('the scheduler spins: it keeps waking without time passing');
        await refresher.runDue();
        const next = Math.min(refresher.nextWakeAt(), until, now + scrapeEveryMs);
        now = Math.max(next, now + 1);
        await metrics!.render();
        scrapes += 1;
      }
      return scrapes;
    },
  };
}

/** The largest number of calls in any 24 h window, and per UTC day. */
function worstDay(calls: readonly InMemoryCall[]): { rolling: number; calendar: number } {
  let rolling = 0;
  for (let i = 0; i < calls.length; i++) {
    let j = i;
    while (j < calls.length && calls[j]!.at < calls[i]!.at + DAY) j++;
    rolling = Math.max(rolling, j - i);
  }
  const perDay = new Map<string, number>();
  for (const c of calls) perDay.set(new Date(c.at).toISOString().slice(0, 10), (perDay.get(new Date(c.at).toISOString().slice(0, 10)) ?? 0) + 1);
  return { rolling, calendar: Math.max(0, ...perDay.values()) };
}

const metricValue = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('Refresher request budget (fake clock)', () => {
  it('with defaults, 10 plans and frequent scrapes for 3 days: at most 30 requests in any day', async () => {
    const h = harness();
    // Scrapes never cause requests: a scrape every 20 s on day one, every 10 minutes after.
    const scrapes = (await h.runUntil(START + DAY, 20_000)) + (await h.runUntil(START + 3 * DAY, 600_000));
    expect(scrapes).toBeGreaterThan(4_320);
    const worst = worstDay(h.api.calls);
    expect(worst.rolling).toBeLessThanOrEqual(30);
    expect(worst.calendar).toBeLessThanOrEqual(30);
    // 2 GetCostAndUsage (services, EC2 - Other usage types) every 6 h + 10 forecasts a day.
    expect(h.api.calls.filter((c) => c.operation === 'GetCostAndUsage')).toHaveLength(2 * 4 * 3);
    expect(h.api.calls.filter((c) => c.operation === 'GetCostForecast')).toHaveLength(10 * 3);
    expect(h.errors).toEqual([]);
    expect(h.counted()).toBe(h.api.calls.length);
    const text = await h.metrics.render();
    expect(metricValue(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')).toBe(24);
    expect(metricValue(text, 'tier_planner_cost_explorer_api_spend_usd_total')).toBe(0.54);
  });

  it('never exceeds the budget when Cost Explorer throttles every request for days', async () => {
    const h = harness({ ce: { backoffInitial: '1s', backoffMax: '2m' }, fail: () => sdkError('LimitExceededException') });
    await h.runUntil(START + 3 * DAY, 600_000);
    expect(worstDay(h.api.calls).rolling).toBeLessThanOrEqual(30);
    expect(h.api.calls.length).toBeGreaterThanOrEqual(80);
    expect(h.errors.filter((r) => r === 'throttled').length).toBe(h.api.calls.length);
    expect(h.errors).toContain('budget_exhausted');
    const text = await h.metrics.render();
    expect(metricValue(text, 'tier_planner_refresh_failing{plan="plan-0"}')).toBe(1);
    expect(text).not.toContain('tier_planner_actual_month_to_date_cost_usd{');
  });

  it('counts every page against the budget; when pages outgrow it, budget_exhausted instead of more requests', async () => {
    const h = harness({ pageSize: 40, ce: { refreshInterval: '1h' } });
    await h.runUntil(START + 2 * DAY, 600_000);
    const worst = worstDay(h.api.calls);
    expect(worst.rolling).toBeLessThanOrEqual(30);
    expect(worst.rolling).toBeGreaterThan(25);
    expect(h.api.calls.some((c) => (c.input as { NextPageToken?: string }).NextPageToken)).toBe(true);
    expect(h.errors).toContain('budget_exhausted');
    expect(h.errors.every((r) => r === 'budget_exhausted')).toBe(true);
  });

  it('a smaller budget is honoured too, and forecasts never starve the spend refresh', async () => {
    const h = harness({ ce: { dailyRequestBudget: 10 } });
    await h.runUntil(START + 2 * DAY, 600_000);
    expect(worstDay(h.api.calls).rolling).toBeLessThanOrEqual(10);
    const spendCalls = h.api.calls.filter((c) => c.operation === 'GetCostAndUsage');
    expect(spendCalls.length).toBe(2 * 4 * 2);
  });
});

describe('Refresher behaviour', () => {
  it('keeps the last good values through failures, backs off, and recovers', async () => {
    let failing = false;
    const h = harness({ plans: TEN_PLANS.slice(0, 1), ce: { refreshInterval: '1h', backoffInitial: '1m', backoffMax: '10m', dailyRequestBudget: 1000 }, fail: () => (failing ? sdkError('ServiceUnavailableException', 503) : undefined) });
    await h.runUntil(START + 1);
    const before = await h.metrics.render();
    const ec2 = metricValue(before, 'tier_planner_actual_month_to_date_cost_usd{plan="plan-0",aws_service="EC2"}');
    expect(ec2).toBe(1.25 * 3); // three days of November so far
    failing = true;
    const callsBefore = h.api.calls.length;
    await h.runUntil(START + 6 * 3_600_000);
    const during = await h.metrics.render();
    expect(metricValue(during, 'tier_planner_actual_month_to_date_cost_usd{plan="plan-0",aws_service="EC2"}')).toBe(ec2);
    expect(metricValue(during, 'tier_planner_refresh_failing{plan="plan-0"}')).toBe(1);
    expect(metricValue(during, 'tier_planner_data_staleness_seconds{plan="plan-0"}')).toBeGreaterThan(5 * 3600);
    expect(metricValue(during, 'tier_planner_refresh_errors_total{reason="network"}')).toBeGreaterThan(5);
    // Backoff: 0.5–1 m, 1–2 m, 2–4 m, 4–8 m, then 5–10 m (capped) over 6 h, for the plan's spend
    // refresh (its two queries are one refresh, and the first fails); the forecast is not due.
    const retries = h.api.calls.length - callsBefore;
    expect(retries).toBeGreaterThan(6 * 6);
    expect(retries).toBeLessThan(5 + 6 * 12);
    failing = false;
    await h.runUntil(h.now() + 11 * 60_000);
    const after = await h.metrics.render();
    expect(metricValue(after, 'tier_planner_refresh_failing{plan="plan-0"}')).toBe(0);
    expect(metricValue(after, 'tier_planner_data_staleness_seconds{plan="plan-0"}')).toBeLessThan(11 * 60);
  });

  it('drops last month\'s actuals at the month boundary and refreshes at once', async () => {
    const h = harness({ plans: TEN_PLANS.slice(0, 1), ce: { refreshInterval: '1d' } });
    const endOfMonth = Date.UTC(2026, 10, 30, 23, 0);
    await h.runUntil(endOfMonth, 3_600_000);
    expect(metricValue(await h.metrics.render(), 'tier_planner_actual_month_to_date_cost_usd{plan="plan-0",aws_service="EC2"}')).toBeGreaterThan(30);
    const firstOfDecember = Date.UTC(2026, 11, 1);
    const callsBefore = h.api.calls.length;
    await h.runUntil(firstOfDecember + 60_000);
    const newCalls = h.api.calls.slice(callsBefore).filter((c) => c.operation === 'GetCostAndUsage');
    expect(newCalls.map((c) => (c.input as { TimePeriod: unknown }).TimePeriod)).toContainEqual({ Start: '2026-12-01', End: '2026-12-02' });
    const text = await h.metrics.render();
    expect(metricValue(text, 'tier_planner_actual_month_to_date_cost_usd{plan="plan-0",aws_service="EC2"}')).toBe(1.25);
    expect(metricValue(text, 'tier_planner_month_elapsed_ratio')).toBeLessThan(0.01);
  });

  it('does not spin when the budget is spent across a month boundary', async () => {
    const start = Date.UTC(2026, 10, 30, 20);
    const h = harness({ plans: TEN_PLANS.slice(0, 2), ce: { dailyRequestBudget: 3, refreshInterval: '1h' } });
    // The harness clock starts at START; jump to the end of the month first.
    await h.runUntil(start, 3_600_000);
    const wakeups = await h.runUntil(Date.UTC(2026, 11, 2), 600_000);
    expect(wakeups).toBeLessThan(1_000);
    expect(worstDay(h.api.calls).rolling).toBeLessThanOrEqual(3);
    expect(h.errors.filter((r) => r === 'budget_exhausted').length).toBeLessThan(500);
  });

  it('treats DataUnavailableException from GetCostForecast as "no forecast yet", not a failure', async () => {
    const h = harness({ plans: TEN_PLANS.slice(0, 1), fail: (c) => (c.operation === 'GetCostForecast' ? sdkError('DataUnavailableException') : undefined) });
    await h.runUntil(START + 1);
    const text = await h.metrics.render();
    expect(metricValue(text, 'tier_planner_refresh_failing{plan="plan-0"}')).toBe(0);
    expect(text).not.toContain('tier_planner_aws_forecast_month_end_cost_usd{');
    expect(h.errors).toEqual([]);
  });
});
