// A config reload (SIGHUP) replaces plans and settings without a fresh start: the day's request
// budget carries over, and queries that did not change keep their data and schedule, so a reload
// costs no requests unless it asks for new data. (The SIGHUP itself: exporter-bin.test.ts.)
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { sdkCostExplorer } from '../../packages/exporter/src/actuals/cost-explorer-api.js';
import type { CostExplorerConfig } from '../../packages/exporter/src/config/config-types.js';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { costExplorerRefresher, isoDayOf, MID_MONTH, PLAN_NAMES, sample, scrape, spendLines, startInProcess, tempDir, until } from './helpers.js';
import { sdkHarness, type SdkHarness } from './sdk-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const H = 3_600_000;
const WEB = 'web-10k';
const of = (series: string, plan = WEB) => `${series}{plan="${plan}"}`;
const WEB_EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';

async function harness(o: Parameters<typeof sdkHarness>[0]): Promise<SdkHarness> {
  const h = await sdkHarness(o);
  cleanup.push(() => h.close());
  return h;
}

/** A reload of the harness's config with other plans (and settings). */
async function reloadWith(h: SdkHarness, plans: readonly string[], ce: Record<string, unknown> = {}): Promise<void> {
  const doc = { ...h.configDoc, costExplorer: { ...(h.configDoc.costExplorer as object), ...ce }, plans: plansOf(plans) };
  const config = validateConfig(doc, 'test.yaml');
  await h.exporter.reload(config, loadPlans(config));
}

const plansOf = (names: readonly string[]) => names.map((name, i) => ({ name, profile: 'eks-web-app', users: 10 ** (i + 4) }));

describe('config reload', () => {
  it('keeps the request budget and unchanged data; only what changed is asked for', async () => {
    const now = Date.parse(MID_MONTH);
    const fake = await startFakeCostExplorer({ spend: spendLines([...PLAN_NAMES, 'extra']), today: () => isoDayOf(now) });
    cleanup.push(() => fake.close());
    const ce = { endpoint: fake.url, refreshInterval: '1h', dailyRequestBudget: 20, requestTimeout: '2s' };
    const stateFile = join(tempDir(), 'state.json');
    const { exporter, url } = await startInProcess(fake.url, ce, () => now, { root: { stateFile } });
    cleanup.push(() => exporter.stop());
    const EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';
    await until(async () => sample(await scrape(url), 'tier_planner_aws_forecast_month_end_cost_usd{plan="api-1m"}') !== undefined, 'the first refresh');
    const sent = fake.requests.length;
    const remaining = costExplorerRefresher(exporter).budget.remaining(now);
    expect(remaining).toBe(20 - sent);

    const config = (names: readonly string[]) => validateConfig({ listen: { host: '127.0.0.1', port: 0 }, costExplorer: ce, plans: plansOf(names), stateFile: stateFile }, 'test.yaml');
    const same = config(PLAN_NAMES);
    await exporter.reload(same, loadPlans(same));
    expect(costExplorerRefresher(exporter).budget.remaining(now)).toBe(remaining);
    expect(sample(await scrape(url), EC2)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fake.requests.length).toBe(sent);
    expect(sample(await scrape(url), 'tier_planner_config_last_reload_successful')).toBe(1);

    // A new plan changes the tag query and adds a forecast: those are asked for, within the same budget.
    const more = config([...PLAN_NAMES, 'extra']);
    await exporter.reload(more, loadPlans(more));
    await until(async () => sample(await scrape(url), 'tier_planner_actual_month_to_date_cost_usd{plan="extra",aws_service="EC2"}') !== undefined, 'the new plan\'s actuals');
    expect(fake.requests.length).toBeGreaterThan(sent);
    expect(costExplorerRefresher(exporter).budget.remaining(now)).toBe(20 - fake.requests.length);
  });

  it.each([
    ['adds a plan', [...PLAN_NAMES, 'extra']],
    ['removes a plan', ['web-10k', 'api-1m']],
    ['renames a plan', ['web-10k', 'shop-100k', 'api-one-million']],
  ])('a reload that %s keeps the other plans\' actuals and last success until their new query publishes', async (_what, plans) => {
    const h = await harness({ at: MID_MONTH, spend: spendLines([...PLAN_NAMES, 'extra', 'api-one-million']), ce: { refreshInterval: '1h' } });
    const t0 = h.now();
    await h.runUntil(t0 + 2 * H + 1);
    h.setNow(t0 + 2 * H + 600_000);
    const before = await h.scrape();
    expect(sample(before, of('tier_planner_refresh_last_success_timestamp_seconds'))).toBe((t0 + 2 * H) / 1000);
    expect(sample(before, of('tier_planner_data_staleness_seconds'))).toBe(600);
    const ec2 = sample(before, WEB_EC2);
    expect(ec2).toBeGreaterThan(0);

    // The new tag query is refused at first: what was published stays until it succeeds.
    h.fake.setBehaviour({ kind: 'throttle' });
    await reloadWith(h, plans);
    await h.refresher.runDue();
    const during = await h.scrape();
    expect(sample(during, WEB_EC2)).toBe(ec2);
    expect(sample(during, of('tier_planner_refresh_last_success_timestamp_seconds'))).toBe((t0 + 2 * H) / 1000);
    expect(sample(during, of('tier_planner_data_staleness_seconds'))).toBe(600);
    expect(sample(during, of('tier_planner_refresh_failing'))).toBe(1);
    // A plan that has not refreshed yet is as old as the reload that added it, not the exporter.
    for (const added of plans.filter((p) => !PLAN_NAMES.includes(p as (typeof PLAN_NAMES)[number]))) expect(sample(during, of('tier_planner_data_staleness_seconds', added))).toBe(0);
    for (const gone of PLAN_NAMES.filter((p) => !plans.includes(p))) expect(during.split('\n').filter((l) => l.includes(`plan="${gone}"`))).toEqual([]);

    h.fake.setBehaviour({ kind: 'normal' });
    await h.runUntil(h.now() + 11 * 60_000);
    const after = await h.scrape();
    const newest = plans.at(-1)!;
    expect(sample(after, `tier_planner_actual_month_to_date_cost_usd{plan="${newest}",aws_service="EC2"}`)).toBeGreaterThan(0);
    expect(sample(after, of('tier_planner_refresh_last_success_timestamp_seconds'))).toBeGreaterThan((t0 + 2 * H) / 1000);
    expect(sample(after, of('tier_planner_refresh_failing'))).toBe(0);
  });

  it('a reload whose new client cannot be built changes nothing: the old config keeps refreshing', async () => {
    let refuse = false;
    const built: string[] = [];
    const client = (ce: CostExplorerConfig) => {
      if (refuse) throw new Error('cannot build the Cost Explorer client');
      built.push(`${ce.requestTimeoutMs}`);
      return sdkCostExplorer(ce);
    };
    const h = await harness({ at: MID_MONTH, spend: spendLines([...PLAN_NAMES, 'extra']), ce: { refreshInterval: '1h', dailyRequestBudget: 100 }, costExplorer: client });
    const t0 = h.now();
    await h.runUntil(t0 + 1);
    const sent = h.fake.requests.length;
    const pagesPerRound = h.fake.requests.filter((r) => r.operation === 'GetCostAndUsage').length;
    const old = h.refresher;

    refuse = true;
    // A new request timeout needs a new client; building it throws.
    await expect(reloadWith(h, [...PLAN_NAMES, 'extra'], { refreshInterval: '30m', requestTimeout: '3s' })).rejects.toThrow(/cannot build/);
    expect(h.refresher).toBe(old);
    expect(h.exporter.history.periodsOf('extra')).toEqual([]);
    await h.runUntil(t0 + 3 * H + 1);
    const text = await h.scrape();
    // Refreshed every hour on the old schedule, with the old plans.
    expect(sample(text, of('tier_planner_refresh_last_success_timestamp_seconds'))).toBe((t0 + 3 * H) / 1000);
    expect(sample(text, 'tier_planner_refresh_interval_seconds')).toBe(3600);
    expect(h.fake.requests.length).toBe(sent + 3 * pagesPerRound);
    expect(text).not.toContain('plan="extra"');
    expect(built).toEqual(['2000']);

    // Once the client can be built, the same reload goes through.
    refuse = false;
    await reloadWith(h, [...PLAN_NAMES, 'extra'], { refreshInterval: '30m', requestTimeout: '3s' });
    await h.runUntil(h.now() + 60_000);
    expect(sample(await h.scrape(), 'tier_planner_actual_month_to_date_cost_usd{plan="extra",aws_service="EC2"}')).toBeGreaterThan(0);
    expect(built).toEqual(['2000', '3000']);
  });
});
