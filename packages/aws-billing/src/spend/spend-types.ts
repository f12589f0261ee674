import type { Decimal } from '@tier-planner/cost-model';
import type { ChargeKind, ExportFormat } from '../export-format/export-format.js';

/** Spend of one group of bill lines: one tag value, account, service, usage type, day and kind. */
export interface SpendLine {
  /** The plan tag's value; null for untagged lines. */
  readonly tagValue: string | null;
  readonly accountId: string;
  /** The AWS service as the export names it: CUR 2.0 product code, or FOCUS ServiceName. */
  readonly awsService: string;
  /** The cost model's service name ("EC2", "RDS", …), or "Other". */
  readonly service: string;
  readonly usageType: string;
  /** UTC day the usage started, YYYY-MM-DD. */
  readonly day: string;
  readonly charge: ChargeKind;
  /** What was billed: CUR 2.0 unblended cost, FOCUS BilledCost. */
  readonly unblended: Decimal;
  /** Commitments spread over their use: CUR 2.0 amortized cost, FOCUS EffectiveCost. */
  readonly amortized: Decimal;
  /** Bill lines summed into this one. */
  readonly lines: number;
}

export interface MonthSpend {
  readonly month: string;
  readonly format: ExportFormat;
  readonly engine: 'duckdb' | 'athena';
  readonly lines: readonly SpendLine[];
  readonly bytesScanned?: number;
  readonly queryId?: string;
}

/** Which cost a figure is: billed (unblended, cash) or amortized (effective, commitments spread). */
export type CostBasis = 'unblended' | 'amortized';
