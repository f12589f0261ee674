// The exporter on an AWS Data Export folder read by real DuckDB, on a clock the test steps:
// refreshes run only when the test calls runDue(), as sdk-harness does for Cost Explorer.
import { join } from 'node:path';
import type { QueryEngineFactory } from '../../packages/exporter/src/actuals/sources/open-engine.js';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { startExporter, type RunningExporter } from '../../packages/exporter/src/exporter.js';
import { jsonLogger } from '../../packages/exporter/src/log/logger.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { writeExportParquet, type ExportRow } from '../../packages/aws-billing/src/testing/write-export.js';
import { tempDir, type LogLine } from './helpers.js';

// Test data, not AWS prices: amounts chosen so that every sum below is easy to check by hand.
const tags = (plan: string) => ({ 'user:tier-planner:plan': plan });
const at = (day: string) => `${day} 10:00:00`;
export const curLine = (o: { day: string; type?: string; code: string; usage?: string; cost: number; account?: string; plan?: string; spEffective?: number }): ExportRow => ({
  bill_billing_period_start_date: `${o.day.slice(0, 7)}-01 00:00:00`,
  bill_payer_account_id: '111111111111',
  line_item_usage_start_date: at(o.day),
  line_item_usage_end_date: at(o.day),
  line_item_line_item_type: o.type ?? 'Usage',
  line_item_product_code: o.code,
  line_item_usage_type: o.usage ?? `USE1-${o.code}-Usage`,
  line_item_usage_account_id: o.account ?? '111111111111',
  line_item_unblended_cost: o.cost,
  savings_plan_savings_plan_effective_cost: o.spEffective ?? 0,
  savings_plan_total_commitment_to_date: 0,
  savings_plan_used_commitment: 0,
  reservation_effective_cost: 0,
  reservation_unused_amortized_upfront_fee_for_billing_period: 0,
  reservation_unused_recurring_fee: 0,
  reservation_reservation_a_r_n: '',
  resource_tags: o.plan ? tags(o.plan) : {},
});

/** November 2026 of a CUR 2.0 export: two tagged plans, an account-matched one, untagged noise. */
export const NOVEMBER: readonly ExportRow[] = [
  curLine({ day: '2026-11-01', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: 10.5, plan: 'web-10k' }),
  curLine({ day: '2026-11-02', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: 12.25, plan: 'web-10k' }),
  // Savings Plans covered usage: billed 5 and negated (unblended 0 net), effective 3.2 (amortized).
  curLine({ day: '2026-11-02', type: 'SavingsPlanCoveredUsage', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: 5, spEffective: 3.2, plan: 'web-10k' }),
  curLine({ day: '2026-11-02', type: 'SavingsPlanNegation', code: 'AmazonEC2', usage: 'USE1-BoxUsage:m7g.large', cost: -5, plan: 'web-10k' }),
  curLine({ day: '2026-11-01', code: 'AmazonEKS', usage: 'USE1-AmazonEKS-Hours:perCluster', cost: 2.4, plan: 'web-10k' }),
  curLine({ day: '2026-11-03', code: 'AmazonEC2', usage: 'USE1-NatGateway-Hours', cost: 1.08, plan: 'web-10k' }),
  curLine({ day: '2026-11-03', code: 'AmazonRDS', usage: 'USE1-InstanceUsage:db.r7g.large', cost: 7.77, plan: 'shop-100k' }),
  curLine({ day: '2026-11-04', code: 'AmazonS3', usage: 'USE1-TimedStorage-ByteHrs', cost: 1.5, account: '222222222222' }),
  curLine({ day: '2026-11-04', code: 'AmazonEC2', usage: 'USE1-BoxUsage:c7g.xlarge', cost: 99 }),
];

/** The amortized sums of NOVEMBER per plan and model service, worked out by hand. */
export const NOVEMBER_AMORTIZED = {
  'web-10k': { EC2: 10.5 + 12.25 + 3.2, EKS: 2.4, VPC: 1.08 },
  'shop-100k': { RDS: 7.77 },
  'acct-2222': { S3: 1.5 },
} as const;
/** Unblended: the covered usage and its negation cancel out. */
export const NOVEMBER_UNBLENDED_WEB_EC2 = 10.5 + 12.25 + 5 - 5;

/** October: must never show in November's figures. */
export const OCTOBER: readonly ExportRow[] = [curLine({ day: '2026-10-20', code: 'AmazonEC2', cost: 1000, plan: 'web-10k' })];

export const EXPORT_PLANS = [
  { name: 'web-10k', profile: 'eks-web-app', users: 10_000 },
  { name: 'shop-100k', profile: 'eks-web-app', users: 100_000 },
  { name: 'acct-2222', profile: 'eks-web-app', users: 10_000, match: { linkedAccount: '222222222222' } },
];

/** A FOCUS 1.2 line: the same spend in FOCUS columns (Tags keyed by the bare tag key). */
export const focusLine = (o: { day: string; code: string; service: string; usage?: string; billed: number; effective: number; plan?: string; category?: string; account?: string }): ExportRow => ({
  BillingAccountId: '111111111111',
  BillingCurrency: 'USD',
  BillingPeriodStart: `${o.day.slice(0, 7)}-01 00:00:00`,
  ChargePeriodStart: at(o.day),
  ChargePeriodEnd: at(o.day),
  ChargeCategory: o.category ?? 'Usage',
  ServiceName: o.service,
  ProviderName: 'AWS',
  SubAccountId: o.account ?? '111111111111',
  BilledCost: o.billed,
  EffectiveCost: o.effective,
  Tags: o.plan ? { 'tier-planner:plan': o.plan } : {},
  x_ServiceCode: o.code,
  SkuMeter: o.usage ?? `USE1-${o.code}-Usage`,
});

/** An export folder as AWS Data Exports lays it out: BILLING_PERIOD=YYYY-MM/… parquet. */
export async function writeExportFolder(months: Readonly<Record<string, readonly ExportRow[]>>, format: 'cur2' | 'focus' = 'cur2'): Promise<string> {
  const dir = tempDir('tp-export-');
  for (const [month, rows] of Object.entries(months)) await writeExportParquet(join(dir, 'data', `BILLING_PERIOD=${month}`, 'part-00000.parquet'), format, rows);
  return dir;
}

export interface ExportHarness {
  readonly exporter: RunningExporter;
  readonly configDoc: Record<string, unknown>;
  readonly logs: LogLine[];
  now(): number;
  setNow(at: string | number): void;
  runDue(): Promise<void>;
  scrape(): Promise<string>;
  close(): Promise<void>;
}

export async function exportHarness(o: { at: string; actuals: Record<string, unknown>; plans?: readonly Record<string, unknown>[]; queryEngine?: QueryEngineFactory }): Promise<ExportHarness> {
  let now = Date.parse(o.at);
  const clock = () => now;
  const configDoc = {
    listen: { host: '127.0.0.1', port: 0 },
    actuals: { backoffInitial: '1m', backoffMax: '10m', ...o.actuals },
    plans: o.plans ?? EXPORT_PLANS,
    stateFile: join(tempDir(), 'state.json'),
  };
  const config = validateConfig(configDoc, 'test.yaml');
  const logs: LogLine[] = [];
  const logger = jsonLogger((line) => logs.push(JSON.parse(line) as LogLine), 'debug', clock);
  const exporter = await startExporter({ config, plans: loadPlans(config), logger, now: clock, random: () => 0.5, runOnTimers: false, processMetrics: false, ...(o.queryEngine ? { queryEngine: o.queryEngine } : {}) });
  return {
    exporter,
    configDoc,
    logs,
    now: clock,
    setNow(at) {
      now = typeof at === 'string' ? Date.parse(at) : at;
    },
    runDue: () => exporter.refresher.runDue(),
    scrape: () => exporter.metrics.render(),
    close: () => exporter.stop(),
  };
}
