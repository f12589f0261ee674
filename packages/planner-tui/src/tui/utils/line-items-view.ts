import type { LineItem } from '@tier-planner/cost-model';
import { qty, usd } from '../../render/format.js';
import { cell, fit } from './text.js';

/** The line items as fixed columns that fit `width`; resource and component share what is left. */
export function lineItemLines(items: readonly LineItem[], width: number): { header: string; rows: string[] } {
  const service = Math.min(14, Math.max(7, ...items.map((i) => i.service.length)));
  const amount = (i: LineItem) => `${qty(i.quantity)} ${i.unit}`;
  const quantity = Math.min(24, Math.max(8, ...items.map((i) => amount(i).length)));
  const monthly = Math.max(9, ...items.map((i) => (i.monthly ? usd(i.monthly) : 'UNPRICED').length));
  const rest = Math.max(10, width - service - quantity - monthly - 4);
  const resource = Math.max(5, Math.floor(rest * 0.4));
  const component = Math.max(5, rest - resource - 1);
  const line = (cols: string[]) =>
    fit([cell(cols[0]!, service), cell(cols[1]!, resource), cell(cols[2]!, component), cell(cols[3]!, quantity, 'right'), cell(cols[4]!, monthly, 'right')].join(' '), width);
  return {
    header: line(['service', 'resource', 'component', 'quantity', 'monthly']),
    rows: items.map((i) => line([i.service, i.resource, i.component, amount(i), i.monthly ? usd(i.monthly) : 'UNPRICED'])),
  };
}
