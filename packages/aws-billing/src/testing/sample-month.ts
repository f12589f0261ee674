import { join } from 'node:path';
import { dec, ZERO, type Decimal } from '@tier-planner/cost-model';
import type { ChargeKind, ExportFormat } from '../export-format/export-format.js';
import { writeExportParquet, type ExportRow } from './write-export.js';

// One month (2026-11) of a small organisation, written as a CUR 2.0 and as a FOCUS 1.2 export. Every
// amount here is test data chosen to exercise the rules, never an AWS price. The expected sums are
// computed from these charges in TypeScript, so a test compares the engine with an independent sum.

export const SAMPLE_MONTH = '2026-11';
export const SAMPLE_PREVIOUS_MONTH = '2026-10';
export const SAMPLE_ACCOUNTS = ['111122223333', '444455556666'] as const;
export const SAMPLE_PLANS = ['checkout', 'search'] as const;

/** What happened on the bill, before either format writes it down. */
export type SampleChargeType =
  | 'on_demand'
  | 'fee'
  | 'sp_covered'
  | 'sp_recurring'
  | 'sp_upfront'
  | 'ri_covered'
  | 'ri_fee'
  | 'ri_upfront'
  | 'credit'
  | 'refund'
  | 'tax'
  | 'edp_discount';

export interface SampleCharge {
  readonly type: SampleChargeType;
  readonly month: string;
  /** Day of the month the usage (or fee) starts. */
  readonly day: number;
  readonly account: (typeof SAMPLE_ACCOUNTS)[number];
  /** CUR 2.0 line_item_product_code, FOCUS x_ServiceCode. */
  readonly productCode: string;
  /** FOCUS ServiceName. */
  readonly serviceName: string;
  readonly usageType: string;
  /** The cost model's service this charge belongs to (written here, not derived by the reader's tables). */
  readonly service: string;
  /** The plan tag's value; null when untagged. */
  readonly plan: string | null;
  /** Which of the export spellings of the tag key the line uses (index into SAMPLE_TAG_SPELLINGS[format]). */
  readonly spelling?: number;
  /** Other tags on the line (an unrelated key, or the plan key with a blank value). */
  readonly otherTags?: Readonly<Record<string, string>>;
  /** What was billed for the charge as a whole (CUR 2.0 net unblended, FOCUS BilledCost). */
  readonly billed: string;
  /** Its cost with commitments spread (CUR 2.0 amortized, FOCUS EffectiveCost). */
  readonly effective: string;
  /** Covered usage: what On-Demand would have charged (CUR 2.0 covered line, negated by its negation line). */
  readonly onDemand?: string;
  /** Commitments: the part of this period's fee left unused; RI fees split it into upfront and recurring. */
  readonly unused?: string;
  readonly unusedUpfront?: string | null;
  /** The charge kind the reader should report for CUR 2.0; FOCUS reports the same unless focusCharge says otherwise. */
  readonly charge: ChargeKind;
  readonly focusCharge?: ChargeKind;
}

/** The plan tag key the fixture is tagged with, and how each format spells it on its lines. */
export const SAMPLE_TAG_KEY = 'tier-planner:plan';
export const SAMPLE_TAG_SPELLINGS: Readonly<Record<ExportFormat, readonly string[]>> = {
  cur2: ['user_tier_planner_plan', 'user:tier-planner:plan'],
  focus: ['tier-planner:plan', 'user:tier-planner:plan'],
};

const [A, B] = SAMPLE_ACCOUNTS;
const EC2 = { productCode: 'AmazonEC2', serviceName: 'Amazon Elastic Compute Cloud' };
const RDS = { productCode: 'AmazonRDS', serviceName: 'Amazon Relational Database Service' };
const S3 = { productCode: 'AmazonS3', serviceName: 'Amazon Simple Storage Service' };
const SP = { productCode: 'ComputeSavingsPlans', serviceName: 'Savings Plans for AWS Compute usage' };
const m = (type: SampleChargeType, rest: Omit<SampleCharge, 'type' | 'month'> & { month?: string }): SampleCharge => ({ type, month: SAMPLE_MONTH, ...rest });

export const SAMPLE_CHARGES: readonly SampleCharge[] = [
  // On-demand usage across the services the model prices.
  m('on_demand', { day: 3, account: A, ...EC2, usageType: 'USE1-BoxUsage:m7g.large', service: 'EC2', plan: 'checkout', spelling: 0, billed: '41.2345678901', effective: '41.2345678901', charge: 'usage' }),
  m('on_demand', { day: 3, account: B, ...EC2, usageType: 'USE1-BoxUsage:m7g.large', service: 'EC2', plan: 'search', spelling: 1, billed: '18.5', effective: '18.5', charge: 'usage' }),
  m('on_demand', { day: 4, account: A, ...EC2, usageType: 'USE1-EBS:VolumeUsage.gp3', service: 'EBS', plan: 'checkout', spelling: 0, billed: '7.25', effective: '7.25', charge: 'usage' }),
  m('on_demand', { day: 5, account: B, ...RDS, usageType: 'USE1-InstanceUsage:db.r7g.large', service: 'RDS', plan: 'search', spelling: 1, billed: '33.125', effective: '33.125', charge: 'usage' }),
  m('on_demand', { day: 6, account: A, ...S3, usageType: 'USE1-TimedStorage-ByteHrs', service: 'S3', plan: null, billed: '2.0000000001', effective: '2.0000000001', charge: 'usage' }),
  m('on_demand', { day: 6, account: A, productCode: 'AWSELB', serviceName: 'Elastic Load Balancing', usageType: 'USE1-LoadBalancerUsage', service: 'ELB', plan: 'checkout', spelling: 1, billed: '5.4', effective: '5.4', charge: 'usage' }),
  m('on_demand', { day: 7, account: A, ...EC2, usageType: 'USE1-NatGateway-Hours', service: 'VPC', plan: 'checkout', spelling: 0, billed: '3.24', effective: '3.24', charge: 'usage' }),
  m('on_demand', { day: 7, account: B, productCode: 'AWSDataTransfer', serviceName: 'AWS Data Transfer', usageType: 'USE1-DataTransfer-Out-Bytes', service: 'Data Transfer', plan: 'search', spelling: 0, billed: '9.87', effective: '9.87', charge: 'usage' }),
  // Untagged: a blank plan value, and only an unrelated tag.
  m('on_demand', { day: 9, account: A, ...EC2, usageType: 'USE1-BoxUsage:t4g.small', service: 'EC2', plan: null, otherTags: { blankPlan: '' }, billed: '1.5', effective: '1.5', charge: 'usage' }),
  m('on_demand', { day: 9, account: B, ...S3, usageType: 'USE1-Requests-Tier1', service: 'S3', plan: null, otherTags: { user_team: 'core' }, billed: '0.75', effective: '0.75', charge: 'usage' }),
  // A one-time fee that is not a reservation's: billed and amortized alike.
  m('fee', { day: 8, account: A, productCode: 'AmazonRoute53', serviceName: 'Amazon Route 53', usageType: 'Route53-Domains', service: 'Route 53', plan: null, billed: '12', effective: '12', charge: 'commitment_fee' }),
  // Savings Plans: covered usage (on-demand cost negated), a recurring fee with part unused, an upfront fee.
  m('sp_covered', { day: 10, account: A, ...EC2, usageType: 'USE1-BoxUsage:c7g.xlarge', service: 'EC2', plan: 'checkout', spelling: 0, onDemand: '20', billed: '0', effective: '13.6', charge: 'usage' }),
  m('sp_covered', { day: 11, account: B, productCode: 'AmazonECS', serviceName: 'Amazon Elastic Container Service', usageType: 'USE1-Fargate-vCPU-Hours:perCPU', service: 'Fargate', plan: 'search', spelling: 1, onDemand: '8', billed: '0', effective: '5.2', charge: 'usage' }),
  m('sp_recurring', { day: 1, account: A, ...SP, usageType: 'ComputeSP:1yrNoUpfront', service: 'Other', plan: null, billed: '25', unused: '6.2', effective: '6.2', charge: 'commitment_fee' }),
  m('sp_upfront', { day: 1, account: A, ...SP, usageType: 'ComputeSP:1yrAllUpfront', service: 'Other', plan: null, billed: '100', effective: '0', charge: 'commitment_fee' }),
  // Reservations: covered usage at its effective cost, recurring fees with unused parts, an upfront fee.
  m('ri_covered', { day: 12, account: A, ...RDS, usageType: 'USE1-InstanceUsage:db.r7g.large', service: 'RDS', plan: 'checkout', spelling: 1, billed: '0', effective: '9.3', charge: 'usage' }),
  m('ri_fee', { day: 1, account: A, ...RDS, usageType: 'USE1-HeavyUsage:db.r7g.large', service: 'RDS', plan: null, billed: '15', unusedUpfront: '1.1', unused: '2.2', effective: '3.3', charge: 'commitment_fee' }),
  m('ri_fee', { day: 1, account: B, ...EC2, usageType: 'USE1-HeavyUsage:m7g.large', service: 'EC2', plan: null, billed: '10', unusedUpfront: null, unused: '0.75', effective: '0.75', charge: 'commitment_fee' }),
  m('ri_upfront', { day: 1, account: A, ...RDS, usageType: 'USE1-HeavyUsage:db.r7g.large', service: 'RDS', plan: null, billed: '240', effective: '0', charge: 'commitment_fee' }),
  // Credits, a refund, tax, an EDP discount (tagged: discounts follow the usage they reduce).
  m('credit', { day: 15, account: A, ...EC2, usageType: '', service: 'EC2', plan: null, billed: '-30', effective: '-30', charge: 'credit' }),
  m('refund', { day: 20, account: B, ...S3, usageType: '', service: 'S3', plan: null, billed: '-4.5', effective: '-4.5', charge: 'refund' }),
  m('tax', { day: 30, account: A, ...EC2, usageType: '', service: 'EC2', plan: null, billed: '11.11', effective: '11.11', charge: 'tax' }),
  m('tax', { day: 30, account: B, ...RDS, usageType: '', service: 'RDS', plan: null, billed: '4.44', effective: '4.44', charge: 'tax' }),
  m('edp_discount', { day: 3, account: A, ...EC2, usageType: 'USE1-BoxUsage:m7g.large', service: 'EC2', plan: 'checkout', spelling: 0, billed: '-2.0617283945', effective: '-2.0617283945', charge: 'discount', focusCharge: 'credit' }),
  // The month before: must never count.
  m('on_demand', { month: SAMPLE_PREVIOUS_MONTH, day: 28, account: A, ...EC2, usageType: 'USE1-BoxUsage:m7g.large', service: 'EC2', plan: 'checkout', spelling: 0, billed: '999', effective: '999', charge: 'usage' }),
  m('ri_fee', { month: SAMPLE_PREVIOUS_MONTH, day: 1, account: A, ...RDS, usageType: 'USE1-HeavyUsage:db.r7g.large', service: 'RDS', plan: null, billed: '15', unusedUpfront: '0', unused: '7', effective: '7', charge: 'commitment_fee' }),
];

const SP_ARN = 'arn:aws:savingsplans::111122223333:savingsplan/00000000-0000-0000-0000-000000000001';
const RI_ARN = 'arn:aws:rds:us-east-1:111122223333:ri:sample-reservation';

const monthStart = (month: string) => `${month}-01 00:00:00`;
const dayStart = (c: SampleCharge) => `${c.month}-${String(c.day).padStart(2, '0')} 00:00:00`;
const neg = (s: string) => dec(s).negated().toString();

function tagsOf(c: SampleCharge, format: ExportFormat): Record<string, string> {
  const tags: Record<string, string> = {};
  if (c.plan !== null) tags[SAMPLE_TAG_SPELLINGS[format][c.spelling ?? 0]!] = c.plan;
  for (const [k, v] of Object.entries(c.otherTags ?? {})) tags[k === 'blankPlan' ? SAMPLE_TAG_SPELLINGS[format][0]! : k] = v;
  return tags;
}

/** CUR 2.0 lines of a charge: covered usage comes with its negation, as AWS writes it. */
export function cur2Rows(c: SampleCharge): ExportRow[] {
  const base = {
    bill_billing_period_start_date: monthStart(c.month),
    bill_payer_account_id: SAMPLE_ACCOUNTS[0],
    line_item_usage_start_date: dayStart(c),
    line_item_product_code: c.productCode,
    line_item_usage_type: c.usageType,
    line_item_usage_account_id: c.account,
    resource_tags: tagsOf(c, 'cur2'),
  };
  switch (c.type) {
    case 'on_demand':
      return [{ ...base, line_item_line_item_type: 'Usage', line_item_unblended_cost: Number(c.billed), pricing_public_on_demand_cost: Number(c.billed) }];
    case 'fee':
      return [{ ...base, line_item_line_item_type: 'Fee', line_item_unblended_cost: Number(c.billed), reservation_reservation_a_r_n: '' }];
    case 'sp_covered':
      return [
        { ...base, line_item_line_item_type: 'SavingsPlanCoveredUsage', line_item_unblended_cost: Number(c.onDemand), savings_plan_savings_plan_a_r_n: SP_ARN, savings_plan_savings_plan_effective_cost: Number(c.effective) },
        { ...base, line_item_line_item_type: 'SavingsPlanNegation', line_item_unblended_cost: Number(neg(c.onDemand!)), savings_plan_savings_plan_a_r_n: SP_ARN },
      ];
    case 'sp_recurring':
      return [
        {
          ...base,
          line_item_line_item_type: 'SavingsPlanRecurringFee',
          line_item_unblended_cost: Number(c.billed),
          savings_plan_savings_plan_a_r_n: SP_ARN,
          savings_plan_total_commitment_to_date: Number(c.billed),
          savings_plan_used_commitment: Number(dec(c.billed).minus(c.unused!).toString()),
        },
      ];
    case 'sp_upfront':
      return [{ ...base, line_item_line_item_type: 'SavingsPlanUpfrontFee', line_item_unblended_cost: Number(c.billed), savings_plan_savings_plan_a_r_n: SP_ARN }];
    case 'ri_covered':
      return [{ ...base, line_item_line_item_type: 'DiscountedUsage', line_item_unblended_cost: 0, reservation_reservation_a_r_n: RI_ARN, reservation_effective_cost: Number(c.effective) }];
    case 'ri_fee':
      return [
        {
          ...base,
          line_item_line_item_type: 'RIFee',
          line_item_unblended_cost: Number(c.billed),
          reservation_reservation_a_r_n: RI_ARN,
          reservation_unused_amortized_upfront_fee_for_billing_period: c.unusedUpfront === null || c.unusedUpfront === undefined ? null : Number(c.unusedUpfront),
          reservation_unused_recurring_fee: Number(c.unused),
        },
      ];
    case 'ri_upfront':
      return [{ ...base, line_item_line_item_type: 'Fee', line_item_unblended_cost: Number(c.billed), reservation_reservation_a_r_n: RI_ARN }];
    case 'credit':
      return [{ ...base, line_item_line_item_type: 'Credit', line_item_unblended_cost: Number(c.billed) }];
    case 'refund':
      return [{ ...base, line_item_line_item_type: 'Refund', line_item_unblended_cost: Number(c.billed) }];
    case 'tax':
      return [{ ...base, line_item_line_item_type: 'Tax', line_item_unblended_cost: Number(c.billed) }];
    case 'edp_discount':
      return [{ ...base, line_item_line_item_type: 'EdpDiscount', line_item_unblended_cost: Number(c.billed) }];
  }
}

/**
 * FOCUS 1.2 rows of a charge: covered usage is one row (billed nothing, effective cost); a commitment's
 * fee is a Purchase row (billed, no effective cost) and its unused part a Usage row marked Unused.
 */
export function focusRows(c: SampleCharge): ExportRow[] {
  const base = {
    BillingAccountId: SAMPLE_ACCOUNTS[0],
    BillingCurrency: 'USD',
    BillingPeriodStart: monthStart(c.month),
    ChargePeriodStart: dayStart(c),
    ServiceName: c.serviceName,
    ProviderName: 'AWS',
    SubAccountId: c.account,
    Tags: tagsOf(c, 'focus'),
    x_ServiceCode: c.productCode,
    SkuMeter: c.usageType,
  };
  const row = (category: string, billed: string, effective: string, extra: ExportRow = {}): ExportRow => ({ ...base, ChargeCategory: category, BilledCost: Number(billed), EffectiveCost: Number(effective), ...extra });
  switch (c.type) {
    case 'on_demand':
      return [row('Usage', c.billed, c.effective, { ChargeFrequency: 'Usage-Based', ListCost: Number(c.billed) })];
    case 'fee':
      return [row('Purchase', c.billed, c.effective, { ChargeFrequency: 'One-Time' })];
    case 'sp_covered':
    case 'ri_covered':
      return [row('Usage', '0', c.effective, { ChargeFrequency: 'Usage-Based', CommitmentDiscountStatus: 'Used', CommitmentDiscountId: c.type === 'sp_covered' ? SP_ARN : RI_ARN, ...(c.onDemand ? { ListCost: Number(c.onDemand) } : {}) })];
    case 'sp_recurring':
    case 'ri_fee': {
      const id = c.type === 'sp_recurring' ? SP_ARN : RI_ARN;
      const unused = dec(c.unused!).plus(c.unusedUpfront ?? '0').toString();
      return [
        row('Purchase', c.billed, '0', { ChargeFrequency: 'Recurring', CommitmentDiscountId: id }),
        row('Usage', '0', unused, { ChargeFrequency: 'Usage-Based', CommitmentDiscountId: id, CommitmentDiscountStatus: 'Unused' }),
      ];
    }
    case 'sp_upfront':
    case 'ri_upfront':
      return [row('Purchase', c.billed, '0', { ChargeFrequency: 'One-Time', CommitmentDiscountId: c.type === 'sp_upfront' ? SP_ARN : RI_ARN })];
    case 'credit':
    case 'edp_discount':
      return [row('Credit', c.billed, c.effective, { ChargeFrequency: 'One-Time' })];
    case 'refund':
      return [row('Credit', c.billed, c.effective, { ChargeFrequency: 'One-Time', ChargeClass: 'Correction' })];
    case 'tax':
      return [row('Tax', c.billed, c.effective, { ChargeFrequency: 'One-Time' })];
  }
}

export const sampleRows = (format: ExportFormat, charges: readonly SampleCharge[] = SAMPLE_CHARGES): ExportRow[] => charges.flatMap(format === 'cur2' ? cur2Rows : focusRows);

/**
 * Writes the sample export under dir: by period (BILLING_PERIOD=YYYY-MM folders, as AWS lays exports
 * out), or flat (one file holding both months, as a user might copy it).
 */
export async function writeSampleExport(dir: string, format: ExportFormat, layout: 'periods' | 'flat' = 'periods'): Promise<void> {
  if (layout === 'flat') {
    await writeExportParquet(join(dir, `${format}-export.parquet`), format, sampleRows(format));
    return;
  }
  for (const month of [SAMPLE_PREVIOUS_MONTH, SAMPLE_MONTH]) {
    await writeExportParquet(join(dir, `BILLING_PERIOD=${month}`, `${format}-00001.snappy.parquet`), format, sampleRows(format, SAMPLE_CHARGES.filter((c) => c.month === month)));
  }
}

export interface ExpectedSum {
  unblended: Decimal;
  amortized: Decimal;
}

/** The month's charges summed by a key, from the charges themselves (not from any SQL). */
export function expectedSums(key: (c: SampleCharge) => string, month: string = SAMPLE_MONTH, charges: readonly SampleCharge[] = SAMPLE_CHARGES): Map<string, ExpectedSum> {
  const out = new Map<string, ExpectedSum>();
  for (const c of charges) {
    if (c.month !== month) continue;
    const k = key(c);
    const s = out.get(k) ?? { unblended: ZERO, amortized: ZERO };
    out.set(k, { unblended: s.unblended.plus(c.billed), amortized: s.amortized.plus(c.effective) });
  }
  return out;
}

export const sampleDay = (c: SampleCharge) => `${c.month}-${String(c.day).padStart(2, '0')}`;
