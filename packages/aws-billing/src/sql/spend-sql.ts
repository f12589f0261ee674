import type { ExportFormat } from '../export-format/export-format.js';
import { tagKeyForms } from '../export-format/tag-keys.js';
import { exact, firstMapValue, ident, str } from './sql-text.js';

export interface SpendSqlOptions {
  readonly format: ExportFormat;
  /** What to read FROM: a table name (Athena) or a table function over files (DuckDB), already quoted. */
  readonly from: string;
  /** Billing period, YYYY-MM. */
  readonly month: string;
  /** The plan tag's key as the user knows it (tier-planner:plan); its export spellings are tried in order. */
  readonly tagKey: string;
  /** Look the tag up under this map key only (--tag-key): the export's own spelling. */
  readonly exactTagKey?: string;
  /** A partition column to prune on (Athena tables of CUR 2.0 are partitioned by billing_period = YYYY-MM). */
  readonly partition?: { readonly column: string; readonly value: string };
}

/** The columns every spend query returns, all as text (amounts exact to 10 places). */
export const SPEND_COLUMNS = ['tag_value', 'account_id', 'service_code', 'service_name', 'usage_type', 'usage_day', 'charge_kind', 'unblended_cost', 'amortized_cost', 'line_count'] as const;
export type SpendColumn = (typeof SPEND_COLUMNS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First instants of the month and the next, as SQL timestamp literals. */
function monthBounds(month: string): [string, string] {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return [`TIMESTAMP '${month}-01 00:00:00'`, `TIMESTAMP '${next}-01 00:00:00'`];
}

function caseOf(column: string, kinds: Readonly<Record<string, string>>): string {
  return `CASE ${column} ${Object.entries(kinds)
    .map(([k, v]) => `WHEN ${str(k)} THEN ${str(v)}`)
    .join(' ')} ELSE 'other' END`;
}

// CUR 2.0 line item types → charge kinds (AWS Data Exports user guide, "Line item details").
const CUR2_KINDS: Readonly<Record<string, string>> = {
  Usage: 'usage',
  DiscountedUsage: 'usage',
  SavingsPlanCoveredUsage: 'usage',
  SavingsPlanNegation: 'usage',
  RIFee: 'commitment_fee',
  Fee: 'commitment_fee',
  SavingsPlanRecurringFee: 'commitment_fee',
  SavingsPlanUpfrontFee: 'commitment_fee',
  Credit: 'credit',
  Refund: 'refund',
  Tax: 'tax',
  Discount: 'discount',
  BundledDiscount: 'discount',
  EdpDiscount: 'discount',
  PrivateRateDiscount: 'discount',
  DistributorDiscount: 'discount',
};

// FOCUS ChargeCategory → charge kinds (tier-planner assumptions where AWS states no more, see docs/data-exports.md):
// the unused part of a commitment is a Usage row with CommitmentDiscountStatus 'Unused', counted with the
// commitment's fees as CUR 2.0 counts it on its RIFee / SavingsPlanRecurringFee line; a Credit row that
// corrects an earlier charge (ChargeClass 'Correction') is a refund.
const FOCUS_KINDS: Readonly<Record<string, string>> = { Usage: 'usage', Purchase: 'commitment_fee', Tax: 'tax', Credit: 'credit', Adjustment: 'other' };
const FOCUS_KIND = `CASE WHEN ChargeCategory = 'Usage' AND CommitmentDiscountStatus = 'Unused' THEN 'commitment_fee'
    WHEN ChargeCategory = 'Credit' AND ChargeClass = 'Correction' THEN 'refund'
    ELSE ${caseOf('ChargeCategory', FOCUS_KINDS)} END`;

/** An amount column as an exact decimal; an empty (NULL) amount counts as zero, column by column. */
const amount = (column: string) => exact(`COALESCE(${column}, 0)`);

/**
 * Amortized cost of a CUR 2.0 line, as AWS documents it for Savings Plans and reservations: covered
 * usage at its effective cost, the unused part of a commitment's fee, and zero for the negations
 * and upfront fees that the effective costs already spread over the term. Summed with everything
 * else at unblended cost, no fee is counted twice (AWS's CUR query library; docs/data-exports.md).
 */
const CUR2_AMORTIZED = `CASE line_item_line_item_type
    WHEN 'SavingsPlanCoveredUsage' THEN ${amount('savings_plan_savings_plan_effective_cost')}
    WHEN 'SavingsPlanRecurringFee' THEN ${amount('savings_plan_total_commitment_to_date')} - ${amount('savings_plan_used_commitment')}
    WHEN 'SavingsPlanNegation' THEN ${exact('0')}
    WHEN 'SavingsPlanUpfrontFee' THEN ${exact('0')}
    WHEN 'DiscountedUsage' THEN ${amount('reservation_effective_cost')}
    WHEN 'RIFee' THEN ${amount('reservation_unused_amortized_upfront_fee_for_billing_period')} + ${amount('reservation_unused_recurring_fee')}
    ELSE CASE WHEN line_item_line_item_type = 'Fee' AND COALESCE(reservation_reservation_a_r_n, '') <> '' THEN ${exact('0')} ELSE ${amount('line_item_unblended_cost')} END
  END`;

function lineColumns(o: SpendSqlOptions): string[] {
  const keys = o.exactTagKey !== undefined ? [o.exactTagKey] : tagKeyForms(o.tagKey, o.format);
  if (o.format === 'cur2') {
    return [
      `${firstMapValue('resource_tags', keys)} AS tag_value`,
      `line_item_usage_account_id AS account_id`,
      `line_item_product_code AS service_code`,
      `CAST(NULL AS VARCHAR) AS service_name`,
      `COALESCE(line_item_usage_type, '') AS usage_type`,
      `CAST(CAST(line_item_usage_start_date AS DATE) AS VARCHAR) AS usage_day`,
      `${caseOf('line_item_line_item_type', CUR2_KINDS)} AS charge_kind`,
      `${amount('line_item_unblended_cost')} AS unblended`,
      `${CUR2_AMORTIZED} AS amortized`,
    ];
  }
  return [
    `${firstMapValue('Tags', keys)} AS tag_value`,
    `SubAccountId AS account_id`,
    `x_ServiceCode AS service_code`,
    `ServiceName AS service_name`,
    `COALESCE(SkuMeter, '') AS usage_type`,
    `CAST(CAST(ChargePeriodStart AS DATE) AS VARCHAR) AS usage_day`,
    `${FOCUS_KIND} AS charge_kind`,
    `${amount('BilledCost')} AS unblended`,
    `${amount('EffectiveCost')} AS amortized`,
  ];
}

/**
 * One month of spend grouped by plan tag value, account, service, usage type, day and kind of
 * charge. The same text runs on DuckDB and on Athena: only constructs both dialects read alike.
 */
export function spendSql(o: SpendSqlOptions): string {
  const [start, end] = monthBounds(o.month);
  const period = o.format === 'cur2' ? 'bill_billing_period_start_date' : 'BillingPeriodStart';
  const where = [`${period} >= ${start}`, `${period} < ${end}`];
  if (o.partition) where.unshift(`${ident(o.partition.column)} = ${str(o.partition.value)}`);
  const groups = ['tag_value', 'account_id', 'service_code', 'service_name', 'usage_type', 'usage_day', 'charge_kind'];
  return [
    `SELECT ${groups.join(', ')},`,
    `  CAST(SUM(unblended) AS VARCHAR) AS unblended_cost,`,
    `  CAST(SUM(amortized) AS VARCHAR) AS amortized_cost,`,
    `  CAST(COUNT(*) AS VARCHAR) AS line_count`,
    `FROM (`,
    `  SELECT ${lineColumns(o).join(',\n    ')}`,
    `  FROM ${o.from}`,
    `  WHERE ${where.join(' AND ')}`,
    `) AS lines`,
    `GROUP BY ${groups.join(', ')}`,
    `ORDER BY ${groups.join(', ')}`,
  ].join('\n');
}
