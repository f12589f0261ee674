import { BillingError } from '../billing-error.js';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import type { QueryEngine } from '../engine/query-engine.js';
import { defaultExportCacheDir } from './cache-dir.js';
import { s3Client } from './s3-client.js';
import type { S3ReadOptions } from './s3-options.js';
import { s3Url, type S3Location } from './s3-location.js';
import { syncMonth, type SyncResult } from './sync-month.js';

export interface S3SyncEngineOptions extends S3ReadOptions {
  readonly memoryLimit?: string;
}

/** A DuckDB engine over the local copy of an S3 export; `lastSync` tells what the last source() fetched. */
export interface S3SyncEngine extends QueryEngine {
  readonly cacheDir: string;
  readonly lastSync: SyncResult | undefined;
}

/** Each month asked is first synced from S3 into the cache folder, then read there by DuckDB. */
export function s3SyncEngine(l: S3Location, o: S3SyncEngineOptions = {}): S3SyncEngine {
  const client = s3Client(o);
  const cacheDir = o.cacheDir ?? defaultExportCacheDir(l);
  let local: Promise<QueryEngine> | undefined;
  let lastSync: SyncResult | undefined;
  // DuckDB's messages name the folder it read; a person knows the export by its s3:// address.
  const named = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: unknown) => {
      throw e instanceof BillingError ? new BillingError(e.reason, e.message.split(cacheDir).join(`${s3Url(l)} (synced to ${cacheDir})`)) : e;
    });
  const engine = () => (local ??= duckDbEngine({ path: cacheDir, ...(o.memoryLimit ? { memoryLimit: o.memoryLimit } : {}) }));
  return {
    kind: 'duckdb',
    cacheDir,
    get lastSync() {
      return lastSync;
    },
    async source(format, month) {
      lastSync = await syncMonth(client, l, month, { cacheDir, ...(o.concurrency ? { concurrency: o.concurrency } : {}) });
      return named((await engine()).source(format, month));
    },
    async query(sql) {
      if (!local) throw new BillingError('query_failed', `${s3Url(l)} is queried before a month was synced`);
      return named((await local).query(sql));
    },
    async close() {
      client.destroy();
      if (local) await (await local).close();
    },
  };
}
