import type { CostExplorerConfig } from '../config/config-types.js';
import type { Logger } from '../log/logger.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import { backoffDelay } from './backoff.js';
import { monthKey, monthStart, monthToDate, nextMonthStart, restOfMonth } from './calendar.js';
import type { CostExplorerApi } from './cost-explorer-api.js';
import { fetchForecast, fetchSpend, type AwsForecast, type PlanSpend, type RequestGate } from './fetch-spend.js';
import { classifyError, RefreshError, type RefreshErrorReason } from './refresh-error.js';
import { RequestBudget } from './request-budget.js';
import { forecastQueries, spendQueries, type ForecastQuery, type SpendQuery } from './spend-queries.js';

export interface RefresherEvents {
  onRequest(operation: 'GetCostAndUsage' | 'GetCostForecast'): void;
  onError(reason: RefreshErrorReason): void;
  /** Cached data changed: re-render the metrics. */
  onChange(): void;
}

export interface RefresherOptions {
  readonly plans: readonly LoadedPlan[];
  readonly config: CostExplorerConfig;
  readonly api: CostExplorerApi;
  readonly logger: Logger;
  readonly events: RefresherEvents;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** What the metrics need to know about one plan's actuals. */
export interface PlanActuals {
  /** Month-to-date spend (current month only), summed over the plan's queries that succeeded. */
  readonly spend?: PlanSpend;
  readonly forecast?: AwsForecast;
  /** Oldest last success among the plan's spend queries; undefined until each succeeded once. */
  readonly lastSuccessAt?: number;
  /** The latest attempt of any of the plan's queries failed. */
  readonly failing: boolean;
}

interface Job {
  readonly id: string;
  readonly kind: 'spend' | 'forecast';
  readonly plans: readonly string[];
  readonly intervalMs: number;
  run(now: number, gate: RequestGate): Promise<number>;
  nextDueAt: number;
  failures: number;
  failing: boolean;
  lastSuccessAt?: number;
  lastSuccessMonth?: string;
  /** Pages the last run needed: slots to have in hand before starting. */
  pagesHint: number;
}

const MAX_SLEEP_MS = 3_600_000;

/**
 * Refreshes Cost Explorer data on its own schedule, never on a scrape. Failures keep the last good
 * values and back off; every request (page, retry) first takes a slot of the daily request budget.
 */
export class Refresher {
  private readonly jobs: Job[];
  private readonly spend = new Map<string, { month: string; perPlan: Map<string, PlanSpend> }>();
  private readonly forecasts = new Map<string, { month: string; forecast: AwsForecast | undefined }>();
  private readonly now: () => number;
  private readonly random: () => number;
  readonly budget: RequestBudget;
  readonly startedAt: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: RefresherOptions) {
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.startedAt = this.now();
    this.budget = new RequestBudget(o.config.dailyRequestBudget);
    const spendJobs = spendQueries(o.plans, o.config.splitEc2Other).map((q) => this.spendJob(q));
    const forecastJobs = forecastQueries(o.plans).map((q) => this.forecastJob(q));
    this.jobs = [...spendJobs, ...forecastJobs];
  }

  /** Requests one full refresh of every query takes (forecasts included). */
  get requestsPerRound(): number {
    return this.jobs.reduce((n, j) => n + j.pagesHint, 0);
  }

  private spendJob(q: SpendQuery): Job {
    return this.job(q.id, 'spend', q.plans, this.o.config.refreshIntervalMs, async (now, gate) => {
      const { perPlan, pages } = await fetchSpend(q, monthToDate(now), this.o.api, gate);
      this.spend.set(q.id, { month: monthKey(now), perPlan });
      return pages;
    });
  }

  private forecastJob(q: ForecastQuery): Job {
    return this.job(q.id, 'forecast', q.plans, this.o.config.forecastRefreshIntervalMs, async (now, gate) => {
      try {
        this.forecasts.set(q.id, { month: monthKey(now), forecast: await fetchForecast(q, restOfMonth(now), this.o.config.predictionIntervalLevel, this.o.api, gate) });
      } catch (e) {
        // A young account or tag has too little history; AWS says so rather than failing.
        if ((e as { name?: string }).name !== 'DataUnavailableException') throw e;
        this.forecasts.set(q.id, { month: monthKey(now), forecast: undefined });
        this.o.logger.info('no AWS forecast yet', { query: q.id, plans: q.plans, reason: 'DataUnavailableException: too little history' });
      }
      return 1;
    });
  }

  private job(id: string, kind: Job['kind'], plans: readonly string[], intervalMs: number, run: Job['run']): Job {
    return { id, kind, plans, intervalMs, run, nextDueAt: this.now(), failures: 0, failing: false, pagesHint: 1 };
  }

  /** A job is due on schedule, and at once when its data belongs to a month that has ended. */
  private dueAt(job: Job, now: number): number {
    const fromLastMonth = job.lastSuccessMonth !== undefined && job.lastSuccessMonth !== monthKey(now) && !job.failing;
    return fromLastMonth ? Math.min(job.nextDueAt, monthStart(now)) : job.nextDueAt;
  }

  /** When runDue next has something to do. */
  nextWakeAt(): number {
    const now = this.now();
    return Math.min(nextMonthStart(now), ...this.jobs.map((j) => this.dueAt(j, now)));
  }

  /** Runs every job that is due, spend before forecasts, one request at a time. */
  async runDue(): Promise<void> {
    for (const job of this.jobs) {
      if (this.stopped) return;
      const now = this.now();
      if (this.dueAt(job, now) > now) continue;
      await this.runJob(job);
    }
  }

  /**
   * Forecasts are the second opinion: they may not take the slots the spend refreshes still need
   * in the coming 24 hours (one round per refresh interval, pages included).
   */
  private reserveFor(job: Job, now: number): number {
    if (job.kind === 'spend') return 0;
    const perDay = this.spendRequestsPerDay();
    // A spend schedule the budget cannot sustain anyway still leaves one slot a day per forecast.
    const forecasts = this.jobs.length - this.jobs.filter((j) => j.kind === 'spend').length;
    const reserve = perDay <= this.budget.perDay ? perDay : Math.max(0, this.budget.perDay - forecasts);
    return Math.max(0, reserve - this.budget.used(now, 'spend'));
  }

  /** Requests the spend refreshes need in 24 hours at the configured interval (pages included). */
  spendRequestsPerDay(): number {
    return this.jobs.filter((j) => j.kind === 'spend').reduce((n, j) => n + j.pagesHint * Math.ceil(RequestBudget.WINDOW_MS / j.intervalMs), 0);
  }

  /** Requests a day the whole schedule needs, forecasts included, for the start-up log. */
  requestsPerDay(): number {
    return this.spendRequestsPerDay() + this.jobs.filter((j) => j.kind === 'forecast').reduce((n, j) => n + Math.ceil(RequestBudget.WINDOW_MS / j.intervalMs), 0);
  }

  private async runJob(job: Job): Promise<void> {
    const now = this.now();
    const reserve = this.reserveFor(job, now);
    const gate: RequestGate = (operation) => {
      const t = this.now();
      if (this.budget.remaining(t) <= reserve || !this.budget.tryTake(t, job.kind)) {
        throw new RefreshError('budget_exhausted', `daily Cost Explorer request budget (${this.budget.perDay}) is spent; ${job.id} waits for a free slot`);
      }
      this.o.events.onRequest(operation);
    };
    try {
      if (this.budget.remaining(now) < job.pagesHint + reserve) {
        throw new RefreshError('budget_exhausted', `daily Cost Explorer request budget (${this.budget.perDay}) cannot cover ${job.id} (${job.pagesHint} request(s)) now`);
      }
      job.pagesHint = await job.run(now, gate);
      const wasFailing = job.failing;
      Object.assign(job, { failures: 0, failing: false, lastSuccessAt: this.now(), lastSuccessMonth: monthKey(now), nextDueAt: now + job.intervalMs });
      this.o.logger.info(wasFailing ? 'refresh recovered' : 'refreshed', { query: job.id, plans: job.plans, requests: job.pagesHint, nextInSeconds: Math.round(job.intervalMs / 1000) });
    } catch (e) {
      // Stopping destroys the client under an in-flight request; that is not a refresh failure.
      if (this.stopped) return;
      const err = classifyError(e, job.kind === 'spend' ? 'GetCostAndUsage' : 'GetCostForecast');
      job.failing = true;
      let delay: number;
      if (err.reason === 'budget_exhausted') {
        delay = Math.max(60_000, this.budget.freeAt(this.now(), job.pagesHint + reserve) - this.now());
      } else {
        job.failures += 1;
        delay = Math.min(backoffDelay(job.failures, this.o.config.backoffInitialMs, this.o.config.backoffMaxMs, this.random), job.intervalMs);
      }
      job.nextDueAt = this.now() + delay;
      this.o.events.onError(err.reason);
      this.o.logger.warn('refresh failed', { query: job.id, plans: job.plans, reason: err.reason, error: err.message, failures: job.failures, retryInSeconds: Math.round(delay / 1000), keeping: job.lastSuccessAt === undefined ? 'no data yet' : 'last good values' });
    }
    this.o.events.onChange();
  }

  /** Oldest last success among the plan's spend queries (cheap: staleness is read on every scrape). */
  lastSuccessFor(plan: string): number | undefined {
    let oldest: number | undefined;
    for (const j of this.jobs) {
      if (j.kind !== 'spend' || !j.plans.includes(plan)) continue;
      if (j.lastSuccessAt === undefined) return undefined;
      oldest = oldest === undefined ? j.lastSuccessAt : Math.min(oldest, j.lastSuccessAt);
    }
    return oldest;
  }

  actualsFor(plan: string): PlanActuals {
    const month = monthKey(this.now());
    const jobs = this.jobs.filter((j) => j.plans.includes(plan));
    const spendJobs = jobs.filter((j) => j.kind === 'spend');
    const parts = spendJobs.map((j) => this.spend.get(j.id)).filter((s) => s !== undefined && s.month === month).map((s) => s!.perPlan.get(plan)!);
    const forecastJob = jobs.find((j) => j.kind === 'forecast');
    const forecast = forecastJob ? this.forecasts.get(forecastJob.id) : undefined;
    const lastSuccessAt = this.lastSuccessFor(plan);
    return {
      ...(parts.length ? { spend: mergeSpend(parts) } : {}),
      ...(forecast?.forecast && forecast.month === month ? { forecast: forecast.forecast } : {}),
      ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
      failing: jobs.some((j) => j.failing),
    };
  }

  /** Runs on real timers until stop(). */
  start(): void {
    const tick = () => {
      if (this.stopped) return;
      void this.runDue()
        .catch((e: unknown) => this.o.logger.error('refresh round failed unexpectedly', { error: (e as Error).message }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, Math.max(100, Math.min(MAX_SLEEP_MS, this.nextWakeAt() - this.now())));
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the timers; an in-flight request is abandoned (the caller destroys the client). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

function mergeSpend(parts: readonly PlanSpend[]): PlanSpend {
  if (parts.length === 1) return parts[0]!;
  const byService = new Map<string, PlanSpend['byService'] extends Map<string, infer D> ? D : never>();
  const byDay = new Map<string, PlanSpend['byDay'] extends Map<string, infer D> ? D : never>();
  for (const p of parts) {
    for (const [k, v] of p.byService) byService.set(k, byService.has(k) ? byService.get(k)!.plus(v) : v);
    for (const [k, v] of p.byDay) byDay.set(k, byDay.has(k) ? byDay.get(k)!.plus(v) : v);
  }
  return { byService, byDay };
}
