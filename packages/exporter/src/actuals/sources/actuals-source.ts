import type { PlanActuals } from '../plan-actuals.js';

export const ACTUALS_SOURCES = ['cost-explorer', 'data-export', 'athena'] as const;
export type ActualsSourceKind = (typeof ACTUALS_SOURCES)[number];

/** The labels of tier_planner_actuals_source_info: where actuals come from and which cost they are. */
export interface SourceInfo {
  readonly source: ActualsSourceKind;
  /** cur2 or focus for the export sources; "none" for Cost Explorer, which reads no export. */
  readonly format: string;
  readonly basis: 'unblended' | 'amortized';
}

/**
 * Where the exporter's actual spend comes from. Every source refreshes on its own schedule (never
 * on a scrape), keeps the last good values through failures and publishes each plan's spend whole.
 */
export interface ActualsSource {
  readonly info: SourceInfo;
  /** Since when this source (or the first one it took over from) has run. */
  readonly startedAt: number;
  /** The configured refresh interval, for tier_planner_refresh_interval_seconds. */
  readonly refreshIntervalMs: number;
  actualsFor(plan: string): PlanActuals;
  /** When the plan's published spend was asked for (cheap: staleness is read on every scrape). */
  lastSuccessFor(plan: string): number | undefined;
  /** Runs whatever is due now (tests stepping a clock call this instead of start()). */
  runDue(): Promise<void>;
  /** When runDue next has something to do. */
  nextWakeAt(): number;
  /** Runs on real timers until stop(). */
  start(): void;
  stop(): void;
  /** Resolves once nothing is in flight (after stop(): the source's state is final). */
  idle(): Promise<void>;
  /** Carries on from the source of the previous config (a reload), which is stopped and idle. */
  takeOver(previous: ActualsSource): void;
  /** What the start-up and reload logs say about the schedule and its cost. */
  describe(): Readonly<Record<string, unknown>>;
  /** Frees what the source holds (an engine); after stop(). */
  close(): Promise<void>;
}
