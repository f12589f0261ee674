import { dec } from '../cost/money.js';
import { perUser } from '../cost/per-user.js';
import { planHeadline } from '../plan/headline.js';
import type { Plan } from '../plan/plan-types.js';
import { PlanDocumentError } from './plan-document-error.js';
import { PLAN_JSON_KIND, PLAN_JSON_SCHEMA_VERSION } from './plan-to-json.js';

type Json = Record<string, any>;

/**
 * Reads back what planToJson (`tier-planner --json`) wrote, with money as exact decimals again.
 * The result has everything but `capacity`, which plan files leave out.
 */
export function planFromJson(value: unknown, origin: string): Plan {
  const p = value as Json;
  if (typeof p !== 'object' || p === null || p.kind !== PLAN_JSON_KIND) throw new PlanDocumentError(`${origin} is not a tier-planner plan (write one with tier-planner --users N --json)`);
  if (p.schemaVersion !== PLAN_JSON_SCHEMA_VERSION) throw new PlanDocumentError(`${origin} has plan schema version ${String(p.schemaVersion)}; this build reads ${PLAN_JSON_SCHEMA_VERSION}`);
  try {
    const { lineItems, monthly } = priced(p.lineItems, p.monthly);
    const environments = (p.environments as Json[] | undefined)?.map((e) => ({ ...e, ...pricedEnvironment(e) }));
    const withEnvironments = p.withEnvironments ? { ...p.withEnvironments, total: dec(p.withEnvironments.total), costPerUser: dec(p.withEnvironments.costPerUser) } : undefined;
    // Plan files written before the per-user figure carry none: it follows from the total.
    const costPerUser = p.costPerUser === undefined ? perUser(monthly.total, p.users) : dec(p.costPerUser);
    // Plan files written before the headline existed lead with the point-value total.
    const h = p.headline as Json | undefined;
    const headline = h ? { ...h, total: dec(h.total), pointTotal: dec(h.pointTotal), ...(h.band ? { band: { ...h.band, p10: dec(h.band.p10), p90: dec(h.band.p90) } } : {}) } : planHeadline(monthly as unknown as Plan['monthly'], undefined);
    const resilience = p.resilience === undefined ? {} : { resilience: { ...p.resilience, headroomMonthly: dec(p.resilience.headroomMonthly) } };
    const load = (x: Json | undefined) => (x ? { ...x, monthlyUsd: dec(x.monthlyUsd) } : x);
    const adjustments = p.priceAdjustments ? { priceAdjustments: decimalFields(p.priceAdjustments, ['listUsd', 'changeUsd']) } : {};
    const c = p.commitment as Json | undefined;
    const commitment = c ? { commitment: { ...c, hourlyUsd: dec(c.hourlyUsd), upfrontUsd: dec(c.upfrontUsd), monthlySavingUsd: dec(c.monthlySavingUsd) } } : {};
    // Plan files written before the full purchase option was kept carry the short name alone.
    const purchaseOption = p.purchaseOption ?? p.purchase;
    return { ...p, purchaseOption, ...commitment, ...resilience, ...adjustments, floor: load(p.floor), burst: load(p.burst), lineItems, monthly, costPerUser, headline, ...(environments ? { environments } : {}), ...(withEnvironments ? { withEnvironments } : {}) } as unknown as Plan;
  } catch (e) {
    throw new PlanDocumentError(`${origin} is a damaged plan file: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Line items and their roll-up with money as decimals again. */
function priced(items: Json[], monthly: Json) {
  const lineItems = items.map((i) => ({
    ...i,
    quantity: dec(i.quantity),
    monthly: i.monthly === undefined ? undefined : dec(i.monthly),
    unitPrice: i.unitPrice === undefined ? undefined : dec(i.unitPrice),
    ...(i.upfront ? { upfront: { ...i.upfront, oneOffUsd: dec(i.upfront.oneOffUsd), monthlyUsd: dec(i.upfront.monthlyUsd) } } : {}),
    ...(i.adjustment ? { adjustment: adjustment(i.adjustment) } : {}),
  }));
  const byService = new Map(Object.entries(monthly.byService as Record<string, string>).map(([k, v]) => [k, dec(v)]));
  return { lineItems, monthly: { total: dec(monthly.total), byService, complete: monthly.complete as boolean, unpriced: lineItems.filter((i) => i.monthly === undefined) } };
}

const decimalFields = (x: Json, keys: readonly string[]): Json => ({ ...x, ...Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, dec(x[k])])) });

/** A line's list price and adjustment steps with money as decimals again. */
function adjustment(a: Json): Json {
  return { ...decimalFields(a, ['listUnitPrice', 'listMonthly']), steps: (a.steps as Json[]).map((s) => decimalFields(s, ['percent', 'unitPrice', 'changeUsd'])) };
}

function pricedEnvironment(e: Json) {
  return { ...priced(e.lineItems, e.monthly), costPerUser: dec(e.costPerUser) };
}
