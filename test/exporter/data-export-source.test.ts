// The data-export source end to end in one process: parquet written as AWS lays an export out,
// read by real DuckDB, mapped to plans and served as the same series Cost Explorer feeds.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportHarness, EXPORT_PLANS, focusLine, NOVEMBER, NOVEMBER_AMORTIZED, NOVEMBER_UNBLENDED_WEB_EC2, OCTOBER, writeExportFolder, type ExportHarness } from './export-harness.js';
import { sample } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const H = 3_600_000;
const AT = '2026-11-17T10:00:00Z';
const actual = (plan: string, service: string) => `tier_planner_actual_month_to_date_cost_usd{plan="${plan}",aws_service="${service}"}`;
const of = (series: string, plan: string) => `${series}{plan="${plan}"}`;

async function harness(o: Parameters<typeof exportHarness>[0]): Promise<ExportHarness> {
  const h = await exportHarness(o);
  cleanup.push(() => h.close());
  return h;
}

describe('data-export source (DuckDB over a CUR 2.0 folder)', () => {
  it('serves each plan\'s amortized month-to-date spend per service, with no AWS forecast series', async () => {
    const dir = await writeExportFolder({ '2026-10': OCTOBER, '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', dataExport: { path: dir, format: 'cur2' } } });
    await h.runDue();
    const text = await h.scrape();
    for (const [plan, services] of Object.entries(NOVEMBER_AMORTIZED)) {
      for (const [service, usd] of Object.entries(services)) expect(sample(text, actual(plan, service)), `${plan} ${service}`).toBeCloseTo(usd, 9);
    }
    // Untagged spend of the payer account belongs to no tag-matched plan; October to no November figure.
    expect(sample(text, actual('web-10k', 'Other'))).toBeUndefined();
    expect(sample(text, actual('acct-2222', 'EC2'))).toBe(0);
    expect(sample(text, 'tier_planner_actuals_source_info{source="data-export",format="cur2",basis="amortized"}')).toBe(1);
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(0);
    expect(sample(text, of('tier_planner_aws_forecast_month_end_cost_usd', 'web-10k'))).toBeUndefined();
    expect(sample(text, 'tier_planner_cost_explorer_requests_total{operation="GetCostAndUsage"}')).toBe(0);
    expect(sample(text, 'tier_planner_refresh_interval_seconds')).toBe(4 * 3600);
  });

  it('reads a FOCUS 1.2 export: EffectiveCost by default, BilledCost with basis unblended, tags under the bare key', async () => {
    // Test data: a Savings Plans covered hour billed at 0 with an effective cost, and a tax line.
    const rows = [
      focusLine({ day: '2026-11-01', code: 'AmazonEC2', service: 'Amazon Elastic Compute Cloud', usage: 'USE1-BoxUsage:m7g.large', billed: 10.5, effective: 10.5, plan: 'web-10k' }),
      focusLine({ day: '2026-11-02', code: 'AmazonEC2', service: 'Amazon Elastic Compute Cloud', usage: 'USE1-BoxUsage:m7g.large', billed: 0, effective: 3.2, plan: 'web-10k' }),
      focusLine({ day: '2026-11-02', code: 'AmazonRDS', service: 'Amazon Relational Database Service', billed: 7.77, effective: 7.77, plan: 'shop-100k' }),
      focusLine({ day: '2026-11-02', code: 'AmazonEC2', service: 'Amazon Elastic Compute Cloud', billed: 0.84, effective: 0.84, plan: 'web-10k', category: 'Tax' }),
    ];
    const dir = await writeExportFolder({ '2026-11': rows }, 'focus');
    const amortized = await harness({ at: AT, actuals: { source: 'data-export', dataExport: { path: dir, format: 'focus' } } });
    await amortized.runDue();
    let text = await amortized.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBeCloseTo(10.5 + 3.2 + 0.84, 9);
    expect(sample(text, actual('shop-100k', 'RDS'))).toBeCloseTo(7.77, 9);
    expect(sample(text, 'tier_planner_actuals_source_info{source="data-export",format="focus",basis="amortized"}')).toBe(1);
    const billed = await harness({ at: AT, actuals: { source: 'data-export', basis: 'unblended', dataExport: { path: dir, format: 'focus' } } });
    await billed.runDue();
    text = await billed.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBeCloseTo(10.5 + 0 + 0.84, 9);
  });

  it('logs where it reads at start: source, format, basis, path and interval', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', refreshInterval: '6h', dataExport: { path: dir, format: 'cur2' } } });
    expect(h.logs.find((l) => l.msg === 'listening')).toMatchObject({ source: 'data-export', format: 'cur2', basis: 'amortized', path: dir, refreshIntervalSeconds: 6 * 3600, queriesPerRound: 1 });
  });

  it('basis unblended sums what was billed: covered usage and its negation cancel out', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', basis: 'unblended', dataExport: { path: dir, format: 'cur2' } } });
    await h.runDue();
    const text = await h.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBeCloseTo(NOVEMBER_UNBLENDED_WEB_EC2, 9);
    expect(sample(text, 'tier_planner_actuals_source_info{source="data-export",format="cur2",basis="unblended"}')).toBe(1);
  });

  it('a corrupt file keeps the last good values, counts query_failed, backs off with staleness rising; fixed, it recovers', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', refreshInterval: '4h', dataExport: { path: dir, format: 'cur2' } } });
    await h.runDue();
    const t0 = h.now();
    const good = sample(await h.scrape(), actual('web-10k', 'EC2'));
    expect(good).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);

    const corrupt = join(dir, 'data', 'BILLING_PERIOD=2026-11', 'part-00001.parquet');
    writeFileSync(corrupt, 'PAR1 this is not parquet');
    h.setNow(t0 + 4 * H);
    expect(h.exporter.refresher.nextWakeAt()).toBe(t0 + 4 * H);
    await h.runDue();
    let text = await h.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBe(good);
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(1);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="query_failed"}')).toBe(1);
    expect(sample(text, of('tier_planner_data_staleness_seconds', 'web-10k'))).toBe(4 * 3600);
    expect(h.logs.some((l) => l.msg === 'refresh failed' && l.reason === 'query_failed' && l.keeping === 'last good values')).toBe(true);
    // Backoff: the retry comes after backoffInitial (1 min, half of it jitter: 0.5 → 45 s), not at the next interval.
    const retryAt = h.exporter.refresher.nextWakeAt();
    expect(retryAt - h.now()).toBe(45_000);

    h.setNow(retryAt);
    await h.runDue();
    text = await h.scrape();
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="query_failed"}')).toBe(2);
    expect(h.exporter.refresher.nextWakeAt() - h.now()).toBe(90_000);
    expect(sample(text, of('tier_planner_data_staleness_seconds', 'web-10k'))).toBe((4 * H + 45_000) / 1000);

    rmSync(corrupt);
    h.setNow(h.exporter.refresher.nextWakeAt());
    await h.runDue();
    text = await h.scrape();
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(0);
    expect(sample(text, of('tier_planner_data_staleness_seconds', 'web-10k'))).toBe(0);
    expect(sample(text, actual('web-10k', 'EC2'))).toBe(good);
    expect(h.logs.some((l) => l.msg === 'refresh recovered')).toBe(true);
  });

  it('a file without the format\'s columns is bad_input, kept apart from query failures', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', dataExport: { path: dir, format: 'focus' } } });
    await h.runDue();
    const text = await h.scrape();
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="bad_input"}')).toBe(1);
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(1);
    expect(sample(text, actual('web-10k', 'EC2'))).toBeUndefined();
    expect(h.logs.find((l) => l.msg === 'refresh failed')?.error).toMatch(/is not a FOCUS 1\.2 export: it lacks/);
  });

  it('at the start of a month with no lines yet: no actual series and no error, logged once; after two days it is no_data', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: '2026-12-01T03:00:00Z', actuals: { source: 'data-export', refreshInterval: '4h', dataExport: { path: dir, format: 'cur2' } } });
    await h.runDue();
    h.setNow(h.exporter.refresher.nextWakeAt());
    await h.runDue();
    let text = await h.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBeUndefined();
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(0);
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="no_data"}')).toBe(0);
    expect(h.logs.filter((l) => /no actuals for the month yet/.test(l.msg))).toHaveLength(1);

    h.setNow('2026-12-03T03:00:00Z');
    await h.runDue();
    text = await h.scrape();
    expect(sample(text, 'tier_planner_refresh_errors_total{reason="no_data"}')).toBe(1);
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(1);
  });

  it('reads the month the clock is in: November\'s figures go at midnight UTC, December\'s come with its first delivery', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: '2026-11-30T22:00:00Z', actuals: { source: 'data-export', refreshInterval: '4h', dataExport: { path: dir, format: 'cur2' } } });
    await h.runDue();
    expect(sample(await h.scrape(), actual('web-10k', 'EC2'))).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);
    // Due at once when the month turns, not 4 h after the last read.
    expect(h.exporter.refresher.nextWakeAt()).toBe(Date.parse('2026-12-01T00:00:00Z'));
    h.setNow('2026-12-01T00:00:00Z');
    expect(sample(await h.scrape(), actual('web-10k', 'EC2'))).toBeUndefined();
    // Not delivered yet: not failing, and the next read waits its interval (no spinning on the new month).
    await h.runDue();
    expect(sample(await h.scrape(), of('tier_planner_refresh_failing', 'web-10k'))).toBe(0);
    expect(h.exporter.refresher.nextWakeAt()).toBe(Date.parse('2026-12-01T04:00:00Z'));
    h.setNow('2026-12-01T04:00:00Z');
    const december = NOVEMBER.map((r) => ({ ...r, bill_billing_period_start_date: '2026-12-01 00:00:00', line_item_usage_start_date: '2026-12-01 10:00:00', line_item_usage_end_date: '2026-12-01 11:00:00' }));
    const { writeExportParquet } = await import('../../packages/aws-billing/src/testing/write-export.js');
    await writeExportParquet(join(dir, 'data', 'BILLING_PERIOD=2026-12', 'part-00000.parquet'), 'cur2', december);
    await h.runDue();
    expect(sample(await h.scrape(), actual('shop-100k', 'RDS'))).toBeCloseTo(NOVEMBER_AMORTIZED['shop-100k'].RDS, 9);
  });

  it('the plans\' tag key can be given in the export\'s own spelling (dataExport.tagKey)', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const h = await harness({ at: AT, actuals: { source: 'data-export', dataExport: { path: dir, format: 'cur2', tagKey: 'user:tier-planner:plan' } }, plans: EXPORT_PLANS.slice(0, 2) });
    await h.runDue();
    expect(sample(await h.scrape(), actual('shop-100k', 'RDS'))).toBeCloseTo(7.77, 9);
    const wrong = await writeExportFolder({ '2026-11': NOVEMBER });
    const other = await harness({ at: AT, actuals: { source: 'data-export', dataExport: { path: wrong, format: 'cur2', tagKey: 'user_tier_planner_plan' } }, plans: EXPORT_PLANS.slice(0, 2) });
    await other.runDue();
    // That spelling is not in the file: no line is the plan's, so its planned services' actuals are zero, not failing.
    const text = await other.scrape();
    expect(sample(text, actual('web-10k', 'EC2'))).toBe(0);
    expect(sample(text, of('tier_planner_refresh_failing', 'web-10k'))).toBe(0);
  });
});
