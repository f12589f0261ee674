import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { BillingError, firstLine } from '../billing-error.js';
import type { QueryEngine, QueryResult, TextRow } from '../engine/query-engine.js';
import { REQUIRED_COLUMNS, type ExportFormat } from '../export-format/export-format.js';
import { str } from '../sql/sql-text.js';
import { parquetFilesFor } from './parquet-files.js';

export interface DuckDbEngineOptions {
  /** A local folder holding the export's parquet files (any depth). */
  readonly path: string;
  /** DuckDB memory_limit, e.g. "1GB"; default DuckDB's (80% of RAM). */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { cur2: 'CUR 2.0', focus: 'FOCUS 1.2' };

/** An in-memory DuckDB reading one export folder; nothing is written to disk. */
export async function duckDbEngine(o: DuckDbEngineOptions): Promise<QueryEngine> {
  const settings: Record<string, string> = {};
  if (o.memoryLimit) settings.memory_limit = o.memoryLimit;
  if (o.threads) settings.threads = String(o.threads);
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  return {
    kind: 'duckdb',
    async source(format, month) {
      const files = parquetFilesFor(o.path, month);
      const from = `read_parquet([${files.map(str).join(', ')}], union_by_name = true)`;
      const columns = await columnsOf(connection, from, o.path);
      const missing = REQUIRED_COLUMNS[format].filter((c) => !columns.has(c.toLowerCase()));
      if (missing.length > 0) throw new BillingError('bad_input', `${o.path} is not a ${FORMAT_NAMES[format]} export: it lacks ${missing.join(', ')}`);
      return { from };
    },
    query: (sql) => run(connection, sql),
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function columnsOf(connection: DuckDBConnection, from: string, path: string): Promise<Set<string>> {
  const described = await run(connection, `DESCRIBE SELECT * FROM ${from}`, path);
  return new Set(described.rows.map((r) => (r.column_name ?? '').toLowerCase()));
}

async function run(connection: DuckDBConnection, sql: string, path?: string): Promise<QueryResult> {
  try {
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
    return { rows: rows.map(asText) };
  } catch (e) {
    const where = path ? ` reading ${path}` : '';
    throw new BillingError('query_failed', `DuckDB failed${where}: ${firstLine((e as Error).message)}`);
  }
}

function asText(row: Record<string, unknown>): TextRow {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}
