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

export interface ExporterConfig {
  /** The file it was read from; relative paths resolved against its folder. */
  readonly file: string;
  readonly listen: { readonly host: string; readonly port: number };
  readonly costExplorer: CostExplorerConfig;
  readonly plans: readonly PlanConfig[];
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Where the exporter remembers which plan was in force when (atomic JSON file). */
  readonly stateFile: string;
  /** No variance ratio before this much of the month has gone: expected spend is too small to compare. */
  readonly varianceMinElapsedMs: number;
}
