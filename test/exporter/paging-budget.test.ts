// A refresh that needs more pages than the daily request budget: the pages paid for are kept and
// paging resumes when the budget frees slots, so the refresh completes instead of spending the
// whole budget every day for nothing; tier_planner_refresh_incomplete says so meanwhile.
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

describe('paging against the daily request budget', () => {
  it('a refresh of 16 pages under a budget of 10 a day completes on the second day, asking for no page twice', async () => {
    // One plan: 7 (tag, service) groups and 2 (tag, usage type) groups a day, 10 groups a page.
    h = await sdkHarness({ at: MID_MONTH, spend: spendLines(['web-10k']), pageSize: 10, plans: [{ name: 'web-10k', profile: 'eks-web-app', users: 10_000 }], ce: { dailyRequestBudget: 10, refreshInterval: '6h' } });
    const days = utcDayOfMonth(h.now());
    const pagesNeeded = Math.ceil((7 * days) / 10) + Math.ceil((2 * days) / 10);
    expect(pagesNeeded).toBeGreaterThan(10);
    const start = h.now();

    await h.runUntil(start + DAY - 60_000);
    const firstDay = await h.scrape();
    expect(h.fake.requests.length).toBe(10);
    expect(firstDay).not.toContain('tier_planner_actual_month_to_date_cost_usd{');
    expect(sample(firstDay, INCOMPLETE)).toBe(1);
    expect(sample(firstDay, 'tier_planner_refresh_errors_total{reason="budget_exhausted"}')).toBeGreaterThan(0);
    expect(h.logs.find((l) => l.msg === 'refresh failed' && l.reason === 'budget_exhausted')).toMatchObject({ pagesKept: 10 });

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
    expect(h.logs.filter((l) => l.msg === 'refresh recovered' && l.query === 'tag:tier-planner:plan')).toHaveLength(1);
    // Never more than the budget in any 24 hours.
    expect(h.fake.requests.length).toBeLessThanOrEqual(20);
  });
});
