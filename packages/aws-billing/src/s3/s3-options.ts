/** How an s3:// export is read. */
export interface S3ReadOptions {
  /** The bucket's region; default the standard chain (AWS_REGION, the profile's region). */
  readonly region?: string;
  /** A named profile of ~/.aws/config; default the standard chain (AWS_PROFILE, default). */
  readonly profile?: string;
  /** An S3-compatible endpoint (a local server in tests); addressed path-style. */
  readonly endpoint?: string;
  /** Where the month's files are synced; default <user cache>/tier-planner/data-exports/<bucket>/<prefix>. */
  readonly cacheDir?: string;
  /** 'sync' (default): download the month's objects, then read them locally; 'httpfs': DuckDB reads S3 itself. */
  readonly reader?: S3Reader;
  /** Downloads at a time (default 4). */
  readonly concurrency?: number;
  /** A connection silent this long (ms) is given up and retried (default 60,000). */
  readonly idleTimeoutMs?: number;
  /** Explicit keys instead of the standard chain (tests, or a caller that holds them). */
  readonly credentials?: S3Credentials;
}

export type S3Reader = 'sync' | 'httpfs';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export const DEFAULT_S3_CONCURRENCY = 4;
export const DEFAULT_S3_IDLE_TIMEOUT_MS = 60_000;
// A connection that takes longer than this to open is retried.
export const S3_CONNECT_TIMEOUT_MS = 10_000;
