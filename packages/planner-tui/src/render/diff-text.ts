import type { Decimal, Plan, PlanDiff } from '@tier-planner/cost-model';
import { int, perUserUsd, table, usd } from './format.js';
import { printable } from './printable.js';
import { serviceCell, servicePricing, unpricedSummary } from './unpriced.js';

const signed = (d: Decimal) => `${d.isNegative() ? '-' : '+'}${usd(d.abs())}`;

/** A service's cost in one plan, or that it is (partly) unpriced there. */
const cellIn = (plan: Plan, service: string, cost: Decimal): string => serviceCell(servicePricing(plan.lineItems, service), cost);

/** `tier-planner diff` as text: the two plans, their totals (marked when incomplete), shape changes, services and line items that changed. */
export function renderDiffText(files: readonly [string, string], plans: readonly [Plan, Plan], d: PlanDiff): string {
  const [fa, fb] = files.map((f) => printable(f)) as [string, string];
  const [a, b] = plans;
  const incomplete = ([[fa, a], [fb, b]] as const).filter(([, p]) => !p.monthly.complete).map(([f, p]) => `  ${f} is incomplete: ${unpricedSummary(p)}`);
  return [
    `${fa} (${int(a.users)} users, ${printable(a.profile.name)}) → ${fb} (${int(b.users)} users, ${printable(b.profile.name)})`,
    '',
    `Total: ${usd(d.total.a)}${a.monthly.complete ? '' : '*'} → ${usd(d.total.b)}${b.monthly.complete ? '' : '*'} (${signed(d.total.delta)} per month)`,
    `Per user: ${perUserUsd(a.costPerUser)} → ${perUserUsd(b.costPerUser)} per user per month`,
    ...(incomplete.length ? ['* totals leave out what has no price:', ...incomplete] : []),
    '',
    'Changes:',
    ...(d.changes.length ? d.changes.map((c) => `  ${c}`) : ['  (same shape)']),
    '',
    'By service:',
    ...table(d.byService.map((s) => [printable(s.service), cellIn(a, s.service, s.a), cellIn(b, s.service, s.b), signed(s.delta)]), new Set([1, 2, 3])).map((l) => `  ${l}`),
    '',
    'Line items that changed:',
    ...table(d.lineItems.map((s) => [printable(s.item), usd(s.a), usd(s.b), signed(s.delta)]), new Set([1, 2, 3])).map((l) => `  ${l}`),
  ].join('\n') + '\n';
}
