import { PLAN_TAG_KEY } from '@tier-planner/cost-model';
import { readMonthSpend, type QueryEngine, type SpendLine } from '@tier-planner/aws-billing';
import type { ExportActualsConfig } from '../../config/config-types.js';
import type { Logger } from '../../log/logger.js';
import type { LoadedPlan } from '../../plans/loaded-plan.js';
import { backoffDelay } from '../backoff.js';
import { monthKey, monthStart, nextMonthStart } from '../calendar.js';
import type { PlanSpend } from '../fetch-spend.js';
import type { PlanActuals } from '../plan-actuals.js';
import type { RefreshErrorReason } from '../refresh-error.js';
import type { ActualsSource, SourceInfo } from './actuals-source.js';
import { exportRefreshError } from './billing-reason.js';
import { exportTable, type QueryEngineFactory } from './open-engine.js';
import { planSpendOf } from './plan-lines.js';
import { TimerLoop } from './timer-loop.js';

export interface ExportRefresherEvents {
  onError(reason: RefreshErrorReason): void;
  /** Cached data changed: re-render the metrics. */
  onChange(): void;
  /** Athena read this many bytes for a query (it bills by them). */
  onBytesScanned(bytes: number): void;
}

export interface ExportRefresherOptions {
  readonly plans: readonly LoadedPlan[];
  readonly config: ExportActualsConfig;
  readonly openEngine: QueryEngineFactory;
  readonly logger: Logger;
  readonly events: ExportRefresherEvents;
  readonly now?: () => number;
  readonly random?: () => number;
}

/**
 * How long into a month an export with no line for it is "not delivered yet" rather than failing.
 * tier-planner assumption: AWS documents deliveries "up to three times a day", not when the first
 * of a month lands; two days leave room for a late one.
 */
export const FIRST_DELIVERY_GRACE_MS = 48 * 3_600_000;
/** How long stopping waits for a query in flight before closing the engine under it. */
const CLOSE_WAIT_MS = 5_000;

interface Published {
  readonly month: string;
  readonly spend: PlanSpend;
  readonly asOf: number;
  /** How the plan's lines are found; a reload that changes it drops the plan's data. */
  readonly source: string;
}

/** The schedule of the one job: every plan's spend from one read of the month. */
interface Schedule {
  nextDueAt: number;
  lastRunAt?: number;
  failures: number;
  failing: boolean;
  lastSuccessMonth?: string;
  /** The month "no data yet" was logged for (logged once). */
  quietMonth?: string;
}

/**
 * Reads the current month of an AWS Data Export (DuckDB or Athena) on its own schedule, maps the
 * lines to plans as the Cost Explorer queries do, and publishes every plan's spend at once.
 * Failures keep the last good values and back off.
 */
export class ExportRefresher implements ActualsSource {
  readonly info: SourceInfo;
  private readonly published = new Map<string, Published>();
  private readonly sources: ReadonlyMap<string, string>;
  /** Which export, read how: the same settings after a reload keep the data. */
  private readonly settings: string;
  private readonly tagKeys: readonly string[];
  private readonly now: () => number;
  private readonly random: () => number;
  private schedule: Schedule;
  private started: number;
  private engine: Promise<QueryEngine> | undefined;
  private readonly loop = new TimerLoop();

  constructor(private readonly o: ExportRefresherOptions) {
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.started = this.now();
    const { source, basis } = o.config;
    this.info = { source, format: exportTable(o.config).format, basis };
    this.settings = JSON.stringify([source, source === 'data-export' ? o.config.dataExport : o.config.athena, basis]);
    this.sources = new Map(o.plans.map((p) => [p.name, JSON.stringify([p.match, this.settings])]));
    // One query per tag key the plans use; account-matched plans read the first one's lines.
    const keys = [...new Set(o.plans.flatMap((p) => (p.match.kind === 'tag' ? [p.match.key] : [])))];
    this.tagKeys = keys.length ? keys : [PLAN_TAG_KEY];
    this.schedule = { nextDueAt: this.started, failures: 0, failing: false };
  }

  get startedAt(): number {
    return this.started;
  }

  get refreshIntervalMs(): number {
    return this.o.config.refreshIntervalMs;
  }

  describe(): Readonly<Record<string, unknown>> {
    const c = this.o.config;
    return {
      ...this.info,
      ...(c.source === 'data-export' ? { path: c.dataExport.path } : { table: `${c.athena.database}.${c.athena.table}`, workgroup: c.athena.workgroup }),
      refreshIntervalSeconds: c.refreshIntervalMs / 1000,
      queriesPerRound: this.tagKeys.length,
    };
  }

  takeOver(previous: ActualsSource): void {
    this.started = previous.startedAt;
    if (!(previous instanceof ExportRefresher) || previous.settings !== this.settings) return;
    const old = previous.schedule;
    this.schedule = { ...old };
    if (previous.refreshIntervalMs !== this.refreshIntervalMs && !old.failing) this.schedule.nextDueAt = Math.min(old.nextDueAt, (old.lastRunAt ?? this.now()) + this.refreshIntervalMs);
    for (const [plan, source] of this.sources) {
      const kept = previous.published.get(plan);
      if (kept?.source === source) this.published.set(plan, kept);
    }
    // Plans whose lines are found another way have no data yet: read at once.
    if ([...this.sources.keys()].some((p) => !this.published.has(p))) this.schedule.nextDueAt = Math.min(this.schedule.nextDueAt, this.now());
  }

  /** Due on schedule, and at once when the data is of a month that has ended. */
  private dueAt(now: number): number {
    const s = this.schedule;
    const fromLastMonth = s.lastSuccessMonth !== undefined && s.lastSuccessMonth !== monthKey(now) && !s.failing && s.quietMonth !== monthKey(now);
    return fromLastMonth ? Math.min(s.nextDueAt, monthStart(now)) : s.nextDueAt;
  }

  nextWakeAt(): number {
    const now = this.now();
    return Math.min(nextMonthStart(now), this.dueAt(now));
  }

  async runDue(): Promise<void> {
    if (this.loop.stopped) return;
    const now = this.now();
    if (this.dueAt(now) > now) return;
    const run = this.refresh(now);
    this.loop.running = run;
    await run;
  }

  private openEngine(): Promise<QueryEngine> {
    this.engine ??= this.o.openEngine(this.o.config);
    return this.engine;
  }

  private async readLines(month: string): Promise<Map<string, readonly SpendLine[]>> {
    const engine = await this.openEngine();
    const { format, tagKey } = exportTable(this.o.config);
    const out = new Map<string, readonly SpendLine[]>();
    for (const key of this.tagKeys) {
      const spend = await readMonthSpend(engine, { format, month, tagKey: key, ...(tagKey !== undefined ? { exactTagKey: tagKey } : {}) });
      if (spend.bytesScanned !== undefined) this.o.events.onBytesScanned(spend.bytesScanned);
      out.set(key, spend.lines);
    }
    return out;
  }

  private async refresh(now: number): Promise<void> {
    const month = monthKey(now);
    const s = this.schedule;
    s.lastRunAt = now;
    const what = `reading ${month} of the ${this.info.source} actuals`;
    try {
      const byKey = await this.readLines(month);
      if (this.loop.stopped) return;
      const first = byKey.get(this.tagKeys[0]!)!;
      // All queries are in: publish every plan together, never one without the others.
      for (const p of this.o.plans) {
        const lines = p.match.kind === 'tag' ? byKey.get(p.match.key)! : first;
        this.published.set(p.name, { month, spend: planSpendOf(p.match, lines, this.info.basis), asOf: now, source: this.sources.get(p.name)! });
      }
      const wasFailing = s.failing;
      Object.assign(s, { failures: 0, failing: false, lastSuccessMonth: month, nextDueAt: now + this.refreshIntervalMs });
      this.o.logger.info(wasFailing ? 'refresh recovered' : 'refreshed', { source: this.info.source, month, plans: this.o.plans.map((p) => p.name), nextInSeconds: Math.round(this.refreshIntervalMs / 1000) });
    } catch (e) {
      if (this.loop.stopped) return;
      const err = exportRefreshError(e, what);
      // The engine is opened afresh next time: a folder or table may have come back.
      void this.dropEngine();
      if (err.reason === 'no_data' && now - monthStart(now) < FIRST_DELIVERY_GRACE_MS) {
        Object.assign(s, { failures: 0, failing: false, nextDueAt: now + this.refreshIntervalMs });
        if (s.quietMonth !== month) this.o.logger.info('no actuals for the month yet; the export has not delivered its lines', { source: this.info.source, month, error: err.message });
        s.quietMonth = month;
      } else {
        s.failing = true;
        s.failures += 1;
        const delay = Math.min(backoffDelay(s.failures, this.o.config.backoffInitialMs, this.o.config.backoffMaxMs, this.random), this.refreshIntervalMs);
        s.nextDueAt = this.now() + delay;
        this.o.events.onError(err.reason);
        const keeping = this.o.plans.some((p) => this.published.has(p.name)) ? 'last good values' : 'no data yet';
        this.o.logger.warn('refresh failed', { source: this.info.source, month, reason: err.reason, error: err.message, failures: s.failures, retryInSeconds: Math.round(delay / 1000), keeping });
      }
    }
    this.o.events.onChange();
  }

  lastSuccessFor(plan: string): number | undefined {
    return this.published.get(plan)?.asOf;
  }

  actualsFor(plan: string): PlanActuals {
    const published = this.published.get(plan);
    const lastSuccessAt = published?.asOf;
    return {
      // A month not delivered yet has no actual series (absent, not zero); nor does AWS forecast here.
      ...(published && published.month === monthKey(this.now()) ? { spend: published.spend } : {}),
      ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
      failing: this.schedule.failing,
      incomplete: false,
    };
  }

  start(): void {
    this.loop.start({ runDue: () => this.runDue(), nextWakeAt: () => this.nextWakeAt(), now: () => this.now(), logger: this.o.logger });
  }

  stop(): void {
    this.loop.stop();
  }

  idle(): Promise<void> {
    return this.loop.running;
  }

  private async dropEngine(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (!engine) return;
    try {
      await (await engine).close();
    } catch {
      // It failed to open, or is gone already: nothing to free.
    }
  }

  /**
   * After stop(): lets a query in flight finish (DuckDB's is local and short), but not for longer
   * than CLOSE_WAIT_MS (an Athena query may take minutes), then frees the engine.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((r) => (timer = setTimeout(r, CLOSE_WAIT_MS).unref()));
    await Promise.race([this.loop.running.catch(() => undefined), waited]);
    clearTimeout(timer);
    await this.dropEngine();
  }
}
