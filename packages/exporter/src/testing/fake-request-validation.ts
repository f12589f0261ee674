// Rough request validation in the spirit of Cost Explorer's ValidationException, so a client
// that sends a wrong request fails its tests instead of passing against a lenient fake.

export interface CeExpression {
  readonly And?: readonly CeExpression[];
  readonly Or?: readonly CeExpression[];
  readonly Not?: CeExpression;
  readonly Dimensions?: { readonly Key?: string; readonly Values?: readonly string[]; readonly MatchOptions?: readonly string[] };
  readonly Tags?: { readonly Key?: string; readonly Values?: readonly string[]; readonly MatchOptions?: readonly string[] };
}

export interface CeRequest {
  readonly TimePeriod?: { readonly Start?: string; readonly End?: string };
  readonly Granularity?: string;
  readonly Metrics?: readonly string[];
  readonly Metric?: string;
  readonly GroupBy?: readonly { readonly Type?: string; readonly Key?: string }[];
  readonly Filter?: CeExpression;
  readonly NextPageToken?: string;
  readonly PredictionIntervalLevel?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COST_METRICS = ['AmortizedCost', 'BlendedCost', 'NetAmortizedCost', 'NetUnblendedCost', 'NormalizedUsageAmount', 'UnblendedCost', 'UsageQuantity'];
const FORECAST_METRICS = ['AMORTIZED_COST', 'BLENDED_COST', 'NET_AMORTIZED_COST', 'NET_UNBLENDED_COST', 'UNBLENDED_COST'];
const GROUP_DIMENSIONS = ['AZ', 'INSTANCE_TYPE', 'LEGAL_ENTITY_NAME', 'INVOICING_ENTITY', 'LINKED_ACCOUNT', 'OPERATION', 'PLATFORM', 'PURCHASE_TYPE', 'SERVICE', 'TENANCY', 'RECORD_TYPE', 'USAGE_TYPE', 'REGION', 'DATABASE_ENGINE'];

function periodProblem(p: CeRequest['TimePeriod']): string | undefined {
  if (!p || typeof p.Start !== 'string' || typeof p.End !== 'string') return 'TimePeriod with Start and End is required';
  if (!DATE.test(p.Start) || !DATE.test(p.End)) return `TimePeriod dates must be YYYY-MM-DD, got ${p.Start}..${p.End}`;
  if (p.Start >= p.End) return `Start date (${p.Start}) must be before end date (${p.End})`;
  return undefined;
}

function expressionProblem(e: CeExpression | undefined): string | undefined {
  if (e === undefined) return undefined;
  const parts = ['And', 'Or', 'Not', 'Dimensions', 'Tags', 'CostCategories'].filter((k) => (e as Record<string, unknown>)[k] !== undefined);
  if (parts.length !== 1) return `Expression must have exactly one of And, Or, Not, Dimensions, Tags, CostCategories; got ${parts.join(', ') || 'none'}`;
  if (e.And || e.Or) {
    const list = (e.And ?? e.Or)!;
    if (list.length < 2) return 'And/Or needs at least two expressions';
    for (const sub of list) {
      const p = expressionProblem(sub);
      if (p) return p;
    }
  }
  if (e.Not) return expressionProblem(e.Not);
  if (e.Dimensions && (!e.Dimensions.Key || !Array.isArray(e.Dimensions.Values) || e.Dimensions.Values.length === 0)) return 'Dimensions filter needs Key and Values';
  if (e.Tags && !e.Tags.Key) return 'Tags filter needs Key';
  return undefined;
}

export function validateCostAndUsage(r: CeRequest): string | undefined {
  const period = periodProblem(r.TimePeriod);
  if (period) return period;
  if (!['DAILY', 'MONTHLY', 'HOURLY'].includes(r.Granularity ?? '')) return `Granularity must be DAILY, MONTHLY or HOURLY, got ${String(r.Granularity)}`;
  if (!Array.isArray(r.Metrics) || r.Metrics.length === 0) return 'Metrics is required';
  const bad = r.Metrics.find((m) => !COST_METRICS.includes(m));
  if (bad) return `Metrics contains an invalid value: ${bad}`;
  const groups = r.GroupBy ?? [];
  if (groups.length > 2) return 'GroupBy accepts at most two groups';
  for (const g of groups) {
    if (g.Type === 'DIMENSION' && !GROUP_DIMENSIONS.includes(g.Key ?? '')) return `Invalid group by dimension ${String(g.Key)}`;
    if (g.Type === 'TAG' && !g.Key) return 'TAG group needs a Key';
    if (g.Type !== 'DIMENSION' && g.Type !== 'TAG' && g.Type !== 'COST_CATEGORY') return `Invalid group type ${String(g.Type)}`;
  }
  return expressionProblem(r.Filter);
}

export function validateForecast(r: CeRequest, today: string): string | undefined {
  const period = periodProblem(r.TimePeriod);
  if (period) return period;
  if (!FORECAST_METRICS.includes(r.Metric ?? '')) return `Metric must be one of ${FORECAST_METRICS.join(', ')}, got ${String(r.Metric)}`;
  if (r.Granularity !== 'DAILY' && r.Granularity !== 'MONTHLY') return `GetCostForecast supports DAILY and MONTHLY granularity, got ${String(r.Granularity)}`;
  if (r.TimePeriod!.Start! < today) return `Start date must be equal to or later than the current date (${today})`;
  if (r.PredictionIntervalLevel !== undefined && (r.PredictionIntervalLevel < 51 || r.PredictionIntervalLevel > 99)) return 'PredictionIntervalLevel must be between 51 and 99';
  if ((r as { GroupBy?: unknown }).GroupBy !== undefined) return 'GetCostForecast does not accept GroupBy';
  return expressionProblem(r.Filter);
}
