import type { Decimal, PlanDiff } from '@tier-planner/cost-model';
import { usd } from '../../render/format.js';
import { cell, fit } from './text.js';

const signed = (d: Decimal): string => (d.isNegative() && !d.isZero() ? `-${usd(d.abs())}` : `+${usd(d)}`);

function percent(a: Decimal, delta: Decimal): string {
  if (a.isZero()) return delta.isZero() ? '0%' : 'new';
  const p = delta.div(a).times(100).toNumber();
  return `${p >= 0 ? '+' : ''}${p.toFixed(Math.abs(p) < 10 ? 1 : 0)}%`;
}

/** The pinned scenario against the current one: total, then per service largest change first, then what changed shape. */
export function comparisonLines(diff: PlanDiff, pinnedLabel: string, currentLabel: string, width: number): string[] {
  const out = [fit(`pinned:  ${pinnedLabel}`, width), fit(`current: ${currentLabel}`, width)];
  const t = diff.total;
  out.push(fit(`Total ${usd(t.a)} → ${usd(t.b)}  ${signed(t.delta)} (${percent(t.a, t.delta)})`, width));
  if (diff.byService.length === 0) out.push('no difference per service');
  const rows = [...diff.byService].sort((x, y) => y.delta.abs().comparedTo(x.delta.abs()));
  const money = Math.max(10, ...rows.flatMap((r) => [usd(r.a).length, usd(r.b).length, signed(r.delta).length]));
  const name = Math.min(16, Math.max(7, ...rows.map((r) => r.service.length)));
  if (rows.length) out.push(fit(`${cell('service', name)} ${cell('pinned', money, 'right')} ${cell('current', money, 'right')} ${cell('difference', money, 'right')}  change`, width));
  for (const r of rows) {
    out.push(fit(`${cell(r.service, name)} ${cell(usd(r.a), money, 'right')} ${cell(usd(r.b), money, 'right')} ${cell(signed(r.delta), money, 'right')}  ${percent(r.a, r.delta)}`, width));
  }
  if (diff.changes.length) out.push('changes:', ...diff.changes.map((c) => fit(`  ${c}`, width)));
  return out;
}
