import type { CostExplorerConfig } from '../config/config-types.js';
import type { Logger } from '../log/logger.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import { backoffDelay } from './backoff.js';
import { monthKey, monthStart, monthToDate, nextMonthStart, restOfMonth } from './calendar.js';
import type { CostExplorerApi } from './cost-explorer-api.js';
import { fetchForecast, fetchSpend, startProgress, type AwsForecast, type PlanSpend, type SpendProgress } from './fetch-spend.js';
import type { PlanActuals } from './plan-actuals.js';
import { classifyError, RefreshError, type RefreshErrorReason } from './refresh-error.js';
import { RequestBudget } from './request-budget.js';
import type { CeOperation, RequestGate } from './request-gate.js';
import type { ActualsSource, SourceInfo } from './sources/actuals-source.js';
import { forecastQueries, spendQueries, type ForecastQuery, type SpendQuery } from './spend-queries.js';
import { TimerLoop } from './sources/timer-loop.js';

// Where it was defined before every source of actuals shared it.
export type { PlanActuals } from './plan-actuals.js';

export interface RefresherEvents {
  /** A request left the process (Cost Explorer may bill it). */
  onRequest(operation: CeOperation): void;
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

/** A plan's latest complete spend; kept per plan, so a reload that changes its bucket's query keeps it until the new query publishes. */
interface Published {
  readonly month: string;
  readonly spend: PlanSpend;
  /** When it was asked for. */
  readonly asOf: number;
  /** How the plan's spend is found: data found another way is not the plan's any more. */
  readonly source: string;
}

/** One refresh of a spend bucket: every query's pages, published together once all are in. */
interface Round {
  readonly month: string;
  readonly period: { Start: string; End: string };
  readonly startedAt: number;
  readonly parts: SpendProgress[];
  /** Stopped by the budget with pages paid: resumed (not restarted) when slots free up. */
  pausedByBudget: boolean;
}

interface Job {
  readonly id: string;
  readonly kind: 'spend' | 'forecast';
  readonly plans: readonly string[];
  /** Same signature = same requests: a reload keeps the job's schedule and data. */
  readonly signature: string;
  intervalMs: number;
  /** Runs the job; resolves with the requests a full run takes and when its data was asked for. */
  run(now: number, gate: RequestGate): Promise<{ pages: number; asOf: number }>;
  nextDueAt: number;
  lastRunAt?: number;
  failures: number;
  failing: boolean;
  /** The month of the data the job last got (its published data is per plan). */
  lastSuccessMonth?: string;
  /** Pages a full run needs (learnt from the last one): slots to have in hand before starting. */
  pagesHint: number;
  round?: Round;
}

/** Failures after which a round's pages are still worth resuming (the page token stays good). */
const TRANSIENT: ReadonlySet<RefreshErrorReason> = new Set(['budget_exhausted', 'throttled', 'network']);

const paidPages = (round: Round) => round.parts.reduce((n, p) => n + p.pages, 0);

/**
 * Refreshes Cost Explorer data on its own schedule, never on a scrape. Failures keep the last good
 * values and back off; every request (page, retry) first takes a slot of the daily request budget.
 */
export class Refresher implements ActualsSource {
  /** Cost Explorer's UnblendedCost, as the requests ask for it. */
  readonly info: SourceInfo = { source: 'cost-explorer', format: 'none', basis: 'unblended' };
  private readonly jobs: Job[];
  private readonly published = new Map<string, Published>();
  private readonly sources: ReadonlyMap<string, string>;
  private readonly forecasts = new Map<string, { month: string; forecast: AwsForecast | undefined }>();
  private readonly now: () => number;
  private readonly random: () => number;
  readonly budget: RequestBudget;
  private started: number;
  private readonly loop = new TimerLoop();

  constructor(private readonly o: RefresherOptions) {
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.started = this.now();
    this.budget = new RequestBudget(o.config.dailyRequestBudget);
    this.sources = new Map(o.plans.map((p) => [p.name, JSON.stringify([p.match, o.config.splitEc2Other])]));
    const buckets = new Map<string, SpendQuery[]>();
    for (const q of spendQueries(o.plans, o.config.splitEc2Other)) buckets.set(q.bucket, [...(buckets.get(q.bucket) ?? []), q]);
    const spendJobs = [...buckets].map(([bucket, queries]) => this.spendJob(bucket, queries));
    const forecastJobs = forecastQueries(o.plans).map((q) => this.forecastJob(q));
    this.jobs = [...spendJobs, ...forecastJobs];
  }

  /** Since when this refresher (or the first one it took over from) has run. */
  get startedAt(): number {
    return this.started;
  }

  get refreshIntervalMs(): number {
    return this.o.config.refreshIntervalMs;
  }

  describe(): Readonly<Record<string, unknown>> {
    return {
      source: this.info.source,
      refreshIntervalSeconds: this.o.config.refreshIntervalMs / 1000,
      forecastRefreshIntervalSeconds: this.o.config.forecastRefreshIntervalMs / 1000,
      dailyRequestBudget: this.o.config.dailyRequestBudget,
      requestsPerRound: this.requestsPerRound,
      requestsPerDay: this.requestsPerDay(),
    };
  }

  /** The client is the exporter's (shared across reloads that keep its settings): nothing to free here. */
  async close(): Promise<void> {}

  /** Requests one full refresh of every query takes (forecasts included). */
  get requestsPerRound(): number {
    return this.jobs.reduce((n, j) => n + j.pagesHint, 0);
  }

  private spendJob(bucket: string, queries: SpendQuery[]): Job {
    const signature = JSON.stringify(['spend', queries.map((q) => [q.id, q.groupBy, q.filter ?? null, q.plans])]);
    const job: Job = this.job(bucket, 'spend', queries[0]!.plans, signature, this.o.config.refreshIntervalMs, async (now, gate) => {
      const month = monthKey(now);
      let round = job.round;
      const stale = round !== undefined && (round.month !== month || paidPages(round) === 0 || (!round.pausedByBudget && now - round.startedAt >= job.intervalMs));
      if (round === undefined || stale) round = job.round = { month, period: monthToDate(now), startedAt: now, parts: queries.map(startProgress), pausedByBudget: false };
      for (let i = 0; i < queries.length; i++) await fetchSpend(queries[i]!, round.period, this.o.api, gate, round.parts[i]);
      // All of the bucket's queries are in: publish them together, never one without the other.
      for (const p of job.plans) this.published.set(p, { month: round.month, spend: mergeSpend(round.parts.map((part) => part.perPlan.get(p)!)), asOf: round.startedAt, source: this.sources.get(p)! });
      job.round = undefined;
      return { pages: paidPages(round), asOf: round.startedAt };
    });
    return job;
  }

  private forecastJob(q: ForecastQuery): Job {
    // The request alone: plans that share its filter share its answer.
    const signature = JSON.stringify(['forecast', q.filter ?? null, this.o.config.predictionIntervalLevel]);
    return this.job(q.id, 'forecast', q.plans, signature, this.o.config.forecastRefreshIntervalMs, async (now, gate) => {
      try {
        this.forecasts.set(q.id, { month: monthKey(now), forecast: await fetchForecast(q, restOfMonth(now), this.o.config.predictionIntervalLevel, this.o.api, gate) });
      } catch (e) {
        // A young account or tag has too little history; AWS says so rather than failing.
        if ((e as { name?: string }).name !== 'DataUnavailableException') throw e;
        this.forecasts.set(q.id, { month: monthKey(now), forecast: undefined });
        this.o.logger.info('no AWS forecast yet', { query: q.id, plans: q.plans, reason: 'DataUnavailableException: too little history' });
      }
      return { pages: 1, asOf: now };
    });
  }

  private job(id: string, kind: Job['kind'], plans: readonly string[], signature: string, intervalMs: number, run: Job['run']): Job {
    return { id, kind, plans, signature, intervalMs, run, nextDueAt: this.now(), failures: 0, failing: false, pagesHint: 1 };
  }

  /**
   * Carries on from the refresher of the previous config (a reload), which must be stopped and
   * idle: its request budget, the schedule and data of jobs whose requests did not change (a
   * changed interval reschedules), and the published spend of every plan still found the same way,
   * until the new query publishes.
   */
  takeOver(previous: ActualsSource): void {
    this.started = previous.startedAt;
    // Another source's figures are not Cost Explorer's: only the running time carries over.
    if (!(previous instanceof Refresher)) return;
    this.budget.takeOver(previous.budget);
    for (const job of this.jobs) {
      const old = previous.jobs.find((j) => j.signature === job.signature);
      if (!old) continue;
      const { nextDueAt, lastRunAt, failures, failing, lastSuccessMonth, pagesHint, round } = old;
      Object.assign(job, { nextDueAt, lastRunAt, failures, failing, lastSuccessMonth, pagesHint, round });
      if (old.intervalMs !== job.intervalMs) job.nextDueAt = Math.min(old.nextDueAt, (old.lastRunAt ?? this.now()) + job.intervalMs);
      const forecast = previous.forecasts.get(old.id);
      if (forecast) this.forecasts.set(job.id, forecast);
    }
    for (const [plan, source] of this.sources) {
      const kept = previous.published.get(plan);
      if (kept?.source === source) this.published.set(plan, kept);
    }
  }

  /** A job is due on schedule, and at once when its data belongs to a month that has ended (unless this month's round is under way). */
  private dueAt(job: Job, now: number): number {
    const month = monthKey(now);
    const fromLastMonth = job.lastSuccessMonth !== undefined && job.lastSuccessMonth !== month && !job.failing && job.round?.month !== month;
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
      if (this.loop.stopped) return;
      const now = this.now();
      if (this.dueAt(job, now) > now) continue;
      await this.runJob(job);
    }
  }

  private get forecastJobCount(): number {
    return this.jobs.filter((j) => j.kind === 'forecast').length;
  }

  /**
   * Slots a job must leave free. Forecasts are the second opinion: they may not take the slots the
   * spend refreshes still need in the coming 24 hours (one round per refresh interval, pages
   * included). A spend refresh with more pages than a whole day's budget pages on across budget
   * windows, but leaves a slot per forecast.
   */
  private reserveFor(job: Job, now: number): number {
    if (job.kind === 'spend') return this.outgrowsBudget(job) ? Math.min(this.forecastJobCount, this.budget.perDay - 1) : 0;
    const perDay = this.spendRequestsPerDay();
    // A spend schedule the budget cannot sustain anyway still leaves one slot a day per forecast.
    const reserve = perDay <= this.budget.perDay ? perDay : Math.max(0, this.budget.perDay - this.forecastJobCount);
    return Math.max(0, reserve - this.budget.used(now, 'spend'));
  }

  private outgrowsBudget(job: Job): boolean {
    return job.kind === 'spend' && job.pagesHint > this.budget.perDay;
  }

  /** Slots needed in hand before the job starts (or resumes). */
  private slotsNeeded(job: Job, reserve: number): number {
    if (this.outgrowsBudget(job)) return reserve + 1;
    const paid = job.round ? paidPages(job.round) : 0;
    return Math.max(1, job.pagesHint - paid) + reserve;
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
    const gate: RequestGate = async (operation, send) => {
      if (this.loop.stopped) throw new RefreshError('other', 'the refresher stopped');
      const t = this.now();
      if (this.budget.remaining(t) <= reserve || !this.budget.tryTake(t, job.kind)) {
        throw new RefreshError('budget_exhausted', `daily Cost Explorer request budget (${this.budget.perDay}) is spent; ${job.id} waits for a free slot`);
      }
      let sent = false;
      try {
        return await send(() => {
          if (sent) return;
          sent = true;
          this.o.events.onRequest(operation);
        });
      } finally {
        if (!sent) this.budget.giveBack(job.kind);
      }
    };
    job.lastRunAt = now;
    const roundBefore = job.round;
    const paidBefore = roundBefore ? paidPages(roundBefore) : 0;
    try {
      if (this.budget.remaining(now) < this.slotsNeeded(job, reserve)) {
        throw new RefreshError('budget_exhausted', `daily Cost Explorer request budget (${this.budget.perDay}) cannot cover ${job.id} (${job.pagesHint} request(s)) now`);
      }
      const { pages, asOf } = await job.run(now, gate);
      job.pagesHint = pages;
      const wasFailing = job.failing;
      Object.assign(job, { failures: 0, failing: false, lastSuccessMonth: monthKey(asOf), nextDueAt: now + job.intervalMs });
      this.o.logger.info(wasFailing ? 'refresh recovered' : 'refreshed', { query: job.id, plans: job.plans, requests: pages, nextInSeconds: Math.round(job.intervalMs / 1000) });
    } catch (e) {
      // Stopping destroys the client under an in-flight request; that is not a refresh failure.
      if (this.loop.stopped) return;
      const err = classifyError(e, job.kind === 'spend' ? 'GetCostAndUsage' : 'GetCostForecast');
      this.keepOrDropRound(job, err.reason);
      const round = job.round;
      if (err.reason === 'budget_exhausted' && round?.pausedByBudget && paidPages(round) > (round === roundBefore ? paidBefore : 0)) {
        this.pauseForBudget(job, round);
        this.o.events.onChange();
        return;
      }
      job.failing = true;
      let delay: number;
      if (err.reason === 'budget_exhausted') {
        const waitFor = Math.min(this.budget.perDay, this.slotsNeeded(job, this.reserveFor(job, this.now())));
        delay = Math.max(60_000, this.budget.freeAt(this.now(), waitFor) - this.now());
      } else {
        job.failures += 1;
        delay = Math.min(backoffDelay(job.failures, this.o.config.backoffInitialMs, this.o.config.backoffMaxMs, this.random), job.intervalMs);
      }
      job.nextDueAt = this.now() + delay;
      this.o.events.onError(err.reason);
      const paused = job.round?.pausedByBudget ? { pagesKept: paidPages(job.round), pagesNeeded: job.pagesHint } : {};
      this.o.logger.warn('refresh failed', { query: job.id, plans: job.plans, reason: err.reason, error: err.message, failures: job.failures, retryInSeconds: Math.round(delay / 1000), keeping: this.keeping(job), ...paused });
    }
    this.o.events.onChange();
  }

  /**
   * A round that got pages before the budget stopped it is paging on across budget windows, not
   * failing: no error is counted, tier_planner_refresh_incomplete says so, and it resumes as the
   * rolling window frees slots.
   */
  private pauseForBudget(job: Job, round: Round): void {
    const now = this.now();
    const waitFor = Math.min(this.budget.perDay, this.slotsNeeded(job, this.reserveFor(job, now)));
    const delay = Math.max(60_000, this.budget.freeAt(now, waitFor) - now);
    Object.assign(job, { failing: false, failures: 0, nextDueAt: now + delay });
    this.o.logger.info('refresh paused by the daily request budget; paging resumes when slots free up', { query: job.id, plans: job.plans, pagesKept: paidPages(round), pagesNeeded: job.pagesHint, resumeInSeconds: Math.round(delay / 1000), keeping: this.keeping(job) });
  }

  private keeping(job: Job): string {
    return job.plans.some((p) => this.published.has(p)) ? 'last good values' : 'no data yet';
  }

  /** Pages already paid are kept through failures that leave the page token good, and dropped otherwise. */
  private keepOrDropRound(job: Job, reason: RefreshErrorReason): void {
    const round = job.round;
    if (!round) return;
    if (!TRANSIENT.has(reason)) {
      job.round = undefined;
      return;
    }
    const paid = paidPages(round);
    if (reason === 'budget_exhausted' && paid > 0) {
      round.pausedByBudget = true;
      // At least one more page than paid so far: the estimate learns that the budget cannot hold a round.
      job.pagesHint = Math.max(job.pagesHint, paid + 1);
    }
  }

  private spendJobOf(plan: string): Job | undefined {
    return this.jobs.find((j) => j.kind === 'spend' && j.plans.includes(plan));
  }

  /** When the plan's published spend was asked for (cheap: staleness is read on every scrape). */
  lastSuccessFor(plan: string): number | undefined {
    return this.published.get(plan)?.asOf;
  }

  actualsFor(plan: string): PlanActuals {
    const month = monthKey(this.now());
    const spendJob = this.spendJobOf(plan);
    const published = this.published.get(plan);
    const forecastJob = this.jobs.find((j) => j.kind === 'forecast' && j.plans.includes(plan));
    const forecast = forecastJob ? this.forecasts.get(forecastJob.id) : undefined;
    const lastSuccessAt = published?.asOf;
    return {
      ...(published && published.month === month ? { spend: published.spend } : {}),
      ...(forecast?.forecast && forecast.month === month ? { forecast: forecast.forecast } : {}),
      ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
      failing: this.jobs.some((j) => j.plans.includes(plan) && j.failing),
      incomplete: spendJob?.round?.pausedByBudget === true,
    };
  }

  /** Runs on real timers until stop(). */
  start(): void {
    this.loop.start({ runDue: () => this.runDue(), nextWakeAt: () => this.nextWakeAt(), now: () => this.now(), logger: this.o.logger });
  }

  /** Stops the timers and sends nothing more; an in-flight request is abandoned (or awaited with idle()). */
  stop(): void {
    this.loop.stop();
  }

  /** Resolves once no request is in flight (after stop(): the refresher's state is final). */
  idle(): Promise<void> {
    return this.loop.running;
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
