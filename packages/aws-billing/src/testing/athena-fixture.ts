import { join } from 'node:path';
import type { ExportFormat } from '../export-format/export-format.js';
import { writeExportParquet, type ExportRow, type WriteExportOptions } from './write-export.js';

// A small CUR 2.0 and FOCUS 1.2 export for the Athena tests. Every amount here is test data,
// chosen to exercise the sums (Savings Plans, reservations, credit, tax, untagged lines), never an AWS price.

const PLAN = { 'user:tier-planner:plan': 'prod' };
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')} 00:00:00`;

function cur2November(): ExportRow[] {
  const base = { bill_billing_period_start_date: '2026-11-01 00:00:00', line_item_usage_account_id: '111122223333' };
  const rows: ExportRow[] = [];
  // One EC2 usage line a day, so the month has enough groups to page through.
  for (let d = 1; d <= 30; d += 1) {
    rows.push({ ...base, line_item_usage_start_date: day(d), line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'BoxUsage:m5.large', line_item_unblended_cost: 0.1234567 * d, resource_tags: PLAN });
  }
  rows.push(
    { ...base, line_item_usage_start_date: day(3), line_item_line_item_type: 'SavingsPlanCoveredUsage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'BoxUsage:c6g.xlarge', line_item_unblended_cost: 4, savings_plan_savings_plan_effective_cost: 2.5, resource_tags: PLAN },
    { ...base, line_item_usage_start_date: day(3), line_item_line_item_type: 'SavingsPlanNegation', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'BoxUsage:c6g.xlarge', line_item_unblended_cost: -4, resource_tags: PLAN },
    { ...base, line_item_usage_start_date: day(1), line_item_line_item_type: 'SavingsPlanRecurringFee', line_item_product_code: 'ComputeSavingsPlans', line_item_usage_type: 'ComputeSP:1yrNoUpfront', line_item_unblended_cost: 3, savings_plan_total_commitment_to_date: 3, savings_plan_used_commitment: 2.5, resource_tags: {} },
    { ...base, line_item_usage_start_date: day(5), line_item_line_item_type: 'DiscountedUsage', line_item_product_code: 'AmazonRDS', line_item_usage_type: 'InstanceUsage:db.r6g.large', line_item_unblended_cost: 0, reservation_effective_cost: 1.25, reservation_reservation_a_r_n: 'arn:aws:rds:us-east-1:111122223333:ri:test', resource_tags: PLAN },
    { ...base, line_item_usage_start_date: day(1), line_item_line_item_type: 'RIFee', line_item_product_code: 'AmazonRDS', line_item_usage_type: 'HeavyUsage:db.r6g.large', line_item_unblended_cost: 2, reservation_unused_amortized_upfront_fee_for_billing_period: 0.1, reservation_unused_recurring_fee: 0.2, reservation_reservation_a_r_n: 'arn:aws:rds:us-east-1:111122223333:ri:test', resource_tags: {} },
    { ...base, line_item_usage_start_date: day(9), line_item_line_item_type: 'Credit', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'BoxUsage:m5.large', line_item_unblended_cost: -1, resource_tags: PLAN },
    { ...base, line_item_usage_start_date: day(30), line_item_line_item_type: 'Tax', line_item_product_code: 'AmazonS3', line_item_usage_type: '', line_item_unblended_cost: 0.8, resource_tags: {} },
    { ...base, line_item_usage_start_date: day(12), line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonS3', line_item_usage_type: 'TimedStorage-ByteHrs', line_item_unblended_cost: 0.42, resource_tags: { 'user:team': 'data' } },
  );
  return rows;
}

function cur2October(): ExportRow[] {
  return [
    { bill_billing_period_start_date: '2026-10-01 00:00:00', line_item_usage_account_id: '111122223333', line_item_usage_start_date: '2026-10-15 00:00:00', line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'BoxUsage:m5.large', line_item_unblended_cost: 7.77, resource_tags: PLAN },
  ];
}

function focusNovember(): ExportRow[] {
  const base = { BillingPeriodStart: '2026-11-01 00:00:00', SubAccountId: '111122223333' };
  const rows: ExportRow[] = [];
  for (let d = 1; d <= 12; d += 1) {
    rows.push({ ...base, ChargePeriodStart: day(d), ChargeCategory: 'Usage', ServiceName: 'Amazon Elastic Compute Cloud', x_ServiceCode: 'AmazonEC2', SkuMeter: 'BoxUsage:m5.large', BilledCost: 0.25 * d, EffectiveCost: 0.2 * d, Tags: { 'tier-planner:plan': 'prod' } });
  }
  rows.push(
    { ...base, ChargePeriodStart: day(1), ChargeCategory: 'Purchase', ServiceName: 'Savings Plans for AWS Compute usage', x_ServiceCode: 'ComputeSavingsPlans', SkuMeter: 'ComputeSP:1yrNoUpfront', BilledCost: 3, EffectiveCost: 0.5, Tags: {} },
    { ...base, ChargePeriodStart: day(30), ChargeCategory: 'Tax', ServiceName: 'Amazon Simple Storage Service', x_ServiceCode: 'AmazonS3', SkuMeter: '', BilledCost: 0.8, EffectiveCost: 0.8, Tags: {} },
  );
  return rows;
}

/** Writes the fixture export under dir, one BILLING_PERIOD=YYYY-MM folder a month, as AWS lays it out. */
export async function writeAthenaFixture(dir: string, format: ExportFormat, o: WriteExportOptions = {}): Promise<void> {
  if (format === 'cur2') {
    await writeExportParquet(join(dir, 'BILLING_PERIOD=2026-11', 'part-0.parquet'), 'cur2', cur2November(), o);
    await writeExportParquet(join(dir, 'BILLING_PERIOD=2026-10', 'part-0.parquet'), 'cur2', cur2October(), o);
  } else {
    await writeExportParquet(join(dir, 'BILLING_PERIOD=2026-11', 'part-0.parquet'), 'focus', focusNovember(), o);
  }
}
