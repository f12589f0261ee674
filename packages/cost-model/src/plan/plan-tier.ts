import type { BomResource } from '../bom/bill-of-materials.js';
import { bomToDrafts } from '../bom/price-resources.js';
import { ELASTICSEARCH_ASSUMPTIONS, PROMETHEUS_ASSUMPTIONS } from '../capacity/add-on-sizing.js';
import { PlanningError, type CapacityPlan, type LadderStep } from '../capacity/capacity-types.js';
import { planCapacity } from '../capacity/plan-capacity.js';
import { rdsAssumptions } from '../capacity/rds-assumptions.js';
import { planCi } from '../ci/plan-ci.js';
import { DEFAULT_HOURS_PER_MONTH, daysPerMonth } from '../cost/calendar.js';
import type { Ec2Purchase, LineItem } from '../cost/line-item.js';
import { sum, type Decimal } from '../cost/money.js';
import { priceLineItems } from '../cost/price-line-items.js';
import { applyPriceAdjustments, checkPriceAdjustments, hasAdjustments, summarizeAdjustments, type PriceAdjustments } from '../cost/price-adjustments.js';
import { applyPurchase } from '../purchase/apply-purchase.js';
import { commitmentSummary } from '../purchase/commitment-summary.js';
import { purchaseLabel, resolvePurchase } from '../purchase/purchase-choice.js';
import { pricedTotal, rollUp } from '../cost/roll-up.js';
import { perUser } from '../cost/per-user.js';
import type { PriceBook } from '../pricing/price-book.js';
import { getProfile } from '../profiles/index.js';
import { partsProblems } from '../profiles/parse-profile.js';
import type { Profile } from '../profiles/profile-types.js';
import { planStorage } from '../storage/plan-storage.js';
import type { StoragePlan } from '../storage/storage-types.js';
import { resolveWorkload, type Assumption, type ResolvedWorkload } from '../workload/assumptions.js';
import { resolveDailyShape } from '../workload/daily-shape.js';
import { deriveDemand } from '../workload/derive-demand.js';
import { floorAndBurst } from './floor-and-burst.js';
import { withArchitecture } from './architecture.js';
import { assembleBom } from './assemble-bom.js';
import { planDateOf, planKubernetes } from './kubernetes-version.js';
import { PLAN_DEFAULTS, planAssumption, type PlanDefaultKey } from './plan-assumptions.js';
import type { Plan, PlanOptions, PlanRequest } from './plan-types.js';
import { applyParts, resolveParts } from './optional-parts.js';
import { planEnvironments, withSupport } from './plan-environments.js';
import { planHeadline } from './headline.js';
import { planResilience } from './resilience.js';
import { estimateUncertainty } from './uncertainty.js';
import { lineItemMemo, type LineItemMemo } from './line-item-memo.js';
import { numberText } from '../number-text.js';

export const MAX_USERS = 10_000_000_000;

/** The plan and priced cost of serving `users` with a profile, from one price book. Pure: no I/O. */
export function planTier(request: PlanRequest, book: PriceBook, options: PlanOptions = {}): Plan {
  const { profile, warnings: archWarnings } = resolveProfileWithWarnings(request.profile, options, book);
  if (hasAdjustments(options.priceAdjustments)) checkPriceAdjustments(options.priceAdjustments, book);
  const { values, assumptions } = resolveWorkload(profile.workload, options.workload);
  const eks = eksVersion(profile, book, options);
  checkUsers(request.users);
  const parts = resolveParts(profile, options.parts);
  const problems = partsProblems(parts, 'parts');
  if (problems.length) throw new PlanningError('BAD_INPUT', problems.join('; '));
  const env = planEnvironments(request.users, parts, options, (users, envOptions) => planWithWorkload(users, profile, values, assumptions, book, envOptions, eks, undefined));
  const production = planWithWorkload(request.users, profile, values, assumptions, book, options, eks, env.awsCharges);
  const plan = env.attach(archWarnings.length ? { ...production, warnings: [...archWarnings, ...production.warnings] } : production);
  if (!options.samples) return plan;
  const memo = lineItemMemo();
  const uncertainty = estimateUncertainty(profile, options, plan, (w) => pricedStages(request.users, profile, w, book, options, eks, env.awsCharges, { withoutReasons: true, memo }).step.total);
  return { ...plan, uncertainty, headline: planHeadline(plan.monthly, uncertainty) };
}

type EksVersion = ReturnType<typeof planKubernetes>;

/** Per book, by date, month and the version asked for: a search or a run of samples asks hundreds of times. */
const eksVersions = new WeakMap<PriceBook, Map<string, EksVersion>>();

/** EKS only: the version and support tier on the plan's date (one calendar lookup per book and date). */
function eksVersion(profile: Profile, book: PriceBook, options: PlanOptions): EksVersion {
  const planDate = planDateOf(book, options.planDate);
  if (profile.platform !== 'eks') return { warnings: [] };
  const requested =
    options.kubernetesVersion !== undefined ? { version: options.kubernetesVersion, why: 'set by the caller' }
    : profile.kubernetesVersion !== undefined ? { version: profile.kubernetesVersion, why: 'set by the profile' }
    : undefined;
  const hours = options.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
  let byKey = eksVersions.get(book);
  if (!byKey) eksVersions.set(book, (byKey = new Map()));
  const key = `${planDate}|${hours}|${requested ? `${requested.why}|${requested.version}` : '-'}`;
  let found = byKey.get(key);
  if (!found) {
    if (byKey.size >= 64) byKey.clear();
    byKey.set(key, (found = planKubernetes(book, planDate, hours, requested)));
  }
  return found;
}

/** How the chooser compares a vCPU of one family with another's: equal unless the profile gives factors. */
function throughputAssumption(profile: Profile): Assumption {
  const factors = Object.entries(profile.nodes?.throughputFactors ?? {});
  const why = factors.length === 0
    ? 'equal throughput per vCPU across families (tier-planner assumption): a vCPU of any generation or architecture serves the requests rpsPerReplica was measured on'
    : `throughput per vCPU against the reference family, from the profile: ${factors.map(([f, x]) => `${f} × ${x}`).join(', ')}; every other family 1 (tier-planner assumption)`;
  return { name: 'throughputPerVcpu', value: 1, unit: 'ratio', why, defaulted: factors.length === 0 };
}

export function resolveProfile(profile: Profile | string, options: PlanOptions = {}, book?: PriceBook): Profile {
  return resolveProfileWithWarnings(profile, options, book).profile;
}

/** The profile with the caller's families and architecture applied, and what the architecture could not restrict. */
function resolveProfileWithWarnings(profile: Profile | string, options: PlanOptions, book: PriceBook | undefined): { profile: Profile; warnings: string[] } {
  const base = typeof profile === 'string' ? getProfile(profile) : profile;
  const withFamilies = options.families ? { ...base, nodes: { ...base.nodes, families: options.families } } : base;
  // Without a book (a caller resolving a profile alone) the architecture waits for planTier.
  return book ? withArchitecture(withFamilies, options.architecture, book) : { profile: withFamilies, warnings: [] };
}

export function checkUsers(users: number): void {
  if (!Number.isInteger(users) || users < 1 || users > MAX_USERS) {
    throw new PlanningError('BAD_INPUT', `users must be a whole number from 1 to ${numberText(MAX_USERS)}, got ${String(users)}`);
  }
}

/** Σ line items of the node groups and their root volumes: what a node type change moves. */
function nodeGroupMonthly(lineItems: readonly LineItem[], capacity: CapacityPlan, storage: StoragePlan): Decimal {
  const resources = new Set(capacity.nodeGroups.map((g) => `node group ${g.name}`));
  if (storage.nodeRootVolumes) resources.add(storage.nodeRootVolumes.name);
  return sum(lineItems.filter((i) => resources.has(i.resource) && i.monthly).map((i) => i.monthly!));
}

/** The ladder's type-change margin: a share of the monthly cost, 0 (always the cheapest) to 1. */
export function typeChangeMargin(options: PlanOptions): number {
  const m = options.typeChangeMargin ?? PLAN_DEFAULTS.typeChangeMargin.value;
  if (!(Number.isFinite(m) && m >= 0 && m <= 1)) {
    throw new PlanningError('BAD_INPUT', `typeChangeMargin must be from 0 to 1 (a share of the monthly cost), got ${String(m)}`);
  }
  return m;
}

function checkHours(hours: number): void {
  if (!(Number.isFinite(hours) && hours >= 1 && hours <= 744)) {
    throw new PlanningError('BAD_INPUT', `hours per month must be from 1 to 744, got ${String(hours)}`);
  }
}

/** The ladder step the options ask for: the previous tier's context and the type-change margin. */
function ladderStep(options: PlanOptions): LadderStep | undefined {
  return options.ladderContext ? { context: options.ladderContext, typeChangeMargin: typeChangeMargin(options) } : undefined;
}

/** Everything before pricing: the month, the purchase, HA, demand, and the capacity plan for a ladder step. */
function capacityStage(users: number, profile: Profile, workload: ResolvedWorkload, book: PriceBook, options: PlanOptions) {
  checkUsers(users);
  const hoursPerMonth = options.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
  checkHours(hoursPerMonth);
  const days = daysPerMonth(hoursPerMonth);
  const purchase = options.purchase ?? 'on-demand';
  const adjustments = hasAdjustments(options.priceAdjustments) ? options.priceAdjustments : undefined;
  const choice = resolvePurchase(purchase, options.purchaseTerms);
  const commit = options.commit ?? 'all';
  if (commit !== 'all' && commit !== 'floor') throw new PlanningError('BAD_INPUT', `commit must be all or floor, got ${String(commit)}`);
  // A commitment on the floor leaves the burst on-demand, or on Spot when the services tolerate interruption.
  const committed = choice.kind === 'reserved' || choice.kind === 'savings-plan';
  const burstPurchase: Ec2Purchase | undefined = commit === 'floor' && committed ? (profile.toleratesInterruption ? 'spot' : 'on-demand') : undefined;
  const ha = options.ha ?? users >= profile.ha.fromUsers;
  const azs = ha ? profile.ha.azs : 1;
  const targetUtilization = profile.targetUtilization ?? PLAN_DEFAULTS.hpaTargetUtilization.value;

  const shape = resolveDailyShape(profile.workload.dailyShape, workload.peakToAverage);
  const demand = deriveDemand(users, workload, days, shape.levels);
  const capacityAt = (ladder: LadderStep | undefined, withoutReasons = false): CapacityPlan =>
    planCapacity({ demand, profile, book, ha, azs, targetUtilization, hoursPerMonth, ...(ladder ? { ladder } : {}), ...(withoutReasons ? { withoutReasons } : {}), ...(choice.kind !== 'on-demand' ? { purchase: choice } : {}), ...(burstPurchase ? { burstPurchase: resolvePurchase(burstPurchase) } : {}) });
  return { hoursPerMonth, days, purchase, adjustments, choice, commit, burstPurchase, ha, azs, targetUtilization, shape, demand, capacityAt };
}

/** The production plan's capacity at a ladder step, planned without reasons (a breakpoint probe's). */
export interface ProbedCapacity {
  readonly ha: boolean;
  readonly azs: number;
  readonly capacity: CapacityPlan;
  /**
   * True when pricing cannot change the capacity: planTier decides a kept or left type again with
   * the rest of the plan added to the margin's base, and that rest is never negative (no line item
   * is), so a type kept against the node group alone stays kept, and when no sizing pass switched,
   * every pass and the capacity stay the same. False for a switch, which the larger base may turn
   * into a keep: settleCapacity decides it again.
   */
  readonly settled: boolean;
}

/**
 * The production plan's capacity at `users`, without pricing it. Options must be ones planTier has
 * accepted for the same profile.
 */
export function probeCapacity(users: number, profileOrName: Profile | string, book: PriceBook, options: PlanOptions): ProbedCapacity {
  const { profile } = resolveProfileWithWarnings(profileOrName, options, book);
  const { values } = resolveWorkload(profile.workload, options.workload);
  checkUsers(users);
  const { ha, azs, capacityAt } = capacityStage(users, profile, values, book, options);
  const capacity = capacityAt(ladderStep(options), true);
  return { ha, azs, capacity, settled: capacity.ladderDecision !== 'switched' && !capacity.ladderSwitchedInAPass };
}

/**
 * An unsettled probe decided as planTier decides it: the probe priced, and the ladder step planned
 * again with the rest of the plan as the margin's base. That final capacity is not priced (a search
 * prices few of its probes); `total` is there when the first decision stood and so was priced.
 */
export function settleCapacity(users: number, profileOrName: Profile | string, book: PriceBook, options: PlanOptions, probed: ProbedCapacity, memo?: LineItemMemo): ProbedCapacity & { readonly total?: Decimal } {
  const { stage, step, decided } = pricedStagesOf(users, profileOrName, book, options, { probed, memo, decisionUnpriced: true });
  if (decided) return { ha: stage.ha, azs: stage.azs, capacity: decided, settled: true };
  return { ha: stage.ha, azs: stage.azs, capacity: step.capacity, settled: true, total: step.total };
}

/**
 * The production plan's total and capacity, priced as planTier prices them (other environments
 * and the ladder's second decision included) but without the plan around them: no why texts,
 * assumptions, warnings or resilience. Options must be ones planTier has accepted for the profile.
 */
export function pricedCapacity(
  users: number,
  profileOrName: Profile | string,
  book: PriceBook,
  options: PlanOptions,
  /** What probeCapacity or settleCapacity gave for the same users and options: that capacity is not planned again. */
  probed?: ProbedCapacity,
  /** Shared by a run of totals with the same options (a breakpoint search): resources priced before are taken again. */
  memo?: LineItemMemo,
): { readonly ha: boolean; readonly azs: number; readonly capacity: CapacityPlan; readonly total: Decimal } {
  const { stage, step } = pricedStagesOf(users, profileOrName, book, options, { probed, memo });
  return { ha: stage.ha, azs: stage.azs, capacity: step.capacity, total: step.total };
}

/** pricedStages for a production plan without reasons, with its other environments' charges. */
function pricedStagesOf(users: number, profileOrName: Profile | string, book: PriceBook, options: PlanOptions, run: Omit<StagesRun, 'withoutReasons'>) {
  const { profile } = resolveProfileWithWarnings(profileOrName, options, book);
  const { values, assumptions } = resolveWorkload(profile.workload, options.workload);
  const eks = eksVersion(profile, book, options);
  checkUsers(users);
  const env = planEnvironments(users, resolveParts(profile, options.parts), options, (u, envOptions) => planWithWorkload(u, profile, values, assumptions, book, envOptions, eks, undefined));
  return pricedStages(users, profile, values, book, options, eks, env.awsCharges, { ...run, withoutReasons: true });
}

/** How pricedStages runs beyond the plan's inputs. */
interface StagesRun {
  /** For a total alone (a sample, a probe): node groups without their why, which no price reads. */
  readonly withoutReasons?: boolean;
  /** For a run of totals with the same options (samples, a breakpoint search): resources priced before are not priced again. */
  readonly memo?: LineItemMemo | undefined;
  /** The capacity stage's outcome at this ladder step, planned without reasons: not planned again. */
  readonly probed?: ProbedCapacity | undefined;
  /** Stop at the ladder's second decision: its capacity is returned as `decided`, not priced. */
  readonly decisionUnpriced?: boolean;
}

/**
 * The priced plan's stages for a workload: capacity, storage, the BOM and its line items, with the
 * ladder's second decision when it kept or left a type. Uncertainty samples need no more than its total.
 */
function pricedStages(
  users: number,
  profile: Profile,
  workload: ResolvedWorkload,
  book: PriceBook,
  options: PlanOptions,
  eks: EksVersion,
  /** Other environments' AWS charges in the same account: AWS Support is a share of the account's bill. */
  otherAwsCharges: Decimal | undefined,
  run: StagesRun = {},
) {
  const { withoutReasons = false, memo, probed } = run;
  const stage = capacityStage(users, profile, workload, book, options);
  const { hoursPerMonth, days, purchase, adjustments, choice, commit, burstPurchase, ha, azs, demand, capacityAt } = stage;
  const purchaseContext = { choice, commit, burstOnSpot: profile.toleratesInterruption ?? false, book };
  const listLines = (resources: readonly BomResource[]) => {
    const drafts = bomToDrafts(resources, hoursPerMonth, book);
    return { drafts, purchased: applyPurchase(drafts, priceLineItems(drafts, book), purchaseContext) };
  };
  const priced = (ladder: LadderStep | undefined, known?: CapacityPlan) => {
    const capacity = known ?? capacityAt(ladder, withoutReasons);
    const storage = planStorage({ demand, capacity, profile, daysPerMonth: days, hoursPerMonth, ha, objectMiBPerUser: workload.objectMiBPerUser });
    const ci = planCi(profile.ci);
    const base = assembleBom({ profile, demand, capacity, storage, ci, ha, azs, purchase, ...(options.purchaseTerms ? { purchaseTerms: options.purchaseTerms } : {}), ...(burstPurchase ? { burstPurchase } : {}), hoursPerMonth, daysPerMonth: days, ...(eks.kubernetes ? { eksSupport: eks.kubernetes.support } : {}) });
    const parts = applyParts(base, { parts: resolveParts(profile, options.parts), demand, storage, azs, daysPerMonth: days, book, hasLoadBalancer: profile.network.loadBalancer === 'alb' });
    let listed: readonly LineItem[];
    let commitment: ReturnType<typeof commitmentSummary> | undefined;
    // A total alone needs no commitment summary; it is a summary of the same lines.
    if (memo) listed = memo.lineItems(parts.resources, (resources) => adjusted(listLines(resources).purchased, adjustments));
    else {
      const { drafts, purchased } = listLines(parts.resources);
      commitment = commit === 'floor' ? commitmentSummary(drafts, purchased, choice, commit, hoursPerMonth, book) : undefined;
      listed = adjusted(purchased, adjustments);
    }
    // Support is a share of the charges after discounts; its own line then takes the EDP.
    const supported = withSupport(parts.plan.support, parts.resources, listed, otherAwsCharges, hoursPerMonth, book);
    const resources = supported.resources;
    const lineItems = adjusted(supported.lineItems, adjustments);
    return { capacity, storage, ci, parts, resources, lineItems, commitment, total: pricedTotal(lineItems) };
  };
  const ladder = ladderStep(options);
  let step = priced(ladder, withoutReasons ? probed?.capacity : undefined);
  // A ladder step that kept or left a type decides again with the margin as a share of the whole
  // plan: the rest of the plan does not depend on the node type, so one priced plan gives it.
  // Without reasons (no why reads the base), a type kept when no sizing pass switched is planned the
  // same again (ProbedCapacity.settled says why), so the step stands; so does a settled probe.
  const { ladderDecision: decision, ladderSwitchedInAPass: switchedInAPass } = step.capacity;
  const decidesAgain = decision === 'switched' || (decision === 'kept' && (!withoutReasons || switchedInAPass === true));
  if (ladder && decidesAgain && !(withoutReasons && probed?.settled)) {
    const again: LadderStep = { ...ladder, otherMonthlyUsd: step.total.minus(nodeGroupMonthly(step.lineItems, step.capacity, step.storage)).toNumber() };
    if (run.decisionUnpriced) return { stage, ladder, step, decided: capacityAt(again, withoutReasons) };
    step = priced(again);
  }
  return { stage, ladder, step, decided: undefined };
}

function planWithWorkload(
  users: number,
  profile: Profile,
  workload: ResolvedWorkload,
  workloadAssumptions: readonly Assumption[],
  book: PriceBook,
  options: PlanOptions,
  eks: EksVersion,
  /** Other environments' AWS charges in the same account: AWS Support is a share of the account's bill. */
  otherAwsCharges: Decimal | undefined,
): Plan {
  const { stage, ladder, step } = pricedStages(users, profile, workload, book, options, eks, otherAwsCharges);
  const { hoursPerMonth, purchase, adjustments, choice, ha, azs, targetUtilization, shape, demand } = stage;
  const { capacity, storage, ci, parts, resources, lineItems, commitment } = step;
  const monthly = rollUp(lineItems);
  const resilience = planResilience({ ha, azs, profile, capacity, lineItems, ...(storage.nodeRootVolumes ? { rootVolumesName: storage.nodeRootVolumes.name } : {}) });

  const nodesChosen = profile.platform !== 'ecs-fargate';
  const used: PlanDefaultKey[] = [...(nodesChosen ? (['systemPodCpuShare'] as const) : []), ...(profile.platform === 'eks' ? (['privateSubnetPrefix'] as const) : []), 'rootVolumeGb', 'imageGb', 'databaseHeadroom', 'objectAgeSpanDays', 's3GetsPerRequest', 'natShareOfEgress', 'interAzShareOfEgress', 'requestsPerConnection', 'dnsQueriesPerActiveUserPerDay', 'accountFreeDataTransferGb'];
  const assumptions: Assumption[] = [
    ...workloadAssumptions,
    { name: 'hpaTargetUtilization', value: targetUtilization, unit: 'ratio', why: PLAN_DEFAULTS.hpaTargetUtilization.why, defaulted: profile.targetUtilization === undefined },
    { name: 'dailyPeakHours', value: shape.peakHours, unit: 'hours', why: shape.why, defaulted: shape.defaulted },
    { name: 'dailyTroughRatio', value: shape.troughShare, unit: 'ratio', why: 'the quietest hour against the peak hour; replicas, nodes and Fargate tasks scale down to it', defaulted: shape.defaulted },
    ...used.map((k) => planAssumption(k)),
    ...parts.assumptions,
    ...(profile.rds ? rdsAssumptions(profile.rds, profile.why) : []),
    ...(nodesChosen ? [throughputAssumption(profile)] : []),
    ...(ladder ? [planAssumption('typeChangeMargin', ladder.typeChangeMargin)] : []),
    { name: 'hoursPerMonth', value: hoursPerMonth, unit: 'hours', why: 'billing month: 730 h (8,760 h / 12) as AWS and most cost tools use', defaulted: options.hoursPerMonth === undefined },
    { name: 'ha', value: ha ? 1 : 0, unit: 'flag', why: options.ha !== undefined ? 'set by the caller' : `HA from ${numberText(profile.ha.fromUsers)} users on (profile)`, defaulted: options.ha === undefined },
    ...(capacity.addOns?.prometheus ? PROMETHEUS_ASSUMPTIONS : []),
    ...(capacity.addOns?.elasticsearch ? ELASTICSEARCH_ASSUMPTIONS : []),
    ...(adjustments ? [ADJUSTMENT_ORDER] : []),
  ];
  const warnings = [...capacity.warnings, ...eks.warnings, ...(shape.warning ? [shape.warning] : [])];
  if (!monthly.complete) warnings.push(`${monthly.unpriced.length} line item(s) have no price in this book and are left out of the total`);
  for (const item of lineItems) if (item.provenance?.approximate) warnings.push(`${item.component}: the price is approximate (${item.provenance.title})`);
  const priceAdjustments = adjustments ? summarizeAdjustments(lineItems, adjustments) : undefined;
  for (const key of priceAdjustments?.unusedOverrides ?? []) warnings.push(`price override ${key} matches no line item of this plan`);

  return {
    users,
    profile: { name: profile.name, title: profile.title, platform: profile.platform },
    region: book.region,
    hoursPerMonth,
    purchase,
    purchaseOption: purchaseLabel(choice),
    ...(commitment ? { commitment } : {}),
    ha,
    azs,
    demand,
    replicas: capacity.replicas,
    nodes: capacity.nodeGroups,
    fargate: capacity.fargateTasks,
    ...floorAndBurst(capacity, lineItems, hoursPerMonth),
    datastores: { ...(capacity.rds ? { rds: capacity.rds } : {}), ...(capacity.cache ? { cache: capacity.cache } : {}), ...(capacity.kafka ? { kafka: capacity.kafka } : {}) },
    resilience,
    ...(eks.kubernetes ? { kubernetes: eks.kubernetes } : {}),
    storage,
    ci,
    bom: { hoursPerMonth, resources },
    lineItems,
    monthly,
    costPerUser: perUser(monthly.total, users),
    ...(priceAdjustments ? { priceAdjustments } : {}),
    ...(Object.keys(parts.plan).length ? { parts: parts.plan } : {}),
    headline: planHeadline(monthly, undefined),
    assumptions,
    warnings,
    priceBook: { region: book.region, generatedAt: book.generatedAt, origin: book.origin.kind, digest: book.origin.digest },
    capacity,
  };
}

/** How overrides and discounts combine: AWS does not publish private-pricing terms, so the order is the model's rule. */
const ADJUSTMENT_ORDER: Assumption = {
  name: 'priceAdjustmentOrder',
  value: 1,
  unit: 'rule',
  why: 'tier-planner assumption: a price override replaces the list unit price, then the service discount applies, then the EDP on every AWS line (GitHub Actions is billed by GitHub); AWS Support is a share of the charges after discounts and takes the EDP too; the node chooser still ranks types by list prices',
  defaulted: true,
};

/** Line items after the caller's overrides and discounts; unchanged without any. */
function adjusted(items: readonly LineItem[], adjustments: PriceAdjustments | undefined): readonly LineItem[] {
  return adjustments ? applyPriceAdjustments(items, adjustments) : items;
}
