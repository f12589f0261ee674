import type { ExportFormat } from '../export-format/export-format.js';

/** Rows as text: amounts stay exact, and DuckDB and Athena answer alike. */
export type TextRow = Readonly<Record<string, string | null>>;

export interface QueryResult {
  readonly rows: readonly TextRow[];
  /** Bytes the engine read for the query, when it says (Athena bills by them). */
  readonly bytesScanned?: number;
  /** The engine's id for the run (Athena QueryExecutionId), for a person to look it up. */
  readonly queryId?: string;
}

/**
 * Where an export is read: DuckDB over parquet files, or Athena over a table. The spend query is
 * the same text on both; only what it reads FROM differs.
 */
export interface QueryEngine {
  readonly kind: 'duckdb' | 'athena';
  /**
   * The FROM of the month's query, after checking that there is something to read and that it has
   * the format's columns; a BillingError ('bad_input' or 'no_data') otherwise.
   */
  source(format: ExportFormat, month: string): Promise<{ readonly from: string; readonly partition?: { readonly column: string; readonly value: string } }>;
  query(sql: string): Promise<QueryResult>;
  close(): Promise<void>;
}
