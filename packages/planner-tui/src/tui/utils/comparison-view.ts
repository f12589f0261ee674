import { diffPlans, ZERO, type Decimal, type Plan } from '@tier-planner/cost-model';
import { usd } from '../../render/format.js';
import { servicePricing, type ServicePricing } from '../../render/unpriced.js';
import { serviceUsd, totalUsd, unpricedServices } from './money.js';
import { cell, fit } from './text.js';

const signed = (d: Decimal): string => (d.isNegative() && !d.isZero() ? `-${usd(d.abs())}` : `+${usd(d)}`);

function percent(a: Decimal, delta: Decimal): string {
  if (a.isZero()) return delta.isZero() ? '0%' : 'new';
  const p = delta.div(a).times(100).toNumber();
  return `${p >= 0 ? '+' : ''}${p.toFixed(Math.abs(p) < 10 ? 1 : 0)}%`;
}

type Column = 'pinned' | 'current' | 'difference' | 'change';
/** Widest first; the first that fits the terminal is used. */
const COLUMN_SETS: readonly (readonly Column[])[] = [
  ['pinned', 'current', 'difference', 'change'],
  ['pinned', 'current', 'difference'],
  ['current', 'difference'],
  ['difference'],
];
const CHANGE_WIDTH = 7;

interface ServiceRow {
  readonly service: string;
  readonly a: Decimal;
  readonly b: Decimal;
  readonly aPricing: ServicePricing;
  readonly bPricing: ServicePricing;
}

/**
 * The pinned plan against the current one: total, then per service largest change first, then what
 * changed shape. A side with unpriced items shows "unpriced" or "$X+", and its difference is
 * "unknown": a missing price is not a saving.
 */
export function comparisonLines(pinned: Plan, current: Plan, pinnedLabel: string, currentLabel: string, width: number): string[] {
  const diff = diffPlans(pinned, current);
  const out = [fit(`pinned:  ${pinnedLabel}`, width), fit(`current: ${currentLabel}`, width)];
  const complete = pinned.monthly.complete && current.monthly.complete;
  const t = diff.total;
  const totalDelta = complete ? `${signed(t.delta)} (${percent(t.a, t.delta)})` : `${signed(t.delta)} (priced items only)`;
  out.push(fit(`Total ${totalUsd(pinned.monthly)} → ${totalUsd(current.monthly)}  ${totalDelta}`, width));

  const ua = unpricedServices(pinned.monthly);
  const ub = unpricedServices(current.monthly);
  // A service unpriced on either side stays listed even when its priced part did not move.
  const services = new Set([...diff.byService.map((d) => d.service), ...ua, ...ub]);
  const rows: ServiceRow[] = [...services].map((service) => ({
    service,
    a: pinned.monthly.byService.get(service) ?? ZERO,
    b: current.monthly.byService.get(service) ?? ZERO,
    aPricing: servicePricing(pinned.lineItems, service),
    bPricing: servicePricing(current.lineItems, service),
  }));
  rows.sort((x, y) => y.b.minus(y.a).abs().comparedTo(x.b.minus(x.a).abs()));
  if (rows.length === 0) out.push('no difference per service');

  const text = (r: ServiceRow, c: Column): string => {
    const known = r.aPricing === 'priced' && r.bPricing === 'priced';
    const delta = r.b.minus(r.a);
    if (c === 'pinned') return serviceUsd(r.a, r.aPricing);
    if (c === 'current') return serviceUsd(r.b, r.bPricing);
    if (c === 'difference') return known ? signed(delta) : 'unknown';
    return known ? percent(r.a, delta) : 'n/a';
  };
  const money = Math.max(10, ...rows.flatMap((r) => (['pinned', 'current', 'difference'] as const).map((c) => text(r, c).length)));
  const widthOf = (c: Column) => (c === 'change' ? CHANGE_WIDTH : money);
  const name = Math.min(16, Math.max(7, ...rows.map((r) => r.service.length)));
  const columns = COLUMN_SETS.find((set) => name + set.reduce((n, c) => n + 1 + widthOf(c), 0) <= width) ?? COLUMN_SETS[COLUMN_SETS.length - 1]!;
  const line = (first: string, cells: (c: Column) => string) => fit([cell(first, name), ...columns.map((c) => cell(cells(c), widthOf(c), 'right'))].join(' '), width);
  if (rows.length) out.push(line('service', (c) => c));
  for (const r of rows) out.push(line(r.service, (c) => text(r, c)));
  if (diff.changes.length) out.push('changes:', ...diff.changes.map((c) => fit(`  ${c}`, width)));
  return out;
}
