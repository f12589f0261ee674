import { ATHENA_SCAN_PRICE, athenaQueryCostUsd } from '@tier-planner/aws-billing';
import type { Decimal } from '@tier-planner/cost-model';
import { numberText } from '@tier-planner/cost-model';
import type { ActualsSummary } from '../commands/actuals-summary.js';
import { int, table, usd } from './format.js';
import { printable } from './printable.js';

const CHARGE_LABELS: Readonly<Record<string, string>> = { usage: 'Usage', commitment_fee: 'Commitment fees', credit: 'Credits', refund: 'Refunds', tax: 'Tax', discount: 'Discounts', other: 'Other' };
const FORMAT_NAMES: Readonly<Record<string, string>> = { cur2: 'CUR 2.0', focus: 'FOCUS 1.2' };
const percent = (d: Decimal | undefined) => (d === undefined ? '–' : `${numberText(d.times(100).toNumber(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
const times = (d: Decimal | undefined) => (d === undefined ? '–' : `${numberText(d.toNumber(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}×`);
/** Small amounts (a query's cost) to the cent's hundredth, so they do not print as $0.00. */
const usdPrecise = (d: Decimal) => `$${d.toDecimalPlaces(4, 2).toFixed(4)}`;
const indent = (lines: string[]) => lines.map((l) => `  ${l}`);

/** `tier-planner actuals` for a person: month totals by service, kind of charge and plan tag, then the plan against them. */
export function renderActualsText(source: string, s: ActualsSummary): string {
  const days = s.days.first === s.days.last ? s.days.first : `${s.days.first} – ${s.days.last}`;
  const out = [
    `${printable(source)}: ${FORMAT_NAMES[s.format]} ${s.month}, read with ${s.engine === 'duckdb' ? 'DuckDB' : 'Athena'}`,
    `Days with data: ${days} (${int(s.days.count)} ${s.days.count === 1 ? 'day' : 'days'})`,
    `Total: unblended ${usd(s.total.unblended)}, amortized ${usd(s.total.amortized)}`,
    ...(s.bytesScanned !== undefined ? [`Scanned: ${int(s.bytesScanned)} bytes${s.queryId ? ` (query ${printable(s.queryId)})` : ''}${s.engine === 'athena' ? `; Athena bills about ${usdPrecise(athenaQueryCostUsd(s.bytesScanned))} for it at USD ${ATHENA_SCAN_PRICE.usdPerTb} per TB (${ATHENA_SCAN_PRICE.asOf})` : ''}`] : []),
    '',
    'By service:',
    ...indent(table([['Service', 'Unblended', 'Amortized'], ...[...s.byService].map(([k, c]) => [printable(k), usd(c.unblended), usd(c.amortized)])], new Set([1, 2]))),
    '',
    'By kind of charge:',
    ...indent(table([['Charge', 'Unblended', 'Amortized'], ...[...s.byCharge].map(([k, c]) => [CHARGE_LABELS[k] ?? k, usd(c.unblended), usd(c.amortized)])], new Set([1, 2]))),
    '',
    'By plan tag:',
    ...indent(table([['Tag value', 'Unblended', 'Amortized', 'Share'], ...s.byTag.map((t) => [t.tagValue === null ? '(untagged)' : printable(t.tagValue), usd(t.unblended), usd(t.amortized), percent(t.share)])], new Set([1, 2, 3]))),
  ];
  const p = s.plan;
  if (p) {
    out.push(
      '',
      `Plan ${printable(p.tagValue)}, ${p.basis} cost, to the end of ${s.days.last} (${int(p.hoursElapsed)} of ${int(p.hoursPerMonth)} plan hours):`,
      ...(s.byTag.some((t) => t.tagValue === p.tagValue) ? [] : [`  No line carries this tag value: check --tag-value, or --tag-key for the export's spelling of the key.`]),
      ...indent(table([['Service', 'Actual', 'Expected to date', 'Actual ÷ expected'], ...p.services.map((x) => [printable(x.service), usd(x.actual), usd(x.expected), times(x.varianceRatio)]), ['Total', usd(p.actual), usd(p.expected), times(p.varianceRatio)]], new Set([1, 2, 3]))),
    );
  }
  return `${out.join('\n')}\n`;
}
