import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { BillingError } from '../billing-error.js';

/** AWS Data Exports writes each billing period under a BILLING_PERIOD=YYYY-MM folder. */
const PERIOD_DIR = /(^|[\\/])BILLING_PERIOD=(\d{4}-\d{2})([\\/]|$)/;

/**
 * The parquet files that may hold a month: those under its BILLING_PERIOD folder when the export
 * is laid out by period, every parquet file otherwise (the query filters on the period column).
 */
export function parquetFilesFor(dir: string, month: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new BillingError('bad_input', `export folder ${dir} does not exist`);
  }
  if (!stat.isDirectory()) throw new BillingError('bad_input', `export path ${dir} is not a folder`);
  const all = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => join(dir, f))
    .sort();
  if (all.length === 0) throw new BillingError('bad_input', `export folder ${dir} holds no .parquet file`);
  const periods = all.map((f) => PERIOD_DIR.exec(f.slice(dir.length))?.[2]);
  if (periods.every((p) => p === undefined)) return all;
  const ofMonth = all.filter((_, i) => periods[i] === month);
  if (ofMonth.length === 0) {
    const seen = [...new Set(periods.filter((p): p is string => p !== undefined))].sort();
    throw new BillingError('no_data', `export folder ${dir} has no BILLING_PERIOD=${month}${sep}; it has ${seen.join(', ')}`);
  }
  return ofMonth;
}
