import { BillingError } from './billing-error.js';
import { duckDbEngine } from './duckdb/duckdb-engine.js';
import type { QueryEngine } from './engine/query-engine.js';

export interface DataExportOptions {
  /** A local folder, or s3://bucket/prefix of the export. */
  readonly path: string;
  /** DuckDB memory_limit, e.g. "1GB". */
  readonly memoryLimit?: string;
  /** S3 reads: region, profile, endpoint (tests), and the local cache folder. */
  readonly s3?: { readonly region?: string; readonly profile?: string; readonly endpoint?: string; readonly cacheDir?: string };
}

/** DuckDB over an export, wherever it lies. */
export async function openDataExport(o: DataExportOptions): Promise<QueryEngine> {
  if (o.path.startsWith('s3://')) throw new BillingError('bad_input', `s3:// exports are not wired yet (${o.path})`);
  return duckDbEngine({ path: o.path, ...(o.memoryLimit ? { memoryLimit: o.memoryLimit } : {}) });
}
