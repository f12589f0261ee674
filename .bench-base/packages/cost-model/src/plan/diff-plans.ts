import type { LineItem } from '../cost/line-item.js';
import { ZERO, type Decimal } from '../cost/money.js';
import { planShape, shapeChanges } from './plan-shape.js';
import type { Plan } from './plan-types.js';

export interface CostDelta {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly delta: Decimal;
}

export interface PlanDiff {
  readonly users: { readonly a: number; readonly b: number };
  readonly total: CostDelta;
  readonly byService: readonly (CostDelta & { readonly service: string })[];
  /** Line items that differ, by service / resource / component. */
  readonly lineItems: readonly (CostDelta & { readonly item: string })[];
  /** Shape changes: node counts, instance types, HA, datastores. */
  readonly changes: readonly string[];
}

/** What changed from plan a to plan b and what it costs. */
export function diffPlans(a: Plan, b: Plan): PlanDiff {
  const services = [...new Set([...a.monthly.byService.keys(), ...b.monthly.byService.keys()])];
  const byService = services
    .map((service) => delta(a.monthly.byService.get(service) ?? ZERO, b.monthly.byService.get(service) ?? ZERO, { service }))
    .filter((d) => !d.delta.isZero());
  const ia = indexItems(a.lineItems);
  const ib = indexItems(b.lineItems);
  const lineItems = [...new Set([...ia.keys(), ...ib.keys()])]
    .map((item) => delta(ia.get(item) ?? ZERO, ib.get(item) ?? ZERO, { item }))
    .filter((d) => !d.delta.isZero());
  return {
    users: { a: a.users, b: b.users },
    total: delta(a.monthly.total, b.monthly.total, {}),
    byService,
    lineItems,
    changes: shapeChanges(planShape(a), planShape(b)),
  };
}

function delta<T extends object>(a: Decimal, b: Decimal, extra: T): CostDelta & T {
  return { ...extra, a, b, delta: b.minus(a) };
}

function indexItems(items: readonly LineItem[]): Map<string, Decimal> {
  const m = new Map<string, Decimal>();
  for (const i of items) {
    const key = `${i.service} / ${i.resource} / ${i.component}`;
    m.set(key, (m.get(key) ?? ZERO).plus(i.monthly ?? ZERO));
  }
  return m;
}
