import { dec, type Decimal } from '@tier-planner/cost-model';
import type { CostExplorerApi } from './cost-explorer-api.js';
import { RefreshError } from './refresh-error.js';
import type { RequestGate } from './request-gate.js';
import type { ForecastQuery, SpendQuery } from './spend-queries.js';

export type { RequestGate } from './request-gate.js';

/** Month-to-date spend of one plan from one query. */
export interface PlanSpend {
  readonly byService: Map<string, Decimal>;
  /** Per UTC day (YYYY-MM-DD), to add AWS's forecast of the rest of the month to the days before it. */
  readonly byDay: Map<string, Decimal>;
}

/**
 * How far one GetCostAndUsage has got: the sums of the pages received and the token of the next.
 * Kept between attempts, so pages already paid for are not asked for again.
 */
export interface SpendProgress {
  readonly perPlan: Map<string, PlanSpend>;
  token: string | undefined;
  pages: number;
  done: boolean;
}

// Only a guard against a server that pages forever; the request budget is the real limit.
const MAX_PAGES = 500;
const AMOUNT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function amountOf(value: { Amount?: string } | undefined, where: string): Decimal {
  const a = value?.Amount;
  if (a === undefined || !AMOUNT.test(a)) throw new RefreshError('invalid_response', `Cost Explorer returned an amount that is not a number at ${where}: ${JSON.stringify(a)}`);
  return dec(a);
}

function add(map: Map<string, Decimal>, key: string, v: Decimal): void {
  map.set(key, (map.get(key) ?? dec(0)).plus(v));
}

export function startProgress(query: SpendQuery): SpendProgress {
  return { perPlan: new Map(query.plans.map((p) => [p, { byService: new Map(), byDay: new Map() }])), token: undefined, pages: 0, done: false };
}

/**
 * Runs one GetCostAndUsage to its last page, from where `progress` left off, summing per plan,
 * service and day into it. A page counts only once all of it has been read.
 */
export async function fetchSpend(query: SpendQuery, period: { Start: string; End: string }, api: CostExplorerApi, gate: RequestGate, progress: SpendProgress = startProgress(query)): Promise<SpendProgress> {
  while (!progress.done) {
    if (progress.pages >= MAX_PAGES) throw new RefreshError('invalid_response', `Cost Explorer kept paging past ${MAX_PAGES} pages for ${query.id}`);
    const token = progress.token;
    const out = await gate('GetCostAndUsage', (onSent) =>
      api.getCostAndUsage(
        {
          TimePeriod: period,
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          GroupBy: query.groupBy,
          ...(query.filter ? { Filter: query.filter } : {}),
          ...(token ? { NextPageToken: token } : {}),
        },
        { onSent },
      ),
    );
    if (!Array.isArray(out.ResultsByTime)) throw new RefreshError('invalid_response', `Cost Explorer answered ${query.id} without ResultsByTime`);
    const rows: { plans: readonly string[]; service: string; date: string; amount: Decimal }[] = [];
    for (const day of out.ResultsByTime) {
      const date = day.TimePeriod?.Start ?? '';
      for (const group of day.Groups ?? []) {
        const keys = group.Keys ?? [];
        if (keys.length !== query.groupBy.length) throw new RefreshError('invalid_response', `Cost Explorer returned a group with ${keys.length} keys for ${query.id}`);
        const service = query.serviceFor(keys);
        if (service === undefined) continue;
        rows.push({ plans: query.plansFor(keys), service, date, amount: amountOf(group.Metrics?.UnblendedCost, `${date} ${keys.join('/')}`) });
      }
    }
    const next = out.NextPageToken || undefined;
    if (next !== undefined && next === token) throw new RefreshError('invalid_response', `Cost Explorer returned the same NextPageToken twice for ${query.id}`);
    for (const row of rows) {
      for (const plan of row.plans) {
        const spend = progress.perPlan.get(plan)!;
        add(spend.byService, row.service, row.amount);
        add(spend.byDay, row.date, row.amount);
      }
    }
    progress.pages += 1;
    progress.token = next;
    progress.done = next === undefined;
  }
  return progress;
}

export interface AwsForecast {
  /** First day the forecast covers (today when asked). */
  readonly start: string;
  readonly mean: Decimal;
  readonly lower: Decimal;
  readonly upper: Decimal;
}

/** AWS's forecast of the rest of the month, with its prediction interval. */
export async function fetchForecast(query: ForecastQuery, period: { Start: string; End: string }, level: number, api: CostExplorerApi, gate: RequestGate): Promise<AwsForecast> {
  const out = await gate('GetCostForecast', (onSent) =>
    api.getCostForecast(
      {
        TimePeriod: period,
        Metric: 'UNBLENDED_COST',
        Granularity: 'MONTHLY',
        PredictionIntervalLevel: level,
        ...(query.filter ? { Filter: query.filter } : {}),
      },
      { onSent },
    ),
  );
  const results = out.ForecastResultsByTime ?? [];
  const mean = amountOf(out.Total, `${query.id} Total`);
  const bound = (key: 'PredictionIntervalLowerBound' | 'PredictionIntervalUpperBound') =>
    results.reduce((s, r) => s.plus(r[key] === undefined ? dec(0) : amountOf({ Amount: r[key] }, `${query.id} ${key}`)), dec(0));
  if (results.length === 0) return { start: period.Start, mean, lower: mean, upper: mean };
  return { start: period.Start, mean, lower: bound('PredictionIntervalLowerBound'), upper: bound('PredictionIntervalUpperBound') };
}
