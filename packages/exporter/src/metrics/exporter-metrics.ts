import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { dec, type Decimal } from '@tier-planner/cost-model';
import { monthElapsed } from '../actuals/calendar.js';
import { expectedToDate, periodOf } from '../plans/plan-history.js';
import { REFRESH_ERROR_REASONS, type RefreshErrorReason } from '../actuals/refresh-error.js';
import type { PlanActuals } from '../actuals/plan-actuals.js';
import type { SourceInfo } from '../actuals/sources/actuals-source.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import { planFigures } from './plan-figures.js';

/** What the plan series are computed from; replaced as a whole when the config is reloaded. */
export interface PlanView {
  readonly plans: readonly LoadedPlan[];
  readonly actualsFor: (plan: string) => PlanActuals;
  /** Read on every scrape; default actualsFor(plan).lastSuccessAt. */
  readonly lastSuccessFor?: (plan: string) => number | undefined;
  /** Expected month-to-date cost per service at `now`; default: the plan as loaded, in force all month. */
  readonly expectedFor?: (plan: LoadedPlan, now: number) => ReadonlyMap<string, Decimal>;
  readonly refreshIntervalMs: number;
  readonly pricePerRequestUsd: Decimal;
  /** No variance ratio before this much of the month has gone; default 24 h. */
  readonly varianceMinElapsedMs?: number;
  /** Where actuals come from; default Cost Explorer's unblended cost. */
  readonly source?: SourceInfo;
}

const COST_EXPLORER: SourceInfo = { source: 'cost-explorer', format: 'none', basis: 'unblended' };

export interface MetricsOptions extends PlanView {
  /** Since when staleness counts for a plan that never refreshed. */
  readonly startedAt: number;
  readonly now?: () => number;
  /** How old the cached plan series may get before expected-to-date is recomputed; default 60 s. */
  readonly maxCacheAgeMs?: number;
  /** Process metrics (off in unit tests, which build many registries). */
  readonly processMetrics?: boolean;
}

const DEFAULT_VARIANCE_MIN_ELAPSED_MS = 86_400_000;
const asIfAllMonth = (p: LoadedPlan, now: number) => expectedToDate([periodOf(p)], now);

const OPERATIONS = ['GetCostAndUsage', 'GetCostForecast'] as const;
/** Process metrics change slowly next to a 15–60 s scrape interval; reading /proc on every scrape is the main cost. */
const PROCESS_CACHE_MS = 1_000;
const num = (d: Decimal) => d.toNumber();

/**
 * Every series of docs/exporter-metrics.md. Plan series change only when data changes (and drift
 * slowly with the month), so their text is cached; the per-scrape gauges (staleness, month
 * elapsed, process) live in a second registry rendered on every scrape.
 */
export class ExporterMetrics {
  private readonly cached = new Registry();
  private readonly live = new Registry();
  private readonly process = new Registry();
  private readonly now: () => number;
  private text: Buffer | undefined;
  private renderedAt = 0;
  private processText: Buffer | undefined;
  private processRenderedAt = 0;
  private view: PlanView;
  /** When each plan was first loaded (start or reload): staleness of a plan never refreshed counts from then. */
  private readonly loadedAt = new Map<string, number>();

  private readonly g = {
    info: this.gauge('tier_planner_plan_info', 'Plans loaded (always 1), with their profile, region, tier and platform.', ['plan', 'profile', 'region', 'tier', 'platform']),
    users: this.gauge('tier_planner_plan_users', 'Users the plan is sized for.', ['plan']),
    perUser: this.gauge('tier_planner_plan_cost_per_user_usd', 'The plan\'s monthly cost per user, USD (forecast total / users).', ['plan']),
    nodes: this.gauge('tier_planner_plan_nodes', 'Nodes the plan runs, per node group and instance type.', ['plan', 'node_group', 'instance_type']),
    budget: this.gauge('tier_planner_plan_budget_usd', 'Monthly budget in USD (config budgetUsd, default the plan forecast total).', ['plan']),
    forecast: this.gauge('tier_planner_forecast_monthly_cost_usd', 'The cost model monthly cost in USD (for the plan\'s hours per month, 730 by default), per service.', ['plan', 'aws_service']),
    expected: this.gauge('tier_planner_expected_month_to_date_cost_usd', 'Monthly cost x hours elapsed this month / the plan\'s hours per month, per plan version in force, USD.', ['plan', 'aws_service']),
    actual: this.gauge('tier_planner_actual_month_to_date_cost_usd', 'Month-to-date cost from the source of actuals (Cost Explorer unblended, or a Data Export\'s amortized or unblended cost: see tier_planner_actuals_source_info), USD, per model service.', ['plan', 'aws_service']),
    variance: this.gauge('tier_planner_spend_variance_ratio', 'Actual / expected month-to-date cost, whole plan (1 = on plan); absent before tier_planner_spend_variance_min_elapsed_seconds of the month.', ['plan']),
    serviceVariance: this.gauge('tier_planner_service_variance_ratio', 'Actual / expected month-to-date cost per service (1 = on plan); served with tier_planner_spend_variance_ratio, for services expected to cost more than zero. tier-planner explain-variance says which assumptions explain a gap.', ['plan', 'aws_service']),
    varianceMin: this.gauge('tier_planner_spend_variance_min_elapsed_seconds', 'How much of the month must have gone before the variance ratio is served (config varianceMinElapsed).', []),
    awsMean: this.gauge('tier_planner_aws_forecast_month_end_cost_usd', 'AWS month-end forecast: actual before today + GetCostForecast mean, USD.', ['plan']),
    awsLower: this.gauge('tier_planner_aws_forecast_month_end_cost_lower_bound_usd', 'Lower end of the AWS month-end prediction interval, USD.', ['plan']),
    awsUpper: this.gauge('tier_planner_aws_forecast_month_end_cost_upper_bound_usd', 'Upper end of the AWS month-end prediction interval, USD.', ['plan']),
    interval: this.gauge('tier_planner_refresh_interval_seconds', 'The configured refresh interval of the source of actuals in seconds.', []),
    lastSuccess: this.gauge('tier_planner_refresh_last_success_timestamp_seconds', 'Unix time actuals for the plan last refreshed.', ['plan']),
    failing: this.gauge('tier_planner_refresh_failing', '1 while the latest refresh of actuals for the plan failed.', ['plan']),
    sourceInfo: this.gauge('tier_planner_actuals_source_info', 'Where actuals come from (always 1): source cost-explorer, data-export or athena; format cur2, focus or none; basis unblended or amortized.', ['source', 'format', 'basis']),
    incomplete: this.gauge('tier_planner_refresh_incomplete', '1 while a refresh for the plan is part-way through its pages, paused by the daily request budget with the pages paid so far kept (paging resumes as slots free up; not a failure); actuals are the previous complete ones.', ['plan']),
  };
  // Counted while a refresh pages through Cost Explorer: kept out of the cached text so that a
  // scrape during a refresh does not re-render every plan series.
  private readonly errors = new Counter({ name: 'tier_planner_refresh_errors_total', help: 'Failed refreshes of actuals by reason.', labelNames: ['reason'], registers: [this.live] });
  private readonly requestCounter = new Counter({ name: 'tier_planner_cost_explorer_requests_total', help: 'Cost Explorer requests sent (every page and retry that left the process), by operation.', labelNames: ['operation'], registers: [this.live] });
  // Summed exactly in decimals; the counter shows the total (it only ever grows).
  private apiSpendUsd: Decimal = dec(0);
  private readonly spendCounter = new Counter({ name: 'tier_planner_cost_explorer_api_spend_usd_total', help: 'Implied Cost Explorer API spend since start: requests sent x price per request, USD.', registers: [this.live], collect: () => this.showApiSpend() });
  private readonly bytesScanned = new Counter({ name: 'tier_planner_athena_bytes_scanned_total', help: 'Bytes Athena scanned for the exporter\'s queries (Athena bills by them); 0 for the other sources.', registers: [this.live] });
  private readonly reloadOk = new Gauge({ name: 'tier_planner_config_last_reload_successful', help: '1 if the latest config load (start or SIGHUP) succeeded, 0 if it failed and the previous config is still in use.', registers: [this.live] });
  private readonly reloadAt = new Gauge({ name: 'tier_planner_config_last_reload_success_timestamp_seconds', help: 'Unix time of the latest successful config load (start or SIGHUP).', registers: [this.live] });

  constructor(private readonly o: MetricsOptions) {
    this.now = o.now ?? Date.now;
    this.view = o;
    this.configLoaded(true, o.startedAt);
    for (const reason of REFRESH_ERROR_REASONS) this.errors.inc({ reason }, 0);
    for (const operation of OPERATIONS) this.requestCounter.inc({ operation }, 0);
    const now = this.now;
    new Gauge({
      name: 'tier_planner_month_elapsed_ratio',
      help: 'Fraction of the billing month (UTC) gone.',
      registers: [this.live],
      collect() {
        const { elapsedMs, monthMs } = monthElapsed(now());
        this.set(elapsedMs / monthMs);
      },
    });
    for (const p of o.plans) this.loadedAt.set(p.name, o.startedAt);
    const staleness = () => {
      const v = this.view;
      const lastSuccess = v.lastSuccessFor ?? ((plan: string) => v.actualsFor(plan).lastSuccessAt);
      return v.plans.map((p) => ({ plan: p.name, since: lastSuccess(p.name) ?? this.loadedAt.get(p.name) ?? o.startedAt }));
    };
    new Gauge({
      name: 'tier_planner_data_staleness_seconds',
      help: 'Seconds since actuals for the plan last refreshed (if never: since the plan was loaded, at start or by a reload).',
      labelNames: ['plan'],
      registers: [this.live],
      collect() {
        // Plans a reload removed go too.
        this.reset();
        for (const s of staleness()) this.set({ plan: s.plan }, Math.max(0, (now() - s.since) / 1000));
      },
    });
    if (o.processMetrics !== false) collectDefaultMetrics({ register: this.process });
  }

  private gauge(name: string, help: string, labelNames: string[]): Gauge {
    return new Gauge({ name, help, labelNames, registers: [this.cached] });
  }

  get contentType(): string {
    return this.cached.contentType;
  }

  /** A request left the process: count it and what it costs. */
  countRequest(operation: string): void {
    this.requestCounter.inc({ operation });
    this.apiSpendUsd = this.apiSpendUsd.plus(this.view.pricePerRequestUsd);
  }

  private showApiSpend(): void {
    this.spendCounter.reset();
    this.spendCounter.inc(num(this.apiSpendUsd));
  }

  /** New plans or settings after a reload; counters carry on. */
  setView(view: PlanView): void {
    for (const p of view.plans) if (!this.loadedAt.has(p.name)) this.loadedAt.set(p.name, this.now());
    this.view = view;
    this.invalidate();
  }

  /** A config load (start or SIGHUP) succeeded or failed. */
  configLoaded(ok: boolean, at: number): void {
    this.reloadOk.set(ok ? 1 : 0);
    if (ok) this.reloadAt.set(at / 1000);
  }

  /** An Athena query read this many bytes. */
  countBytesScanned(bytes: number): void {
    if (bytes > 0) this.bytesScanned.inc(bytes);
  }

  countError(reason: RefreshErrorReason): void {
    this.errors.inc({ reason });
  }

  /** Data changed: the next scrape re-renders the plan series. */
  invalidate(): void {
    this.text = undefined;
  }

  /** The /metrics body. */
  async render(): Promise<string> {
    return Buffer.concat(await this.renderChunks()).toString('utf8');
  }

  /**
   * The /metrics body in pieces, for the server to write without copying: the cached plan series,
   * the process metrics (read from /proc, so cached for a second) and the per-scrape gauges.
   */
  async renderChunks(): Promise<Buffer[]> {
    const now = this.now();
    if (this.text === undefined || now - this.renderedAt > (this.o.maxCacheAgeMs ?? 60_000)) {
      this.refreshCachedValues(now);
      this.text = Buffer.from(await this.cached.metrics());
      this.renderedAt = now;
    }
    if (this.processText === undefined || Math.abs(Date.now() - this.processRenderedAt) >= PROCESS_CACHE_MS) {
      this.processText = Buffer.from(await this.process.metrics());
      this.processRenderedAt = Date.now();
    }
    return [this.text, Buffer.from(await this.live.metrics()), this.processText];
  }

  private refreshCachedValues(now: number): void {
    const { g, view } = this;
    for (const gauge of Object.values(g)) gauge.reset();
    const minElapsedMs = view.varianceMinElapsedMs ?? DEFAULT_VARIANCE_MIN_ELAPSED_MS;
    const varianceAllowed = monthElapsed(now).elapsedMs >= minElapsedMs;
    const expectedFor = view.expectedFor ?? asIfAllMonth;
    g.interval.set(view.refreshIntervalMs / 1000);
    g.varianceMin.set(minElapsedMs / 1000);
    g.sourceInfo.set({ ...(view.source ?? COST_EXPLORER) }, 1);
    for (const p of view.plans) {
      const f = planFigures(p, view.actualsFor(p.name), { byService: expectedFor(p, now), varianceAllowed });
      const plan = p.name;
      g.info.set(f.info, 1);
      g.users.set({ plan }, f.users);
      g.perUser.set({ plan }, num(f.costPerUserUsd));
      for (const n of f.nodes) g.nodes.inc({ plan, node_group: n.nodeGroup, instance_type: n.instanceType }, n.count);
      g.budget.set({ plan }, num(f.budgetUsd));
      for (const [service, v] of f.forecastByService) g.forecast.set({ plan, aws_service: service }, num(v));
      for (const [service, v] of f.expectedByService) g.expected.set({ plan, aws_service: service }, num(v));
      for (const [service, v] of f.actualByService ?? []) g.actual.set({ plan, aws_service: service }, num(v));
      if (f.varianceRatio) g.variance.set({ plan }, num(f.varianceRatio));
      for (const [service, v] of f.varianceRatioByService ?? []) g.serviceVariance.set({ plan, aws_service: service }, num(v));
      if (f.awsMonthEnd) {
        g.awsMean.set({ plan }, num(f.awsMonthEnd.mean));
        g.awsLower.set({ plan }, num(f.awsMonthEnd.lower));
        g.awsUpper.set({ plan }, num(f.awsMonthEnd.upper));
      }
      if (f.lastSuccessAt !== undefined) g.lastSuccess.set({ plan }, f.lastSuccessAt / 1000);
      g.failing.set({ plan }, f.failing ? 1 : 0);
      g.incomplete.set({ plan }, f.incomplete ? 1 : 0);
    }
  }
}
