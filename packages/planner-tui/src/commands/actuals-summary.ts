import { athenaQueryCostUsd, CHARGE_KINDS, type ChargeKind, type CostBasis, type MonthSpend } from '@tier-planner/aws-billing';
import { sum, ZERO, type Decimal, type Plan } from '@tier-planner/cost-model';

/** Both costs of a group of bill lines. */
export interface Costs {
  readonly unblended: Decimal;
  readonly amortized: Decimal;
}

export interface TagShare extends Costs {
  /** null: lines without the plan tag. */
  readonly tagValue: string | null;
  /** Share of the month's total on the chosen basis, 0..1; absent when the total is zero. */
  readonly share?: Decimal;
}

export interface ServiceComparison {
  readonly service: string;
  readonly actual: Decimal;
  readonly expected: Decimal;
  /** actual ÷ expected; absent when the plan expects nothing of the service. */
  readonly varianceRatio?: Decimal;
}

export interface PlanComparison {
  readonly tagValue: string;
  readonly basis: CostBasis;
  /** Hours from the month's start to the end of the last day with data. */
  readonly hoursElapsed: number;
  readonly hoursPerMonth: number;
  readonly services: readonly ServiceComparison[];
  readonly actual: Decimal;
  readonly expected: Decimal;
  readonly varianceRatio?: Decimal;
}

export interface ActualsSummary {
  readonly month: string;
  readonly format: MonthSpend['format'];
  readonly engine: MonthSpend['engine'];
  readonly total: Costs;
  readonly byService: ReadonlyMap<string, Costs>;
  readonly byCharge: ReadonlyMap<ChargeKind, Costs>;
  readonly byTag: readonly TagShare[];
  /** First and last UTC day with a bill line, and how many days have one. */
  readonly days: { readonly first: string; readonly last: string; readonly count: number };
  readonly plan?: PlanComparison;
  readonly bytesScanned?: number;
  readonly queryId?: string;
}

const NONE: Costs = { unblended: ZERO, amortized: ZERO };
const add = (a: Costs, b: Costs): Costs => ({ unblended: a.unblended.plus(b.unblended), amortized: a.amortized.plus(b.amortized) });

function group<K>(lines: MonthSpend['lines'], key: (l: MonthSpend['lines'][number]) => K, order?: readonly K[]): Map<K, Costs> {
  const out = new Map<K, Costs>((order ?? []).map((k) => [k, NONE]));
  for (const l of lines) out.set(key(l), add(out.get(key(l)) ?? NONE, l));
  return out;
}

/**
 * What the plan expects by the end of `lastDay`: its monthly cost pro-rated by the hours gone
 * since the month began over the plan's hours per month (the exporter's expected-to-date, with
 * the last day in the data as "now", so no clock is read).
 */
export function expectedToDay(plan: Plan, lastDay: string): { byService: Map<string, Decimal>; hoursElapsed: number } {
  const hoursElapsed = Number(lastDay.slice(8, 10)) * 24;
  const byService = new Map([...plan.monthly.byService].map(([s, monthly]) => [s, monthly.times(hoursElapsed).div(plan.hoursPerMonth)]));
  return { byService, hoursElapsed };
}

/** actual ÷ expected, as the exporter serves it: none while expected is zero. */
const ratio = (actual: Decimal, expected: Decimal) => (expected.gt(0) ? { varianceRatio: actual.div(expected) } : {});

export function summariseActuals(spend: MonthSpend, basis: CostBasis, plan?: { plan: Plan; tagValue: string }): ActualsSummary {
  const lines = spend.lines;
  const total = lines.reduce<Costs>(add, NONE);
  const days = [...new Set(lines.map((l) => l.day))].sort();
  const byTagMap = group(lines, (l) => l.tagValue);
  const totalOnBasis = total[basis];
  const byTag = [...byTagMap]
    .map(([tagValue, c]) => ({ tagValue, ...c, ...(totalOnBasis.isZero() ? {} : { share: c[basis].div(totalOnBasis) }) }))
    .sort((a, b) => (a.tagValue === null ? 1 : b.tagValue === null ? -1 : a.tagValue < b.tagValue ? -1 : 1));
  return {
    month: spend.month,
    format: spend.format,
    engine: spend.engine,
    total,
    byService: new Map([...group(lines, (l) => l.service)].sort(([a], [b]) => (a < b ? -1 : 1))),
    byCharge: group(lines, (l) => l.charge, CHARGE_KINDS),
    byTag,
    days: { first: days[0]!, last: days.at(-1)!, count: days.length },
    ...(plan ? { plan: comparePlan(spend, basis, plan.plan, plan.tagValue, days.at(-1)!) } : {}),
    ...(spend.bytesScanned !== undefined ? { bytesScanned: spend.bytesScanned } : {}),
    ...(spend.queryId !== undefined ? { queryId: spend.queryId } : {}),
  };
}

function comparePlan(spend: MonthSpend, basis: CostBasis, plan: Plan, tagValue: string, lastDay: string): PlanComparison {
  const expected = expectedToDay(plan, lastDay);
  const actual = new Map<string, Decimal>();
  for (const l of spend.lines) if (l.tagValue === tagValue) actual.set(l.service, (actual.get(l.service) ?? ZERO).plus(l[basis]));
  // Plan services first (plan order), then what only the bill has; a service billed nothing is an actual of zero.
  const services = [...expected.byService.keys(), ...[...actual.keys()].filter((s) => !expected.byService.has(s)).sort()].map((service) => {
    const a = actual.get(service) ?? ZERO;
    const e = expected.byService.get(service) ?? ZERO;
    return { service, actual: a, expected: e, ...ratio(a, e) };
  });
  const actualTotal = sum(services.map((s) => s.actual));
  const expectedTotal = sum(services.map((s) => s.expected));
  return { tagValue, basis, hoursElapsed: expected.hoursElapsed, hoursPerMonth: plan.hoursPerMonth, services, actual: actualTotal, expected: expectedTotal, ...ratio(actualTotal, expectedTotal) };
}

/** The summary as one JSON document: amounts as exact decimal strings. */
export function actualsJson(s: ActualsSummary): unknown {
  const costs = (c: Costs) => ({ unblendedUsd: c.unblended.toString(), amortizedUsd: c.amortized.toString() });
  return {
    kind: 'tier-planner-actuals',
    month: s.month,
    format: s.format,
    engine: s.engine,
    days: s.days,
    total: costs(s.total),
    byService: Object.fromEntries([...s.byService].map(([k, c]) => [k, costs(c)])),
    byCharge: Object.fromEntries([...s.byCharge].map(([k, c]) => [k, costs(c)])),
    byTag: s.byTag.map((t) => ({ tagValue: t.tagValue, ...costs(t), ...(t.share ? { share: t.share.toString() } : {}) })),
    ...(s.plan
      ? {
          plan: {
            tagValue: s.plan.tagValue,
            basis: s.plan.basis,
            hoursElapsed: s.plan.hoursElapsed,
            hoursPerMonth: s.plan.hoursPerMonth,
            actualUsd: s.plan.actual.toString(),
            expectedUsd: s.plan.expected.toString(),
            ...(s.plan.varianceRatio ? { varianceRatio: s.plan.varianceRatio.toString() } : {}),
            services: s.plan.services.map((x) => ({ service: x.service, actualUsd: x.actual.toString(), expectedUsd: x.expected.toString(), ...(x.varianceRatio ? { varianceRatio: x.varianceRatio.toString() } : {}) })),
          },
        }
      : {}),
    ...(s.bytesScanned !== undefined ? { bytesScanned: s.bytesScanned } : {}),
    // What Athena bills for the query (its minimum per query included), at the price cited in docs/athena.md.
    ...(s.bytesScanned !== undefined && s.engine === 'athena' ? { athenaQueryCostUsd: athenaQueryCostUsd(s.bytesScanned).toString() } : {}),
    ...(s.queryId !== undefined ? { queryId: s.queryId } : {}),
  };
}
