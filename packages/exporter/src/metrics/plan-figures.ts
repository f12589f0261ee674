import { dec, sum, tierLabel, type Decimal } from '@tier-planner/cost-model';
import type { PlanActuals } from '../actuals/plan-actuals.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';

/** The numbers one plan exports at one instant, in exact money; turned into gauges elsewhere. */
export interface PlanFigures {
  readonly info: { plan: string; profile: string; region: string; tier: string; platform: string };
  readonly users: number;
  /** The plan's monthly cost per user. */
  readonly costPerUserUsd: Decimal;
  readonly nodes: readonly { nodeGroup: string; instanceType: string; count: number }[];
  readonly budgetUsd: Decimal;
  readonly forecastByService: ReadonlyMap<string, Decimal>;
  readonly expectedByService: ReadonlyMap<string, Decimal>;
  /** Absent until the source of actuals has this month. */
  readonly actualByService?: ReadonlyMap<string, Decimal>;
  /** actual ÷ expected, whole plan; absent without actuals, too early in the month, or while expected is zero. */
  readonly varianceRatio?: Decimal;
  /** actual ÷ expected per service, when the whole-plan ratio is served; a service expected to cost nothing has none. */
  readonly varianceRatioByService?: ReadonlyMap<string, Decimal>;
  readonly awsMonthEnd?: { mean: Decimal; lower: Decimal; upper: Decimal };
  readonly lastSuccessAt?: number;
  readonly failing: boolean;
  readonly incomplete: boolean;
}

export interface ExpectedSoFar {
  /** Expected month-to-date cost per service (see expectedToDate). */
  readonly byService: ReadonlyMap<string, Decimal>;
  /** Enough of the month has gone for actual ÷ expected to mean something. */
  readonly varianceAllowed: boolean;
}

export function planFigures(p: LoadedPlan, actuals: PlanActuals, expected: ExpectedSoFar): PlanFigures {
  const forecastByService = p.plan.monthly.byService;
  // Every service of the current plan has an expected series, even one a replaced plan lacked.
  const expectedByService = new Map([...forecastByService.keys()].map((s) => [s, dec(0)]));
  for (const [s, v] of expected.byService) expectedByService.set(s, v);
  let actualByService: Map<string, Decimal> | undefined;
  let varianceRatio: Decimal | undefined;
  let varianceRatioByService: Map<string, Decimal> | undefined;
  let awsMonthEnd: PlanFigures['awsMonthEnd'];
  if (actuals.spend) {
    // Services the plan has but AWS billed nothing for are an actual of zero, not missing.
    actualByService = new Map([...forecastByService.keys()].map((s) => [s, dec(0)]));
    for (const [s, v] of actuals.spend.byService) actualByService.set(s, (actualByService.get(s) ?? dec(0)).plus(v));
    const total = sum(expectedByService.values());
    if (expected.varianceAllowed && !total.isZero()) {
      varianceRatio = sum(actualByService.values()).div(total);
      // Which service the gap is in: the first thing explain-variance asks.
      varianceRatioByService = new Map();
      for (const [s, e] of expectedByService) if (e.gt(0)) varianceRatioByService.set(s, (actualByService.get(s) ?? dec(0)).div(e));
    }
  }
  if (actuals.forecast) {
    // GetCostForecast covers today onwards; add what was billed on the days before it.
    const start = actuals.forecast.start;
    const before = sum([...(actuals.spend?.byDay ?? new Map<string, Decimal>())].filter(([day]) => day < start).map(([, v]) => v));
    awsMonthEnd = { mean: before.plus(actuals.forecast.mean), lower: before.plus(actuals.forecast.lower), upper: before.plus(actuals.forecast.upper) };
  }
  return {
    info: { plan: p.name, profile: p.plan.profile.name, region: p.plan.region, tier: tierLabel(p.plan.users), platform: p.plan.profile.platform },
    users: p.plan.users,
    costPerUserUsd: p.plan.costPerUser,
    nodes: p.plan.nodes.map((n) => ({ nodeGroup: n.name, instanceType: n.instanceType, count: n.desired })),
    budgetUsd: p.budgetUsd,
    forecastByService,
    expectedByService,
    ...(actualByService ? { actualByService } : {}),
    ...(varianceRatio ? { varianceRatio } : {}),
    ...(varianceRatioByService ? { varianceRatioByService } : {}),
    ...(awsMonthEnd ? { awsMonthEnd } : {}),
    ...(actuals.lastSuccessAt !== undefined ? { lastSuccessAt: actuals.lastSuccessAt } : {}),
    failing: actuals.failing,
    incomplete: actuals.incomplete,
  };
}
