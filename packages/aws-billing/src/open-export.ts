import { duckDbEngine } from './duckdb/duckdb-engine.js';
import type { QueryEngine } from './engine/query-engine.js';
import { httpfsEngine } from './s3/httpfs-engine.js';
import type { S3ReadOptions } from './s3/s3-options.js';
import { parseS3Url } from './s3/s3-location.js';
import { s3SyncEngine } from './s3/s3-sync-engine.js';

export interface DataExportOptions {
  /** A local folder, or s3://bucket/prefix of the export. */
  readonly path: string;
  /** DuckDB memory_limit, e.g. "1GB". */
  readonly memoryLimit?: string;
  /** S3 reads: region, profile, endpoint (tests), the local cache folder, the reader, credentials. */
  readonly s3?: S3ReadOptions;
}

/**
 * DuckDB over an export, wherever it lies. An s3:// export is synced month by month into a local
 * cache and read there; with s3.reader 'httpfs', DuckDB reads S3 itself.
 */
export async function openDataExport(o: DataExportOptions): Promise<QueryEngine> {
  const memory = o.memoryLimit ? { memoryLimit: o.memoryLimit } : {};
  if (o.path.startsWith('s3://')) {
    const location = parseS3Url(o.path);
    const s3 = { ...o.s3, ...memory };
    return o.s3?.reader === 'httpfs' ? httpfsEngine(location, s3) : s3SyncEngine(location, s3);
  }
  return duckDbEngine({ path: o.path, ...memory });
}
