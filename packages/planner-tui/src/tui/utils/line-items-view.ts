import type { LineItem } from '@tier-planner/cost-model';
import { qty, usd } from '../../render/format.js';
import { cell, fit } from './text.js';

const UNPRICED = 'unpriced';
/** Resource and component together need about this much to say anything. */
const NAME_COLUMNS_MIN = 20;

/**
 * The line items as fixed columns that fit `width`. Wide: service, resource, component, quantity,
 * monthly. Narrow: resource and component share one column and the quantity goes first, so the
 * money column always shows.
 */
export function lineItemLines(items: readonly LineItem[], width: number): { header: string; rows: string[] } {
  const amount = (i: LineItem) => `${qty(i.quantity)} ${i.unit}`;
  const money = (i: LineItem) => (i.monthly ? usd(i.monthly) : UNPRICED);
  const serviceWide = Math.min(14, Math.max(7, ...items.map((i) => i.service.length)));
  const quantity = Math.min(24, Math.max(8, ...items.map((i) => amount(i).length)));
  const monthly = Math.max(9, ...items.map((i) => money(i).length));
  const rest = width - serviceWide - quantity - monthly - 4;
  if (rest >= NAME_COLUMNS_MIN) {
    const resource = Math.floor(rest * 0.4);
    const component = rest - resource - 1;
    const line = (cols: string[]) =>
      fit([cell(cols[0]!, serviceWide), cell(cols[1]!, resource), cell(cols[2]!, component), cell(cols[3]!, quantity, 'right'), cell(cols[4]!, monthly, 'right')].join(' '), width);
    return {
      header: line(['service', 'resource', 'component', 'quantity', 'monthly']),
      rows: items.map((i) => line([i.service, i.resource, i.component, amount(i), money(i)])),
    };
  }
  const service = Math.min(serviceWide, 10);
  const withQuantity = width - service - quantity - monthly - 3 >= NAME_COLUMNS_MIN;
  const item = Math.max(1, width - service - monthly - 2 - (withQuantity ? quantity + 1 : 0));
  const line = (cols: string[]) =>
    fit([cell(cols[0]!, service), cell(cols[1]!, item), ...(withQuantity ? [cell(cols[2]!, quantity, 'right')] : []), cell(cols[3]!, monthly, 'right')].join(' '), width);
  return {
    header: line(['service', 'item', 'quantity', 'monthly']),
    rows: items.map((i) => line([i.service, `${i.resource}: ${i.component}`, amount(i), money(i)])),
  };
}
