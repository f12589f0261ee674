// A plan's actuals come from two GetCostAndUsage queries (by SERVICE, and "EC2 - Other" by
// USAGE_TYPE). They are published together or not at all: one failing never leaves the other's
// numbers next to services read as 0, nor mixes a new half with an old one.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeRequest } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { MID_MONTH, sample, spendLines, utcDayOfMonth } from './helpers.js';
import { sdkHarness, type SdkHarness } from './sdk-harness.js';

let h: SdkHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const byUsageType = (r: FakeRequest) => JSON.stringify((r.body as { GroupBy?: unknown }).GroupBy ?? []).includes('USAGE_TYPE');
const EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';
const VPC = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="VPC"}';
const H = 3_600_000;

describe('a plan\'s actuals are all or nothing', () => {
  it('no actuals at all while the "EC2 - Other" query fails, even though the service query answered', async () => {
    h = await sdkHarness({ at: MID_MONTH });
    h.fake.setBehaviour({ kind: 'failMatching', when: byUsageType });
    await h.runUntil(h.now() + 60_000);
    const text = await h.scrape();
    // The service query was asked and answered; its numbers alone would read VPC and EBS as 0.
    expect(h.fake.requests.filter((r) => r.operation === 'GetCostAndUsage' && !byUsageType(r)).length).toBeGreaterThan(0);
    expect(text).not.toContain('tier_planner_actual_month_to_date_cost_usd{');
    expect(text).not.toContain('tier_planner_spend_variance_ratio{');
    expect(sample(text, 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(1);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="network"}')).toBeGreaterThan(0);
  });

  it('a later refresh where one query fails keeps the whole previous snapshot, then both move together', async () => {
    h = await sdkHarness({ at: MID_MONTH, ce: { refreshInterval: '1h' } });
    const days = utcDayOfMonth(h.now());
    await h.runUntil(h.now() + 60_000);
    const before = await h.scrape();
    expect(sample(before, EC2)).toBe(days);
    expect(sample(before, VPC)).toBeCloseTo(1.08 * days, 9);
    const lastSuccess = sample(before, 'tier_planner_refresh_last_success_timestamp_seconds{plan="web-10k"}');

    // Spend goes up tenfold; the next refresh gets the new services but not "EC2 - Other".
    h.fake.setSpend(spendLines().map((l) => ({ ...l, dailyUsd: String(Number(l.dailyUsd) * 10) })));
    h.fake.setBehaviour({ kind: 'failMatching', when: byUsageType });
    await h.runUntil(h.now() + 2 * H);
    const during = await h.scrape();
    const askedAgain = h.fake.requests.filter((r) => r.operation === 'GetCostAndUsage' && !byUsageType(r)).length;
    expect(askedAgain).toBeGreaterThan(1);
    expect(sample(during, EC2)).toBe(days);
    expect(sample(during, VPC)).toBeCloseTo(1.08 * days, 9);
    expect(sample(during, 'tier_planner_refresh_last_success_timestamp_seconds{plan="web-10k"}')).toBe(lastSuccess);
    expect(sample(during, 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(1);

    h.fake.setBehaviour({ kind: 'normal' });
    await h.runUntil(h.now() + 11 * 60_000);
    const after = await h.scrape();
    expect(sample(after, EC2)).toBe(10 * days);
    expect(sample(after, VPC)).toBeCloseTo(10.8 * days, 9);
    expect(sample(after, 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(0);
  });
});
