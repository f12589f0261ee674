import { dec, type Decimal } from '@tier-planner/cost-model';
import type { CostExplorerApi } from './cost-explorer-api.js';
import { RefreshError } from './refresh-error.js';
import type { ForecastQuery, SpendQuery } from './spend-queries.js';

/** Takes a request-budget slot (or throws budget_exhausted) and counts the request; one per page. */
export type RequestGate = (operation: 'GetCostAndUsage' | 'GetCostForecast') => void;

/** Month-to-date spend of one plan from one query. */
export interface PlanSpend {
  readonly byService: Map<string, Decimal>;
  /** Per UTC day (YYYY-MM-DD), to add AWS's forecast of the rest of the month to the days before it. */
  readonly byDay: Map<string, Decimal>;
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

/** Runs one GetCostAndUsage to its last page and sums it per plan, service and day. */
export async function fetchSpend(query: SpendQuery, period: { Start: string; End: string }, api: CostExplorerApi, gate: RequestGate): Promise<{ perPlan: Map<string, PlanSpend>; pages: number }> {
  const perPlan = new Map<string, PlanSpend>(query.plans.map((p) => [p, { byService: new Map(), byDay: new Map() }]));
  let token: string | undefined;
  let pages = 0;
  do {
    if (pages >= MAX_PAGES) throw new RefreshError('invalid_response', `Cost Explorer kept paging past ${MAX_PAGES} pages for ${query.id}`);
    gate('GetCostAndUsage');
    const out = await api.getCostAndUsage({
      TimePeriod: period,
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: query.groupBy,
      ...(query.filter ? { Filter: query.filter } : {}),
      ...(token ? { NextPageToken: token } : {}),
    });
    pages += 1;
    if (!Array.isArray(out.ResultsByTime)) throw new RefreshError('invalid_response', `Cost Explorer answered ${query.id} without ResultsByTime`);
    for (const day of out.ResultsByTime) {
      const date = day.TimePeriod?.Start ?? '';
      for (const group of day.Groups ?? []) {
        const keys = group.Keys ?? [];
        if (keys.length !== query.groupBy.length) throw new RefreshError('invalid_response', `Cost Explorer returned a group with ${keys.length} keys for ${query.id}`);
        const service = query.serviceFor(keys);
        if (service === undefined) continue;
        const amount = amountOf(group.Metrics?.UnblendedCost, `${date} ${keys.join('/')}`);
        for (const plan of query.plansFor(keys)) {
          const spend = perPlan.get(plan)!;
          add(spend.byService, service, amount);
          add(spend.byDay, date, amount);
        }
      }
    }
    const next = out.NextPageToken || undefined;
    if (next !== undefined && next === token) throw new RefreshError('invalid_response', `Cost Explorer returned the same NextPageToken twice for ${query.id}`);
    token = next;
  } while (token);
  return { perPlan, pages };
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
  gate('GetCostForecast');
  const out = await api.getCostForecast({
    TimePeriod: period,
    Metric: 'UNBLENDED_COST',
    Granularity: 'MONTHLY',
    PredictionIntervalLevel: level,
    ...(query.filter ? { Filter: query.filter } : {}),
  });
  const results = out.ForecastResultsByTime ?? [];
  const mean = amountOf(out.Total, `${query.id} Total`);
  const bound = (key: 'PredictionIntervalLowerBound' | 'PredictionIntervalUpperBound') =>
    results.reduce((s, r) => s.plus(r[key] === undefined ? dec(0) : amountOf({ Amount: r[key] }, `${query.id} ${key}`)), dec(0));
  if (results.length === 0) return { start: period.Start, mean, lower: mean, upper: mean };
  return { start: period.Start, mean, lower: bound('PredictionIntervalLowerBound'), upper: bound('PredictionIntervalUpperBound') };
}
