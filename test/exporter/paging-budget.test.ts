// A refresh that needs more pages than the daily request budget: the pages paid for are kept and
// paging resumes when the budget frees slots, so the refresh completes instead of spending the
// whole budget every day for nothing. Meanwhile tier_planner_refresh_incomplete says so; a round
// that is making progress is not a failing refresh and counts no error.
import { afterEach, describe, expect, it } from 'vitest';
import { isoDayOf, MID_MONTH, sample, spendLines, utcDayOfMonth } from './helpers.js';
import { sdkHarness, type SdkHarness } from './sdk-harness.js';

let h: SdkHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const DAY = 86_400_000;
const EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';
const INCOMPLETE = 'tier_planner_refresh_incomplete{plan="web-10k"}';
const FAILING = 'tier_planner_refresh_failing{plan="web-10k"}';
const BUDGET_ERRORS = 'tier_planner_refresh_errors_total{reason="budget_exhausted"}';
const PAUSED = 'refresh paused by the daily request budget; paging resumes when slots free up';
const WEB = { name: 'web-10k', profile: 'eks-web-app', users: 10_000 };
/** Pages of one plan's refresh: 7 (tag, service) groups and 2 (tag, usage type) groups a day. */
const pagesFor = (days: number, pageSize: number) => Math.ceil((7 * days) / pageSize) + Math.ceil((2 * days) / pageSize);

describe('paging against the daily request budget', () => {
  it('a refresh of 16 pages under a budget of 10 a day completes on the second day, asking for no page twice', async () => {
    h = await sdkHarness({ at: MID_MONTH, spend: spendLines(['web-10k']), pageSize: 10, plans: [WEB], ce: { dailyRequestBudget: 10, refreshInterval: '6h' } });
    const days = utcDayOfMonth(h.now());
    const pagesNeeded = pagesFor(days, 10);
    expect(pagesNeeded).toBeGreaterThan(10);
    const start = h.now();

    await h.runUntil(start + DAY - 60_000);
    const firstDay = await h.scrape();
    expect(h.fake.requests.length).toBe(10);
    expect(firstDay).not.toContain('tier_planner_actual_month_to_date_cost_usd{');
    expect(sample(firstDay, INCOMPLETE)).toBe(1);
    expect(h.logs.find((l) => l.msg === PAUSED)).toMatchObject({ level: 'info', query: 'tag:tier-planner:plan', pagesKept: 10 });
    // The spend round paged on; only the forecast, which found no slot left on the first day, failed.
    expect(h.logs.filter((l) => l.msg === 'refresh failed').every((l) => l.query === 'forecast:web-10k')).toBe(true);

    await h.runUntil(start + DAY + 3_600_000);
    const done = await h.scrape();
    // The snapshot is of the period asked for when the refresh began.
    expect(sample(done, EC2)).toBe(days);
    expect(sample(done, INCOMPLETE)).toBe(0);
    expect(sample(done, 'tier_planner_refresh_last_success_timestamp_seconds{plan="web-10k"}')).toBe(start / 1000);
    const pages = h.fake.requests.filter((r) => r.operation === 'GetCostAndUsage').map((r) => JSON.stringify(r.body));
    expect(new Set(pages).size).toBe(pages.length);
    expect(pages.slice(0, pagesNeeded).every((p) => p.includes(`"End":"${isoDayOf(start + DAY)}"`))).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(pagesNeeded);
    expect(h.logs.filter((l) => l.msg === 'refreshed' && l.query === 'tag:tier-planner:plan' && l.requests === pagesNeeded)).toHaveLength(1);
    // Never more than the budget in any 24 hours.
    expect(h.fake.requests.length).toBeLessThanOrEqual(20);
  });

  it('a page-through over several days is incomplete, not failing, and counts no budget error per pause', async () => {
    h = await sdkHarness({ at: MID_MONTH, spend: spendLines(['web-10k']), pageSize: 5, plans: [WEB], ce: { dailyRequestBudget: 10, refreshInterval: '6h' } });
    const pagesNeeded = pagesFor(utcDayOfMonth(h.now()), 5);
    // Ten pages the first day, nine a day after (one slot is left for the forecast): the last
    // pages on the fourth day.
    expect(pagesNeeded).toBeGreaterThan(10 + 9 + 9);
    expect(pagesNeeded).toBeLessThanOrEqual(10 + 9 + 9 + 9);
    const start = h.now();
    await h.runUntil(start + DAY + 3_600_000);
    const secondDay = await h.scrape();
    const errorsOnSecondDay = sample(secondDay, BUDGET_ERRORS)!;
    expect(secondDay).toMatch(/^# HELP tier_planner_refresh_incomplete 1 while a refresh for the plan is part-way through its pages, paused by the daily request budget/m);
    expect(sample(secondDay, 'tier_planner_aws_forecast_month_end_cost_usd{plan="web-10k"}')).toBeGreaterThan(0);

    for (let day = 2; day <= 3; day++) {
      await h.runUntil(start + day * DAY - 60_000);
      const text = await h.scrape();
      expect(sample(text, INCOMPLETE), `day ${day}`).toBe(1);
      expect(sample(text, FAILING), `day ${day}`).toBe(0);
      expect(sample(text, BUDGET_ERRORS), `day ${day}`).toBe(errorsOnSecondDay);
    }
    const pauses = h.logs.filter((l) => l.msg === PAUSED).map((l) => l.pagesKept);
    expect(pauses).toEqual([10, 19, 28]);
    expect(h.logs.filter((l) => l.msg === 'refresh failed' && l.query === 'tag:tier-planner:plan')).toEqual([]);

    await h.runUntil(start + 3 * DAY + 60_000);
    const done = await h.scrape();
    expect(sample(done, INCOMPLETE)).toBe(0);
    expect(sample(done, FAILING)).toBe(0);
    expect(sample(done, EC2)).toBe(utcDayOfMonth(start));
    expect(sample(done, BUDGET_ERRORS)).toBe(errorsOnSecondDay);
  });

  it('a page-through that begins with a new month waits for the budget like any other (no early retry that fails)', async () => {
    const tags = { 'tier-planner:plan': 'web-10k' };
    // November's refresh is small; December's is not (a hundred services, ten groups a page).
    h = await sdkHarness({ at: '2026-11-30T18:00:00Z', spend: [{ service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: '1', tags }], pageSize: 10, plans: [WEB], ce: { dailyRequestBudget: 10, refreshInterval: '6h' } });
    await h.runUntil('2026-11-30T23:00:00Z');
    expect(sample(await h.scrape(), EC2)).toBe(30);
    h.fake.setSpend(Array.from({ length: 100 }, (_, i) => ({ service: `Service ${i}`, dailyUsd: '1', tags })));
    await h.runUntil('2026-12-01T00:01:00Z');
    const started = await h.scrape();
    expect(sample(started, INCOMPLETE)).toBe(1);
    const errors = sample(started, BUDGET_ERRORS);
    await h.runUntil('2026-12-01T17:00:00Z');
    const waiting = await h.scrape();
    expect(sample(waiting, INCOMPLETE)).toBe(1);
    expect(sample(waiting, BUDGET_ERRORS)).toBe(errors);
    // (The forecast, which found no slot left at midnight, is failing: that is the forecast's.)
    expect(h.logs.filter((l) => l.msg === 'refresh failed' && l.query === 'tag:tier-planner:plan')).toEqual([]);
    await h.runUntil('2026-12-02T01:00:00Z');
    const done = await h.scrape();
    expect(sample(done, INCOMPLETE)).toBe(0);
    expect(sample(done, 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="Other"}')).toBe(100);
  });
});
