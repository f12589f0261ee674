import { bomToDrafts } from '../bom/price-resources.js';
import { PlanningError } from '../capacity/capacity-types.js';
import { planCapacity } from '../capacity/plan-capacity.js';
import { planCi } from '../ci/plan-ci.js';
import { DEFAULT_HOURS_PER_MONTH, daysPerMonth } from '../cost/calendar.js';
import { priceLineItems } from '../cost/price-line-items.js';
import { rollUp } from '../cost/roll-up.js';
import type { PriceBook } from '../pricing/price-book.js';
import { getProfile } from '../profiles/index.js';
import type { Profile } from '../profiles/profile-types.js';
import { planStorage } from '../storage/plan-storage.js';
import { resolveWorkload, type Assumption, type ResolvedWorkload } from '../workload/assumptions.js';
import { deriveDemand } from '../workload/derive-demand.js';
import { assembleBom } from './assemble-bom.js';
import { planDateOf, planKubernetes } from './kubernetes-version.js';
import { PLAN_DEFAULTS, planAssumption, type PlanDefaultKey } from './plan-assumptions.js';
import type { Plan, PlanOptions, PlanRequest } from './plan-types.js';
import { estimateUncertainty } from './uncertainty.js';

export const MAX_USERS = 10_000_000_000;

/** The plan and priced cost of serving `users` with a profile, from one price book. Pure: no I/O. */
export function planTier(request: PlanRequest, book: PriceBook, options: PlanOptions = {}): Plan {
  const profile = resolveProfile(request.profile, options);
  const { values, assumptions } = resolveWorkload(profile.workload, options.workload);
  const eks = eksVersion(profile, book, options);
  const plan = planWithWorkload(request.users, profile, values, assumptions, book, options, eks);
  if (!options.samples) return plan;
  return { ...plan, uncertainty: estimateUncertainty(profile, options, plan, (w) => planWithWorkload(request.users, profile, w, assumptions, book, options, eks).monthly.total) };
}

type EksVersion = ReturnType<typeof planKubernetes>;

/** EKS only: the version and support tier on the plan's date (one calendar lookup per plan). */
function eksVersion(profile: Profile, book: PriceBook, options: PlanOptions): EksVersion {
  const planDate = planDateOf(book, options.planDate);
  if (profile.platform !== 'eks') return { warnings: [] };
  const requested =
    options.kubernetesVersion !== undefined ? { version: options.kubernetesVersion, why: 'set by the caller' }
    : profile.kubernetesVersion !== undefined ? { version: profile.kubernetesVersion, why: 'set by the profile' }
    : undefined;
  return planKubernetes(book, planDate, options.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH, requested);
}

export function resolveProfile(profile: Profile | string, options: PlanOptions = {}): Profile {
  const base = typeof profile === 'string' ? getProfile(profile) : profile;
  if (!options.families) return base;
  return { ...base, nodes: { ...base.nodes, families: options.families } };
}

export function checkUsers(users: number): void {
  if (!Number.isInteger(users) || users < 1 || users > MAX_USERS) {
    throw new PlanningError('BAD_INPUT', `users must be a whole number from 1 to ${MAX_USERS.toLocaleString('en-US')}, got ${String(users)}`);
  }
}

function checkHours(hours: number): void {
  if (!(Number.isFinite(hours) && hours >= 1 && hours <= 744)) {
    throw new PlanningError('BAD_INPUT', `hours per month must be from 1 to 744, got ${String(hours)}`);
  }
}

function planWithWorkload(
  users: number,
  profile: Profile,
  workload: ResolvedWorkload,
  workloadAssumptions: readonly Assumption[],
  book: PriceBook,
  options: PlanOptions,
  eks: EksVersion,
): Plan {
  checkUsers(users);
  const hoursPerMonth = options.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
  checkHours(hoursPerMonth);
  const days = daysPerMonth(hoursPerMonth);
  const purchase = options.purchase ?? 'on-demand';
  const ha = options.ha ?? users >= profile.ha.fromUsers;
  const azs = ha ? profile.ha.azs : 1;
  const targetUtilization = profile.targetUtilization ?? PLAN_DEFAULTS.hpaTargetUtilization.value;

  const demand = deriveDemand(users, workload, days);
  const capacity = planCapacity({ demand, profile, book, ha, azs, targetUtilization, hoursPerMonth });
  const storage = planStorage({ demand, capacity, profile, daysPerMonth: days, ha, objectMiBPerUser: workload.objectMiBPerUser });
  const ci = planCi(profile.ci);
  const resources = assembleBom({ profile, demand, capacity, storage, ci, ha, azs, purchase, hoursPerMonth, daysPerMonth: days, ...(eks.kubernetes ? { eksSupport: eks.kubernetes.support } : {}) });
  const lineItems = priceLineItems(bomToDrafts(resources, hoursPerMonth, book), book);
  const monthly = rollUp(lineItems);

  const used: PlanDefaultKey[] = ['rootVolumeGb', 'imageGb', 'databaseHeadroom', 'objectAgeSpanDays', 's3GetsPerRequest', 'natShareOfEgress', 'interAzShareOfEgress', 'requestsPerConnection', 'dnsQueriesPerActiveUserPerDay', 'accountFreeDataTransferGb'];
  const assumptions: Assumption[] = [
    ...workloadAssumptions,
    { name: 'hpaTargetUtilization', value: targetUtilization, unit: 'ratio', why: PLAN_DEFAULTS.hpaTargetUtilization.why, defaulted: profile.targetUtilization === undefined },
    ...used.map((k) => planAssumption(k)),
    { name: 'hoursPerMonth', value: hoursPerMonth, unit: 'hours', why: 'billing month: 730 h (8,760 h / 12) as AWS and most cost tools use', defaulted: options.hoursPerMonth === undefined },
    { name: 'ha', value: ha ? 1 : 0, unit: 'flag', why: options.ha !== undefined ? 'set by the caller' : `HA from ${profile.ha.fromUsers.toLocaleString('en-US')} users on (profile)`, defaulted: options.ha === undefined },
  ];
  const warnings = [...capacity.warnings, ...eks.warnings];
  if (!monthly.complete) warnings.push(`${monthly.unpriced.length} line item(s) have no price in this book and are left out of the total`);
  for (const item of lineItems) if (item.provenance?.approximate) warnings.push(`${item.component}: the price is approximate (${item.provenance.title})`);

  return {
    users,
    profile: { name: profile.name, title: profile.title, platform: profile.platform },
    region: book.region,
    hoursPerMonth,
    purchase,
    ha,
    azs,
    demand,
    replicas: capacity.replicas,
    nodes: capacity.nodeGroups,
    fargate: capacity.fargateTasks,
    datastores: { ...(capacity.rds ? { rds: capacity.rds } : {}), ...(capacity.cache ? { cache: capacity.cache } : {}), ...(capacity.kafka ? { kafka: capacity.kafka } : {}) },
    ...(eks.kubernetes ? { kubernetes: eks.kubernetes } : {}),
    storage,
    ci,
    bom: { hoursPerMonth, resources },
    lineItems,
    monthly,
    assumptions,
    warnings,
    priceBook: { region: book.region, generatedAt: book.generatedAt, origin: book.origin.kind, digest: book.origin.digest },
    capacity,
  };
}
