import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Decimal } from '@tier-planner/cost-model';
import { monthElapsed } from '../actuals/calendar.js';
import { REFRESH_ERROR_REASONS, type RefreshErrorReason } from '../actuals/refresh-error.js';
import type { PlanActuals } from '../actuals/refresher.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import { planFigures } from './plan-figures.js';

export interface MetricsOptions {
  readonly plans: readonly LoadedPlan[];
  readonly actualsFor: (plan: string) => PlanActuals;
  /** Read on every scrape; default actualsFor(plan).lastSuccessAt. */
  readonly lastSuccessFor?: (plan: string) => number | undefined;
  readonly refreshIntervalMs: number;
  readonly pricePerRequestUsd: Decimal;
  /** Since when staleness counts for a plan that never refreshed. */
  readonly startedAt: number;
  readonly now?: () => number;
  /** How old the cached plan series may get before expected-to-date is recomputed; default 60 s. */
  readonly maxCacheAgeMs?: number;
  /** Process metrics (off in unit tests, which build many registries). */
  readonly processMetrics?: boolean;
}

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
  private requests = 0;

  private readonly g = {
    info: this.gauge('tier_planner_plan_info', 'Plans loaded (always 1), with their profile, region, tier and platform.', ['plan', 'profile', 'region', 'tier', 'platform']),
    users: this.gauge('tier_planner_plan_users', 'Users the plan is sized for.', ['plan']),
    nodes: this.gauge('tier_planner_plan_nodes', 'Nodes the plan runs, per node group and instance type.', ['plan', 'node_group', 'instance_type']),
    budget: this.gauge('tier_planner_plan_budget_usd', 'Monthly budget in USD (config budgetUsd, default the plan forecast total).', ['plan']),
    forecast: this.gauge('tier_planner_forecast_monthly_cost_usd', 'The cost model monthly cost in USD, per service.', ['plan', 'service']),
    expected: this.gauge('tier_planner_expected_month_to_date_cost_usd', 'Forecast x elapsed fraction of the month (linear to date), USD.', ['plan', 'service']),
    actual: this.gauge('tier_planner_actual_month_to_date_cost_usd', 'Month-to-date unblended cost reported by AWS Cost Explorer, USD, per model service.', ['plan', 'service']),
    variance: this.gauge('tier_planner_spend_variance_ratio', 'Actual / expected month-to-date cost, whole plan (1 = on plan).', ['plan']),
    awsMean: this.gauge('tier_planner_aws_forecast_month_end_cost_usd', 'AWS month-end forecast: actual before today + GetCostForecast mean, USD.', ['plan']),
    awsLower: this.gauge('tier_planner_aws_forecast_month_end_cost_lower_bound_usd', 'Lower end of the AWS month-end prediction interval, USD.', ['plan']),
    awsUpper: this.gauge('tier_planner_aws_forecast_month_end_cost_upper_bound_usd', 'Upper end of the AWS month-end prediction interval, USD.', ['plan']),
    interval: this.gauge('tier_planner_refresh_interval_seconds', 'The configured Cost Explorer refresh interval in seconds.', []),
    lastSuccess: this.gauge('tier_planner_refresh_last_success_timestamp_seconds', 'Unix time actuals for the plan last refreshed.', ['plan']),
    failing: this.gauge('tier_planner_refresh_failing', '1 while the latest Cost Explorer refresh for the plan failed.', ['plan']),
  };
  // Counted while a refresh pages through Cost Explorer: kept out of the cached text so that a
  // scrape during a refresh does not re-render every plan series.
  private readonly errors = new Counter({ name: 'tier_planner_refresh_errors_total', help: 'Failed Cost Explorer refreshes by reason.', labelNames: ['reason'], registers: [this.live] });
  private readonly requestCounter = new Counter({ name: 'tier_planner_cost_explorer_requests_total', help: 'Cost Explorer requests made (every page and retry), by operation.', labelNames: ['operation'], registers: [this.live] });

  constructor(private readonly o: MetricsOptions) {
    this.now = o.now ?? Date.now;
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
    const lastSuccess = o.lastSuccessFor ?? ((plan: string) => o.actualsFor(plan).lastSuccessAt);
    const staleness = () => o.plans.map((p) => ({ plan: p.name, since: lastSuccess(p.name) ?? o.startedAt }));
    new Gauge({
      name: 'tier_planner_data_staleness_seconds',
      help: 'Seconds since actuals for the plan last refreshed (since start if never).',
      labelNames: ['plan'],
      registers: [this.live],
      collect() {
        for (const s of staleness()) this.set({ plan: s.plan }, Math.max(0, (now() - s.since) / 1000));
      },
    });
    const spend = () => num(o.pricePerRequestUsd.times(this.requests));
    new Gauge({
      name: 'tier_planner_cost_explorer_api_spend_usd',
      help: 'Implied Cost Explorer API spend since start: requests x price per request, USD.',
      registers: [this.live],
      collect() {
        this.set(spend());
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

  countRequest(operation: string): void {
    this.requests += 1;
    this.requestCounter.inc({ operation });
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
    const { g } = this;
    for (const gauge of Object.values(g)) gauge.reset();
    const elapsed = monthElapsed(now);
    g.interval.set(this.o.refreshIntervalMs / 1000);
    for (const p of this.o.plans) {
      const f = planFigures(p, this.o.actualsFor(p.name), elapsed);
      const plan = p.name;
      g.info.set(f.info, 1);
      g.users.set({ plan }, f.users);
      for (const n of f.nodes) g.nodes.inc({ plan, node_group: n.nodeGroup, instance_type: n.instanceType }, n.count);
      g.budget.set({ plan }, num(f.budgetUsd));
      for (const [service, v] of f.forecastByService) g.forecast.set({ plan, service }, num(v));
      for (const [service, v] of f.expectedByService) g.expected.set({ plan, service }, num(v));
      for (const [service, v] of f.actualByService ?? []) g.actual.set({ plan, service }, num(v));
      if (f.varianceRatio) g.variance.set({ plan }, num(f.varianceRatio));
      if (f.awsMonthEnd) {
        g.awsMean.set({ plan }, num(f.awsMonthEnd.mean));
        g.awsLower.set({ plan }, num(f.awsMonthEnd.lower));
        g.awsUpper.set({ plan }, num(f.awsMonthEnd.upper));
      }
      if (f.lastSuccessAt !== undefined) g.lastSuccess.set({ plan }, f.lastSuccessAt / 1000);
      g.failing.set({ plan }, f.failing ? 1 : 0);
    }
  }
}
