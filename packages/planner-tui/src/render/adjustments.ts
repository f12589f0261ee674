import type { AdjustmentStep, AdjustmentSummary, LineItem } from '@tier-planner/cost-model';
import { unitUsd, usd } from './format.js';
import { printable } from './printable.js';

/** "-$14.02" / "+$3.10": what a step changed the month by. */
const change = (s: AdjustmentStep) => (s.changeUsd === undefined ? '' : ` ${s.changeUsd.isNegative() ? '-' : '+'}${usd(s.changeUsd.abs())}`);

/** One step as a reader sees it, with where it came from. */
export function stepText(s: AdjustmentStep, service: string): string {
  if (s.kind === 'override') return `override ${unitUsd(s.unitPrice!)} per unit (${printable(s.from)}: ${printable(s.note ?? '')})${change(s)}`;
  const what = s.kind === 'edp' ? 'EDP' : `off ${service}`;
  return `${s.percent!.toFixed()}% ${what} (${printable(s.from)})${change(s)}`;
}

/** "list $140.16 → $126.14: 10% off EC2 (--discount EC2=10%) -$14.02; …" for one adjusted line. */
export function adjustmentText(item: LineItem): string {
  const a = item.adjustment!;
  const list = a.listMonthly ? `list ${usd(a.listMonthly)}${a.listUnitPrice ? ` (${unitUsd(a.listUnitPrice)} per unit)` : ''}` : 'no list price';
  return `${list} → ${item.monthly ? usd(item.monthly) : 'unpriced'}: ${a.steps.map((s) => stepText(s, item.service)).join('; ')}`;
}

/** The adjustments at a glance: "3 lines changed, list $1,200.00, -$96.00". */
export function adjustmentSummaryText(s: AdjustmentSummary): string {
  const sign = s.changeUsd.isNegative() ? '-' : '+';
  return `${s.lines} line${s.lines === 1 ? '' : 's'} changed, list ${usd(s.listUsd)}, ${sign}${usd(s.changeUsd.abs())} a month (overrides first, then service discounts, then the EDP)`;
}

/** "Prices after --discount EC2=10%, --prices p.yaml (…)": one line under a table of totals that has no line items. */
export function adjustedPricesNote(s: AdjustmentSummary | undefined): string[] {
  if (!s) return [];
  const from = [...new Set([...(s.edp ? [s.edp.from] : []), ...s.services.map((d) => d.from), ...s.overrides.map((o) => o.from)])];
  return [`Prices after ${from.map((f) => printable(f)).join(', ')} (overrides first, then service discounts, then the EDP; each line's list price is in the plan)`];
}

/** The text report's section: every adjusted line with its list price, each step and where it came from. */
export function adjustmentLines(priced: { readonly lineItems: readonly LineItem[]; readonly priceAdjustments?: AdjustmentSummary }): string[] {
  const s = priced.priceAdjustments;
  if (!s) return [];
  const out = ['', `Discounts and price overrides: ${adjustmentSummaryText(s)}`];
  for (const i of priced.lineItems) if (i.adjustment) out.push(`  ${printable(i.service)} · ${printable(i.resource)} · ${printable(i.component)}: ${adjustmentText(i)}`);
  return out;
}
