import type { Plan } from '@tier-planner/cost-model';
import { unpricedSummary } from './unpriced.js';
import { adjustmentText } from './adjustments.js';

const field = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The plan's line items as CSV (RFC 4180), exact figures, one row per line item plus a total row. */
export function renderPlanCsv(plan: Plan): string {
  // With discounts or overrides, two more columns: the list price and what changed it (and where from).
  const adjusted = plan.priceAdjustments !== undefined;
  const extra = (cells: string[]) => (adjusted ? cells : []);
  const rows = [['service', 'resource', 'component', 'quantity', 'unit', 'unit_price_usd', 'monthly_usd', 'price_key', 'price_as_of', 'unpriced_reason', ...extra(['list_monthly_usd', 'adjustment'])]];
  for (const i of plan.lineItems) {
    const a = i.adjustment;
    rows.push([i.service, i.resource, i.component, i.quantity.toString(), i.unit, i.unitPrice?.toString() ?? '', i.monthly?.toString() ?? '', i.provenance?.key ?? (i.price.kind === 'dimension' ? i.price.key : ''), i.provenance?.asOf ?? '', i.unpriced ?? '', ...extra([a ? (a.listMonthly?.toString() ?? '') : (i.monthly?.toString() ?? ''), a ? adjustmentText(i) : ''])]);
  }
  rows.push(['TOTAL', '', '', '', '', '', plan.monthly.total.toString(), '', '', plan.monthly.complete ? '' : `incomplete: ${unpricedSummary(plan)}`, ...extra(['', ''])]);
  rows.push(['PER USER', '', '', String(plan.users), 'users', '', plan.costPerUser.toString(), '', '', plan.monthly.complete ? '' : 'incomplete: see TOTAL', ...extra(['', ''])]);
  for (const e of plan.environments ?? []) rows.push([`ENVIRONMENT ${e.name}`, '', '', String(e.users), 'users', '', e.monthly.total.toString(), '', '', e.monthly.complete ? '' : 'incomplete', ...extra(['', ''])]);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
