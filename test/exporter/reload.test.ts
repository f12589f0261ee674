// A config reload (SIGHUP) replaces plans and settings without a fresh start: the day's request
// budget carries over, and queries that did not change keep their data and schedule, so a reload
// costs no requests unless it asks for new data. (The SIGHUP itself: exporter-bin.test.ts.)
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { isoDayOf, MID_MONTH, PLAN_NAMES, sample, scrape, spendLines, startInProcess, tempDir, until } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

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
    const remaining = exporter.refresher.budget.remaining(now);
    expect(remaining).toBe(20 - sent);

    const config = (names: readonly string[]) => validateConfig({ listen: { host: '127.0.0.1', port: 0 }, costExplorer: ce, plans: plansOf(names), stateFile: stateFile }, 'test.yaml');
    const same = config(PLAN_NAMES);
    await exporter.reload(same, loadPlans(same));
    expect(exporter.refresher.budget.remaining(now)).toBe(remaining);
    expect(sample(await scrape(url), EC2)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fake.requests.length).toBe(sent);
    expect(sample(await scrape(url), 'tier_planner_config_last_reload_successful')).toBe(1);

    // A new plan changes the tag query and adds a forecast: those are asked for, within the same budget.
    const more = config([...PLAN_NAMES, 'extra']);
    await exporter.reload(more, loadPlans(more));
    await until(async () => sample(await scrape(url), 'tier_planner_actual_month_to_date_cost_usd{plan="extra",aws_service="EC2"}') !== undefined, 'the new plan\'s actuals');
    expect(fake.requests.length).toBeGreaterThan(sent);
    expect(exporter.refresher.budget.remaining(now)).toBe(20 - fake.requests.length);
  });
});
