import type { BomResource } from '../bom/bill-of-materials.js';
import type { SupportPlanName } from '../bom/resources/support-plan.js';
import { bomToDrafts } from '../bom/price-resources.js';
import type { LineItem } from '../cost/line-item.js';
import { ZERO, type Decimal } from '../cost/money.js';
import { perUser } from '../cost/per-user.js';
import { priceLineItems } from '../cost/price-line-items.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { PartsSpec } from '../profiles/profile-types.js';
import type { EnvironmentPlan, Plan, PlanOptions } from './plan-types.js';
import { numberText } from '../number-text.js';

/** Services billed by someone other than AWS: not part of the AWS charges Support is a share of. */
const NOT_AWS = new Set(['GitHub Actions', 'Support']);

/** The month's AWS charges in a set of priced line items (what AWS Support is a share of). */
export function awsCharges(items: readonly LineItem[]): Decimal {
  return items.reduce((t, i) => (i.monthly && !NOT_AWS.has(i.service) ? t.plus(i.monthly) : t), ZERO);
}

/**
 * Other environments (staging, QA) as their own plans: the same profile and parts at their own
 * users, single-AZ unless they say, without environments or Support of their own (Support is
 * one subscription for the account, priced with production on the whole bill).
 */
export function planEnvironments(
  users: number,
  parts: PartsSpec,
  options: PlanOptions,
  plan: (users: number, options: PlanOptions) => Plan,
): { awsCharges: Decimal | undefined; attach: (production: Plan) => Plan } {
  const specs = parts.environments ?? [];
  if (!specs.length) return { awsCharges: undefined, attach: (p) => p };
  const environments: EnvironmentPlan[] = specs.map((e) => {
    const envUsers = e.users ?? Math.max(1, Math.round(users * e.share!));
    const p = plan(envUsers, { ...options, ha: e.ha ?? false, parts: { ...options.parts, environments: false, support: false } });
    const why = e.users !== undefined ? `${numberText(envUsers)} users (set)` : `${e.share} of ${numberText(users)} production users`;
    return { name: e.name, users: envUsers, ha: p.ha, azs: p.azs, lineItems: p.lineItems, monthly: p.monthly, costPerUser: p.costPerUser, why: `${why}, ${p.ha ? `HA over ${p.azs} AZs` : 'single AZ'}` };
  });
  const charges = environments.reduce((t, e) => t.plus(awsCharges(e.lineItems)), ZERO);
  return {
    awsCharges: charges,
    attach(production) {
      const total = environments.reduce((t, e) => t.plus(e.monthly.total), production.monthly.total);
      const complete = production.monthly.complete && environments.every((e) => e.monthly.complete);
      return { ...production, environments, withEnvironments: { total, complete, costPerUser: perUser(total, production.users) } };
    },
  };
}

/** Adds the AWS Support line: a share of this plan's AWS charges plus its other environments'. */
export function withSupport(
  plan: SupportPlanName | undefined,
  resources: readonly BomResource[],
  items: readonly LineItem[],
  otherAwsCharges: Decimal | undefined,
  hoursPerMonth: number,
  book: PriceBook,
): { resources: readonly BomResource[]; lineItems: readonly LineItem[] } {
  if (!plan) return { resources, lineItems: items };
  const charges = awsCharges(items).plus(otherAwsCharges ?? ZERO);
  const support: BomResource = { type: 'support_plan', name: otherAwsCharges ? 'support (all environments)' : 'support', plan, awsChargesUsd: charges.toFixed() };
  return { resources: [...resources, support], lineItems: [...items, ...priceLineItems(bomToDrafts([support], hoursPerMonth, book), book)] };
}
