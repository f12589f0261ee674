// A reload (SIGHUP) that changes the source of actuals: Cost Explorer → a Data Export folder and
// back. The new source's figures replace the old ones (another basis is not the same data), the
// Cost Explorer client is freed while unused, and the series keep their names and labels.
import { afterEach, describe, expect, it } from 'vitest';
import type { CostExplorerConfig } from '../../packages/exporter/src/config/config-types.js';
import { sdkCostExplorer, type CostExplorerApi } from '../../packages/exporter/src/actuals/cost-explorer-api.js';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { EXPORT_PLANS, NOVEMBER, NOVEMBER_AMORTIZED, writeExportFolder } from './export-harness.js';
import { MID_MONTH, sample, spendLines } from './helpers.js';
import { sdkHarness, type SdkHarness } from './sdk-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const H = 3_600_000;
const WEB_EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';
const info = (source: string, format: string, basis: string) => `tier_planner_actuals_source_info{source="${source}",format="${format}",basis="${basis}"}`;

describe('a reload that changes the source of actuals', () => {
  it('cost-explorer → data-export → cost-explorer: each source\'s own figures, no Cost Explorer request while the export is in use', async () => {
    const clients: { destroyed: boolean }[] = [];
    const client = (ce: CostExplorerConfig): CostExplorerApi => {
      const api = sdkCostExplorer(ce);
      const entry = { destroyed: false };
      clients.push(entry);
      return { ...api, getCostAndUsage: api.getCostAndUsage.bind(api), getCostForecast: api.getCostForecast.bind(api), destroy: () => ((entry.destroyed = true), api.destroy()) };
    };
    const plans = EXPORT_PLANS.slice(0, 2);
    const h: SdkHarness = await sdkHarness({ at: MID_MONTH, spend: spendLines(plans.map((p) => p.name)), ce: { refreshInterval: '1h' }, plans, costExplorer: client });
    cleanup.push(() => h.close());
    await h.runUntil(h.now() + 1);
    let text = await h.scrape();
    const fromCostExplorer = sample(text, WEB_EC2)!;
    expect(fromCostExplorer).toBeGreaterThan(0);
    expect(sample(text, info('cost-explorer', 'none', 'unblended'))).toBe(1);

    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const toExport = validateConfig({ ...h.configDoc, actuals: { source: 'data-export', dataExport: { path: dir, format: 'cur2' } } }, 'test.yaml');
    await h.exporter.reload(toExport, loadPlans(toExport));
    expect(h.exporter.refresher.info.source).toBe('data-export');
    expect(clients.map((c) => c.destroyed)).toEqual([true]);
    text = await h.scrape();
    // Cost Explorer's unblended figures are not the export's amortized ones: none until the export is read.
    expect(sample(text, WEB_EC2)).toBeUndefined();
    expect(sample(text, info('data-export', 'cur2', 'amortized'))).toBe(1);
    expect(sample(text, info('cost-explorer', 'none', 'unblended'))).toBeUndefined();
    const sent = h.fake.requests.length;
    await h.runUntil(h.now() + 5 * H);
    text = await h.scrape();
    expect(sample(text, WEB_EC2)).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);
    expect(sample(text, 'tier_planner_refresh_interval_seconds')).toBe(4 * 3600);
    expect(h.fake.requests.length).toBe(sent);
    expect(sample(text, 'tier_planner_config_last_reload_successful')).toBe(1);

    // And back: a new client, Cost Explorer's figures again.
    const back = validateConfig(h.configDoc, 'test.yaml');
    await h.exporter.reload(back, loadPlans(back));
    await h.runUntil(h.now() + 1);
    text = await h.scrape();
    expect(clients).toHaveLength(2);
    expect(h.fake.requests.length).toBeGreaterThan(sent);
    expect(sample(text, WEB_EC2)).toBe(fromCostExplorer);
    expect(sample(text, info('cost-explorer', 'none', 'unblended'))).toBe(1);
  });

  it('a reload that keeps the export settings keeps its figures and schedule; a new basis reads again', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const actuals = { source: 'data-export', dataExport: { path: dir, format: 'cur2' } };
    const h: SdkHarness = await sdkHarness({ at: MID_MONTH, plans: EXPORT_PLANS, root: { actuals } });
    cleanup.push(() => h.close());
    const readAt = h.now();
    await h.runUntil(readAt + 1);
    const same = validateConfig(h.configDoc, 'test.yaml');
    await h.exporter.reload(same, loadPlans(same));
    expect(sample(await h.scrape(), WEB_EC2)).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);
    expect(h.exporter.refresher.nextWakeAt()).toBe(readAt + 4 * H);

    const unblended = validateConfig({ ...h.configDoc, actuals: { ...actuals, basis: 'unblended' } }, 'test.yaml');
    await h.exporter.reload(unblended, loadPlans(unblended));
    expect(sample(await h.scrape(), WEB_EC2)).toBeUndefined();
    await h.exporter.refresher.runDue();
    expect(sample(await h.scrape(), WEB_EC2)).toBeCloseTo(10.5 + 12.25, 9);
  });
});
