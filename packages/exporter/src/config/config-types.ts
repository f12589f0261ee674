import type { Decimal } from '@tier-planner/cost-model';

/** How a plan's actual spend is picked out of the bill. */
export type SpendMatch =
  | { readonly kind: 'tag'; readonly key: string; readonly value: string }
  | { readonly kind: 'linkedAccount'; readonly accountId: string }
  | { readonly kind: 'account' };

/** Where a plan comes from: a `tier-planner --json` file or the cost model, run at start. */
export type PlanSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'model'; readonly profile: string; readonly users: number; readonly region: string };

export interface PlanConfig {
  /** Absent: the cost model's default name, known once the plan is loaded. */
  readonly name?: string;
  readonly source: PlanSource;
  /** Absent: tag tier-planner:plan = the plan's name. */
  readonly match?: SpendMatch;
  readonly budgetUsd?: Decimal;
}

export interface CostExplorerConfig {
  readonly region: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly refreshIntervalMs: number;
  readonly forecastRefreshIntervalMs: number;
  readonly dailyRequestBudget: number;
  readonly pricePerRequestUsd: Decimal;
  /** A second GetCostAndUsage grouped by USAGE_TYPE splits "EC2 - Other" into EBS, VPC (NAT) and Data Transfer. */
  readonly splitEc2Other: boolean;
  /** Confidence of GetCostForecast's prediction interval, 51–99. */
  readonly predictionIntervalLevel: number;
  /** First retry delay after a failed refresh; doubles (with jitter) up to backoffMax. */
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
  /** Per-request timeout. */
  readonly requestTimeoutMs: number;
}

/** Which cost of an export the actuals are: amortized (commitments at their effective rates, as the plan prices them) or unblended (as billed). */
export type CostBasisConfig = 'amortized' | 'unblended';

/** An AWS Data Export (CUR 2.0 or FOCUS 1.2 parquet) read by DuckDB from a folder or S3. */
export interface DataExportConfig {
  readonly path: string;
  readonly format: 'cur2' | 'focus';
  /** The export's own spelling of the plans' tag key (e.g. user_tier_planner_plan); absent: the usual spellings are tried. */
  readonly tagKey?: string;
  readonly memoryLimit?: string;
  readonly s3?: { readonly region?: string; readonly profile?: string; readonly endpoint?: string; readonly cacheDir?: string };
}

/** The same export's table in Athena. */
export interface AthenaConfig {
  readonly region: string;
  readonly workgroup: string;
  readonly database: string;
  readonly table: string;
  readonly format: 'cur2' | 'focus';
  readonly tagKey?: string;
  readonly catalog?: string;
  readonly outputLocation?: string;
  readonly partitionColumn?: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly queryTimeoutMs: number;
}

/** How often an export source re-reads the month, and how it backs off after a failure. */
export interface ExportSchedule {
  readonly basis: CostBasisConfig;
  readonly refreshIntervalMs: number;
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
}

/** Where actual spend comes from (config `actuals:`; absent = Cost Explorer, configured under costExplorer:). */
export type ActualsConfig =
  | { readonly source: 'cost-explorer' }
  | ({ readonly source: 'data-export'; readonly dataExport: DataExportConfig } & ExportSchedule)
  | ({ readonly source: 'athena'; readonly athena: AthenaConfig } & ExportSchedule);

export type ExportActualsConfig = Exclude<ActualsConfig, { readonly source: 'cost-explorer' }>;

export interface ExporterConfig {
  /** The file it was read from; relative paths resolved against its folder. */
  readonly file: string;
  readonly listen: { readonly host: string; readonly port: number };
  readonly costExplorer: CostExplorerConfig;
  readonly actuals: ActualsConfig;
  readonly plans: readonly PlanConfig[];
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Where the exporter remembers which plan was in force when (atomic JSON file). */
  readonly stateFile: string;
  /** No variance ratio before this much of the month has gone: expected spend is too small to compare. */
  readonly varianceMinElapsedMs: number;
}
