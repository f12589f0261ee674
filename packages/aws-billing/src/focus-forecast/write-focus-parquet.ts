import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BillingError, firstLine } from '../billing-error.js';
import { str } from '../sql/sql-text.js';
import { FOCUS_FORECAST_COLUMNS } from './focus-columns.js';
import { cellText } from './focus-csv.js';
import type { FocusForecastRow } from './forecast-rows.js';

function literal(row: FocusForecastRow, name: (typeof FOCUS_FORECAST_COLUMNS)[number][0], type: string): string {
  if (name === 'Tags') {
    const entries = Object.entries(row.Tags);
    return entries.length === 0 ? `CAST(MAP {} AS ${type})` : `MAP {${entries.map(([k, v]) => `${str(k)}: ${str(v)}`).join(', ')}}`;
  }
  const text = cellText(row, name);
  if (text === '') return `CAST(NULL AS ${type})`;
  // Timestamps are ISO instants; DuckDB reads "…Z" only through TIMESTAMPTZ, so drop the zone (UTC).
  if (type.startsWith('TIMESTAMP')) return `CAST(${str(text.replace(/Z$/, ''))} AS ${type})`;
  return `CAST(${str(text)} AS ${type})`;
}

/**
 * Writes forecast rows as parquet in FOCUS 1.2 column types: a typed table, COPY … (FORMAT
 * parquet) to a temporary file beside the target, then a rename, so no half-written file is left.
 */
export async function writeFocusParquet(file: string, rows: readonly FocusForecastRow[]): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE forecast (${FOCUS_FORECAST_COLUMNS.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((row) => `(${FOCUS_FORECAST_COLUMNS.map(([n, t]) => literal(row, n, t)).join(', ')})`);
      await c.run(`INSERT INTO forecast VALUES ${values.join(', ')}`);
    }
    await c.run(`COPY forecast TO ${str(temp)} (FORMAT parquet)`);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new BillingError('bad_input', `cannot write ${file}: ${firstLine((e as Error).message)}`);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
