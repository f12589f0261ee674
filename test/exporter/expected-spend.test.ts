// Expected month-to-date spend is pro-rated by hours over the plan's hours per month (730): a
// deployment that spends exactly its plan's hourly rate reads 1 at any point of any month, not
// 1.019 at the end of a 31-day month or 0.921 at the end of February. And no variance ratio at all
// before enough of the month has gone for it to mean something.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPriceBook, planTier } from '../../packages/cost-model/src/index.js';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { sample } from './helpers.js';
import { sdkHarness, type SdkHarness } from './sdk-harness.js';

let h: SdkHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PLAN = { name: 'web-10k', profile: 'eks-web-app', users: 10_000 };
const prices = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const model = planTier({ users: PLAN.users, profile: PLAN.profile }, prices);
/** Spends exactly the plan's rate: monthly total × 24 h ÷ hours per month, every day. */
const onPlan = [{ service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: model.monthly.total.times(24).div(model.hoursPerMonth).toFixed(12), tags: { 'tier-planner:plan': PLAN.name } }];
const VARIANCE = 'tier_planner_spend_variance_ratio{plan="web-10k"}';

async function scrapeAt(at: string, root: Record<string, unknown> = {}): Promise<string> {
  h = await sdkHarness({ at, spend: onPlan, plans: [PLAN], root });
  await h.runUntil(h.now() + 1_000);
  const text = await h.scrape();
  await h.close();
  h = undefined;
  return text;
}

const expectedTotal = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('tier_planner_expected_month_to_date_cost_usd{plan="web-10k"'))
    .reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);

describe('expected month to date, pro-rated by hours', () => {
  it('uses 730 hours a month, as the plan does', () => {
    expect(model.hoursPerMonth).toBe(730);
  });

  it.each([
    // Cost Explorer bills the whole of today, so compare at the end of a day.
    ['the end of a 31-day month', '2026-12-31T23:59:30Z', 31],
    ['the end of a 28-day February', '2027-02-28T23:59:30Z', 28],
    ['the end of a leap-year February', '2028-02-29T23:59:30Z', 29],
    ['the end of a 30-day month', '2026-11-30T23:59:30Z', 30],
  ])('an on-plan deployment reads 1 at %s', async (_what, at, days) => {
    const text = await scrapeAt(at);
    const hours = (Date.parse(at) - Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth(), 1)) / 3_600_000;
    expect(hours).toBeCloseTo(days * 24, 1);
    expect(expectedTotal(text)).toBeCloseTo(model.monthly.total.times(hours).div(730).toNumber(), 3);
    expect(sample(text, VARIANCE)).toBeCloseTo(1, 3);
  });
});

describe('variance only after enough of the month', () => {
  it('is absent in the first 24 hours (the default) and served after; the threshold is a metric', async () => {
    const early = await scrapeAt('2026-12-01T00:00:30Z');
    expect(early).toContain('tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}');
    expect(early).not.toContain('tier_planner_spend_variance_ratio{');
    expect(sample(early, 'tier_planner_spend_variance_min_elapsed_seconds')).toBe(86_400);
    expect(await scrapeAt('2026-12-01T23:59:30Z')).not.toContain('tier_planner_spend_variance_ratio{');
    expect(sample(await scrapeAt('2026-12-02T00:00:30Z'), VARIANCE)).toBeGreaterThan(0);
  });

  it('follows the configured varianceMinElapsed', async () => {
    expect(await scrapeAt('2026-12-03T12:00:00Z', { varianceMinElapsed: '3d' })).not.toContain('tier_planner_spend_variance_ratio{');
    expect(sample(await scrapeAt('2026-12-01T06:00:00Z', { varianceMinElapsed: '6h' }), VARIANCE)).toBeGreaterThan(0);
    expect(sample(await scrapeAt('2026-12-01T06:00:00Z', { varianceMinElapsed: '6h' }), 'tier_planner_spend_variance_min_elapsed_seconds')).toBe(21_600);
  });
});

describe('expected month to date through the plan history', () => {
  it('a plan replaced by a reload mid-month is expected at each version\'s rate for the hours it was in force', async () => {
    const bigger = { ...PLAN, users: 40_000 };
    const biggerModel = planTier({ users: bigger.users, profile: bigger.profile }, prices);
    expect(biggerModel.monthly.total.toNumber()).toBeGreaterThan(model.monthly.total.toNumber() * 1.5);
    h = await sdkHarness({ at: '2026-12-01T00:00:30Z', spend: onPlan, plans: [PLAN] });
    await h.runUntil(h.now() + 1_000);
    h.setNow('2026-12-16T00:00:00Z');
    const config = validateConfig({ ...h.configDoc, plans: [bigger] }, 'test.yaml');
    await h.exporter.reload(config, loadPlans(config));
    h.setNow('2026-12-31T23:59:30Z');
    const text = await h.scrape();
    // 15 days of the first version (in force all month: the first start had no history), then
    // the rest of the month of the bigger one.
    const firstHours = 15 * 24;
    const secondHours = 16 * 24 - 30 / 3600;
    expect(expectedTotal(text)).toBeCloseTo(model.monthly.total.times(firstHours).plus(biggerModel.monthly.total.times(secondHours)).div(730).toNumber(), 3);
  });
});
