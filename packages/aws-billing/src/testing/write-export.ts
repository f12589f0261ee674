import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ExportFormat } from '../export-format/export-format.js';
import { str } from '../sql/sql-text.js';
import { EXPORT_COLUMNS } from './export-columns.js';

/** A bill line for a test export: column → value; a map column takes an object. Unset columns are NULL. */
export type ExportRow = Readonly<Record<string, string | number | null | Readonly<Record<string, string>>>>;

function literal(value: ExportRow[string], type: string): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${type})`;
  if (typeof value === 'number') return `CAST(${String(value)} AS ${type})`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? `CAST(MAP {} AS ${type})` : `MAP {${entries.map(([k, v]) => `${str(k)}: ${str(v)}`).join(', ')}}`;
  }
  return `CAST(${str(value)} AS ${type})`;
}

export interface WriteExportOptions {
  /** Leave these columns out (a file that is not a whole export). */
  readonly omit?: readonly string[];
}

/** Writes rows as one parquet file in a format's columns, with DuckDB's COPY … (FORMAT parquet). */
export async function writeExportParquet(file: string, format: ExportFormat, rows: readonly ExportRow[], o: WriteExportOptions = {}): Promise<void> {
  const columns = Object.entries(EXPORT_COLUMNS[format]).filter(([name]) => !o.omit?.includes(name));
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!(key in EXPORT_COLUMNS[format])) throw new Error(`${key} is not a ${format} column the test writer knows`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE export (${columns.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((row) => `(${columns.map(([n, t]) => literal(row[n] ?? null, t)).join(', ')})`);
      await c.run(`INSERT INTO export VALUES ${values.join(', ')}`);
    }
    await c.run(`COPY export TO ${str(file)} (FORMAT parquet)`);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
