import type { AthenaClientConfig } from '@aws-sdk/client-athena';

/** Where and how an export's Athena table is queried. */
export interface AthenaOptions {
  readonly region: string;
  readonly workgroup: string;
  readonly database: string;
  /** The export's table, e.g. the one the Data Exports CloudFormation template makes. */
  readonly table: string;
  /** Data catalog; default AwsDataCatalog. */
  readonly catalog?: string;
  /** s3:// folder for results; default the workgroup's. */
  readonly outputLocation?: string;
  /** Partition column holding YYYY-MM (billing_period for CUR 2.0 tables); absent: no pruning. */
  readonly partitionColumn?: string;
  readonly profile?: string;
  /** An Athena endpoint URL (tests, VPC endpoints). */
  readonly endpoint?: string;
  /** Give up on a query (and stop it) after this long; default 10 minutes. */
  readonly timeoutMs?: number;
  /** First wait between GetQueryExecution polls; grows up to a cap. */
  readonly pollIntervalMs?: number;
  /** Injected time, so tests step a clock rather than wait. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Credentials instead of the default chain (tests, callers holding their own). */
  readonly credentials?: AthenaClientConfig['credentials'];
  /** Attempts per API call, the SDK's retries included; default the SDK's (3). */
  readonly maxAttempts?: number;
}
