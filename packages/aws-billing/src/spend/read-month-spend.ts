import { dec } from '@tier-planner/cost-model';
import { BillingError } from '../billing-error.js';
import { CHARGE_KINDS, type ChargeKind, type ExportFormat } from '../export-format/export-format.js';
import type { QueryEngine, TextRow } from '../engine/query-engine.js';
import { spendSql } from '../sql/spend-sql.js';
import { modelServiceOfCode } from './product-codes.js';
import { modelService, OTHER } from './service-names.js';
import type { MonthSpend, SpendLine } from './spend-types.js';

export interface ReadMonthOptions {
  readonly format: ExportFormat;
  /** YYYY-MM: the billing period. */
  readonly month: string;
  /** The plan tag's key (default tier-planner:plan); its spellings in the export are tried in order. */
  readonly tagKey?: string;
  /** The export's own spelling of the tag key, used as the only one. */
  readonly exactTagKey?: string;
}

export const DEFAULT_TAG_KEY = 'tier-planner:plan';
const AMOUNT = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(row: TextRow, column: string): string {
  const v = row[column];
  return v === null || v === undefined ? '' : v;
}

function amount(row: TextRow, column: string): ReturnType<typeof dec> {
  const v = text(row, column);
  if (!AMOUNT.test(v)) throw new BillingError('query_failed', `the spend query returned ${column} = ${JSON.stringify(row[column])}, not an amount`);
  return dec(v);
}

function serviceOf(format: ExportFormat, code: string, name: string, usageType: string): string {
  const byCode = code ? modelServiceOfCode(code, usageType) : OTHER;
  if (byCode !== OTHER || format === 'cur2') return byCode;
  return modelService(name);
}

function lineOf(format: ExportFormat, row: TextRow): SpendLine {
  const code = text(row, 'service_code');
  const name = text(row, 'service_name');
  const usageType = text(row, 'usage_type');
  const day = text(row, 'usage_day');
  if (!DAY.test(day)) throw new BillingError('query_failed', `the spend query returned usage_day = ${JSON.stringify(row.usage_day)}, not a day`);
  const charge = text(row, 'charge_kind') as ChargeKind;
  if (!CHARGE_KINDS.includes(charge)) throw new BillingError('query_failed', `the spend query returned charge_kind = ${JSON.stringify(row.charge_kind)}`);
  return {
    tagValue: row.tag_value ?? null,
    accountId: text(row, 'account_id'),
    awsService: format === 'focus' && name ? name : code,
    service: serviceOf(format, code, name, usageType),
    usageType,
    day,
    charge,
    unblended: amount(row, 'unblended_cost'),
    amortized: amount(row, 'amortized_cost'),
    lines: Number(text(row, 'line_count')),
  };
}

/** One month of an export's spend, grouped, read through either engine with the same SQL. */
export async function readMonthSpend(engine: QueryEngine, o: ReadMonthOptions): Promise<MonthSpend> {
  const source = await engine.source(o.format, o.month);
  const sql = spendSql({
    format: o.format,
    month: o.month,
    from: source.from,
    tagKey: o.tagKey ?? DEFAULT_TAG_KEY,
    ...(o.exactTagKey !== undefined ? { exactTagKey: o.exactTagKey } : {}),
    ...(source.partition ? { partition: source.partition } : {}),
  });
  const result = await engine.query(sql);
  const lines = result.rows.map((r) => lineOf(o.format, r));
  if (lines.length === 0) throw new BillingError('no_data', `the export has no line for ${o.month}`);
  return {
    month: o.month,
    format: o.format,
    engine: engine.kind,
    lines,
    ...(result.bytesScanned !== undefined ? { bytesScanned: result.bytesScanned } : {}),
    ...(result.queryId !== undefined ? { queryId: result.queryId } : {}),
  };
}
