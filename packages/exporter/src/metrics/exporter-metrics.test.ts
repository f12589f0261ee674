import { readFileSync } from 'node:fs';
import { dec, type Decimal } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import type { PlanActuals } from '../actuals/plan-actuals.js';
import { testPlan } from '../testing/test-plans.js';
import { ExporterMetrics } from './exporter-metrics.js';

// The contract: docs/exporter-metrics.md's table (name, type, labels). The dashboard and alert
// rules use only these names, so a rename here must fail.
const DOC = readFileSync(new URL('../../../../docs/exporter-metrics.md', import.meta.url), 'utf8');
const CONTRACT = DOC.split('\n')
  .filter((l) => l.startsWith('| `tier_planner_'))
  .map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return { name: cells[1]!.replaceAll('`', ''), type: cells[2]!.split(' ')[0]!, labels: [...cells[3]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!).sort() };
  });

const NOW = Date.UTC(2026, 10, 16, 0);
const plans = [testPlan('web-10k'), testPlan('big', { users: 1_000_000, profile: 'nextjs-nestjs-postgres' })];
const actuals: PlanActuals = {
  spend: { byService: new Map([['EC2', dec('20.5')], ['Other', dec('3')]]), byDay: new Map([['2026-11-01', dec('23.5')]]) },
  forecast: { start: '2026-11-16', mean: dec('100'), lower: dec('90'), upper: dec('110') },
  lastSuccessAt: NOW - 120_000,
  failing: false,
  incomplete: false,
};

function metrics(now = () => NOW, processMetrics = false) {
  return new ExporterMetrics({ plans, actualsFor: () => actuals, refreshIntervalMs: 21_600_000, pricePerRequestUsd: dec('0.01'), startedAt: NOW - 3_600_000, now, processMetrics });
}

function parse(text: string) {
  const types = new Map<string, string>();
  const help = new Set<string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const t = /^# TYPE (\S+) (\S+)/.exec(line);
    if (t) types.set(t[1]!, t[2]!);
    const h = /^# HELP (\S+) \S/.exec(line);
    if (h) help.add(h[1]!);
    const s = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (s) samples.push({ name: s[1]!, labels: Object.fromEntries([...(s[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!])), value: Number(s[3]) });
  }
  return { types, help, samples };
}

describe('ExporterMetrics', () => {
  it('serves exactly the documented names, types and labels, each with # HELP', async () => {
    expect(CONTRACT.length).toBe(27);
    const { types, help, samples } = parse(await metrics().render());
    for (const c of CONTRACT) {
      expect(types.get(c.name), c.name).toBe(c.type);
      expect(help.has(c.name), `${c.name} has HELP`).toBe(true);
      const series = samples.filter((s) => s.name === c.name);
      expect(series.length, `${c.name} has samples`).toBeGreaterThan(0);
      for (const s of series) expect(Object.keys(s.labels).sort(), c.name).toEqual(c.labels);
    }
    const ours = [...types.keys()].filter((n) => n.startsWith('tier_planner_'));
    expect(ours.sort()).toEqual(CONTRACT.map((c) => c.name).sort());
  });

  it('computes the values from the plan and the actuals', async () => {
    const { samples } = parse(await metrics().render());
    const value = (name: string, labels: Record<string, string> = {}) => samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    const web = plans[0]!;
    expect(value('tier_planner_month_elapsed_ratio')).toBe(0.5);
    // 15 days = 360 h of a 730 h plan month.
    const soFar = (d: Decimal) => d.times(360).div(web.plan.hoursPerMonth);
    expect(web.plan.hoursPerMonth).toBe(730);
    expect(value('tier_planner_expected_month_to_date_cost_usd', { plan: 'web-10k', aws_service: 'EKS' })).toBe(soFar(web.plan.monthly.byService.get('EKS')!).toNumber());
    expect(value('tier_planner_actual_month_to_date_cost_usd', { plan: 'web-10k', aws_service: 'EC2' })).toBe(20.5);
    expect(value('tier_planner_actual_month_to_date_cost_usd', { plan: 'web-10k', aws_service: 'EKS' })).toBe(0);
    expect(value('tier_planner_spend_variance_ratio', { plan: 'web-10k' })).toBeCloseTo(dec('23.5').div(soFar(web.plan.monthly.total)).toNumber(), 12);
    expect(value('tier_planner_service_variance_ratio', { plan: 'web-10k', aws_service: 'EC2' })).toBeCloseTo(dec('20.5').div(soFar(web.plan.monthly.byService.get('EC2')!)).toNumber(), 12);
    expect(value('tier_planner_service_variance_ratio', { plan: 'web-10k', aws_service: 'EKS' })).toBe(0);
    expect(value('tier_planner_service_variance_ratio', { plan: 'web-10k', aws_service: 'Other' })).toBeUndefined();
    expect(value('tier_planner_spend_variance_min_elapsed_seconds')).toBe(86_400);
    expect(value('tier_planner_refresh_incomplete', { plan: 'big' })).toBe(0);
    expect(value('tier_planner_config_last_reload_successful')).toBe(1);
    expect(value('tier_planner_config_last_reload_success_timestamp_seconds')).toBe((NOW - 3_600_000) / 1000);
    expect(value('tier_planner_aws_forecast_month_end_cost_usd', { plan: 'web-10k' })).toBe(123.5);
    expect(value('tier_planner_aws_forecast_month_end_cost_upper_bound_usd', { plan: 'web-10k' })).toBe(133.5);
    expect(value('tier_planner_data_staleness_seconds', { plan: 'big' })).toBe(120);
    expect(value('tier_planner_refresh_last_success_timestamp_seconds', { plan: 'big' })).toBe((NOW - 120_000) / 1000);
    expect(value('tier_planner_refresh_interval_seconds')).toBe(21_600);
    expect(value('tier_planner_plan_users', { plan: 'big' })).toBe(1_000_000);
    expect(value('tier_planner_plan_cost_per_user_usd', { plan: 'big' })).toBe(plans[1]!.plan.monthly.total.div(1_000_000).toNumber());
    expect(value('tier_planner_plan_info', { plan: 'big' })).toBe(1);
    expect(value('tier_planner_plan_nodes', { plan: 'web-10k', node_group: 'workers' })).toBe(web.plan.nodes[0]!.desired);
  });

  it('caches the plan series between data changes, but staleness and month elapsed move on every scrape', async () => {
    let now = NOW;
    const m = metrics(() => now);
    const first = parse(await m.render()).samples;
    now += 30_000;
    const second = parse(await m.render()).samples;
    const get = (s: typeof first, name: string) => s.find((x) => x.name === name && (x.labels.plan ?? 'web-10k') === 'web-10k' && (x.labels.aws_service ?? 'EKS') === 'EKS')!.value;
    expect(get(second, 'tier_planner_data_staleness_seconds') - get(first, 'tier_planner_data_staleness_seconds')).toBe(30);
    expect(get(second, 'tier_planner_month_elapsed_ratio')).toBeGreaterThan(get(first, 'tier_planner_month_elapsed_ratio'));
    expect(get(second, 'tier_planner_expected_month_to_date_cost_usd')).toBe(get(first, 'tier_planner_expected_month_to_date_cost_usd'));
    now += 61_000;
    const third = parse(await m.render()).samples;
    expect(get(third, 'tier_planner_expected_month_to_date_cost_usd')).toBeGreaterThan(get(first, 'tier_planner_expected_month_to_date_cost_usd'));
  });

  it('names the source of actuals (Cost Explorer unless the view says otherwise) and counts Athena\'s bytes scanned', async () => {
    const m = metrics();
    const info = (text: string) => parse(text).samples.filter((s) => s.name === 'tier_planner_actuals_source_info');
    expect(info(await m.render())).toEqual([{ name: 'tier_planner_actuals_source_info', labels: { source: 'cost-explorer', format: 'none', basis: 'unblended' }, value: 1 }]);
    m.setView({ plans, actualsFor: () => actuals, refreshIntervalMs: 14_400_000, pricePerRequestUsd: dec('0.01'), source: { source: 'athena', format: 'focus', basis: 'amortized' } });
    m.countBytesScanned(1_000);
    m.countBytesScanned(234);
    const text = await m.render();
    expect(info(text)).toEqual([{ name: 'tier_planner_actuals_source_info', labels: { source: 'athena', format: 'focus', basis: 'amortized' }, value: 1 }]);
    expect(parse(text).samples.find((s) => s.name === 'tier_planner_athena_bytes_scanned_total')?.value).toBe(1_234);
    expect(parse(text).samples.find((s) => s.name === 'tier_planner_refresh_interval_seconds')?.value).toBe(14_400);
  });

  it('counts requests and errors, and prices the requests', async () => {
    const m = metrics();
    for (let i = 0; i < 7; i++) m.countRequest('GetCostAndUsage');
    m.countRequest('GetCostForecast');
    m.countError('throttled');
    const { samples } = parse(await m.render());
    const v = (name: string, label?: [string, string]) => samples.find((s) => s.name === name && (!label || s.labels[label[0]] === label[1]))!.value;
    expect(v('tier_planner_cost_explorer_requests_total', ['operation', 'GetCostAndUsage'])).toBe(7);
    expect(v('tier_planner_cost_explorer_api_spend_usd_total')).toBe(0.08);
    expect(v('tier_planner_refresh_errors_total', ['reason', 'throttled'])).toBe(1);
    expect(v('tier_planner_refresh_errors_total', ['reason', 'budget_exhausted'])).toBe(0);
  });

  it('serves no variance before the configured part of the month has gone, then serves it', async () => {
    const at = (iso: string, minElapsedMs: number) => new ExporterMetrics({ plans, actualsFor: () => actuals, refreshIntervalMs: 21_600_000, pricePerRequestUsd: dec('0.01'), startedAt: NOW, now: () => Date.parse(iso), processMetrics: false, varianceMinElapsedMs: minElapsedMs }).render();
    expect(await at('2026-11-01T23:59:59Z', 86_400_000)).not.toContain('tier_planner_spend_variance_ratio{');
    expect(await at('2026-11-02T00:00:00Z', 86_400_000)).toContain('tier_planner_spend_variance_ratio{plan="web-10k"}');
    expect(await at('2026-11-02T00:00:00Z', 2 * 86_400_000)).not.toContain('tier_planner_spend_variance_ratio{');
    expect(await at('2026-11-02T00:00:00Z', 2 * 86_400_000)).toMatch(/^tier_planner_spend_variance_min_elapsed_seconds 172800$/m);
  });

  it('a failed reload reads 0 and keeps the time of the last good one', async () => {
    const m = metrics();
    m.configLoaded(true, NOW);
    m.configLoaded(false, NOW + 60_000);
    const { samples } = parse(await m.render());
    expect(samples.find((s) => s.name === 'tier_planner_config_last_reload_successful')!.value).toBe(0);
    expect(samples.find((s) => s.name === 'tier_planner_config_last_reload_success_timestamp_seconds')!.value).toBe(NOW / 1000);
  });

  it('includes the process metrics when asked', async () => {
    const text = await metrics(() => NOW, true).render();
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });
});
