// Seed 004's cost breakdowns as written, priced from the book: each line the seed states enough
// to price is priced at list (730 h, on-demand, us-east-1 book), and its printed range is judged
// against that list price with the percentage it is off. Lines that state no size stay unpriced
// with the reason; the printed totals are checked against the sum of their own lines.
import { priceResources } from '../bom/price-resources.js';
import { DEFAULT_HOURS_PER_MONTH } from '../cost/calendar.js';
import type { LineItem } from '../cost/line-item.js';
import { sum, ZERO, type Decimal } from '../cost/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import { usd } from './format.js';
import { SEED_004_STACKS, type Seed004Line, type Seed004Stack } from './seed-004-stacks.js';

/** low: the list price is above the printed range; high: below it; within; floor-below: a partial price under the range (what is left out may close the gap). */
export type Seed004Verdict = 'low' | 'high' | 'within' | 'floor-below' | 'unpriced';

export interface Seed004LineComparison {
  readonly item: string;
  readonly asPrinted: string;
  readonly written: string;
  readonly seedLow: Decimal;
  readonly seedHigh: Decimal;
  readonly lineItems: readonly LineItem[];
  /** Exact sum of the priced line items; absent when unpriced. */
  readonly listUsd?: Decimal;
  /** How far the printed range is from the list price, % of the list (its near end, then its far end). */
  readonly percentOff?: { readonly nearEnd: Decimal; readonly farEnd: Decimal };
  readonly verdict: Seed004Verdict;
  readonly assumption?: string;
  readonly leftOut?: string;
  readonly unpriced?: string;
  readonly message: string;
}

export interface Seed004StackComparison {
  readonly id: string;
  readonly title: string;
  readonly hoursPerMonth: number;
  readonly lines: readonly Seed004LineComparison[];
  readonly printedTotal: { readonly low: Decimal; readonly high: Decimal };
  /** The printed lines' own sums, against the printed total. */
  readonly sumOfLines: { readonly low: Decimal; readonly high: Decimal };
  /** Σ list prices of the priced lines, and the seed's own figures for the unpriced ones. */
  readonly listOfPriced: Decimal;
  readonly seedForUnpriced: { readonly low: Decimal; readonly high: Decimal };
  readonly findings: readonly string[];
}

const range = (low: Decimal, high: Decimal) => `${usd(low)}–${usd(high)}`;
/** a − b as a % of b, to one decimal. */
const pctOf = (a: Decimal, b: Decimal) => a.minus(b).abs().div(b).times(100).toDecimalPlaces(1);

function compareLine(line: Seed004Line, book: PriceBook): Seed004LineComparison {
  const base = { item: line.item, asPrinted: line.asPrinted, written: line.written, seedLow: line.low, seedHigh: line.high, ...(line.assumption ? { assumption: line.assumption } : {}), ...(line.leftOut ? { leftOut: line.leftOut } : {}) };
  const printed = `${line.item}: the seed prints ${range(line.low, line.high)}`;
  if (!line.resource) return { ...base, lineItems: [], verdict: 'unpriced', unpriced: line.unpriced!, message: `${printed}; not priced: ${line.unpriced}` };
  const priced = priceResources({ hoursPerMonth: DEFAULT_HOURS_PER_MONTH, resources: [line.resource] }, book);
  // A quantity the seed does not state is left out, not priced at zero.
  const lineItems = priced.lineItems.filter((i) => !i.quantity.isZero());
  if (lineItems.some((i) => i.monthly === undefined)) {
    return { ...base, lineItems, verdict: 'unpriced', unpriced: 'the price book has no price for it', message: `${printed}; not priced: the price book has no price for ${lineItems.find((i) => i.monthly === undefined)!.component}` };
  }
  const list = sum(lineItems.map((i) => i.monthly!));
  const what = lineItems.map((i) => i.component).join(' + ');
  const floor = line.leftOut ? ` (before ${line.leftOut})` : '';
  if (list.gt(line.high)) {
    const percentOff = { nearEnd: pctOf(line.high, list), farEnd: pctOf(line.low, list) };
    return { ...base, lineItems, listUsd: list, percentOff, verdict: 'low', message: `${printed}, but ${what} lists at ${usd(list)} a month${floor}: the range is low, its top ${percentOff.nearEnd.toFixed(1)}% and its bottom ${percentOff.farEnd.toFixed(1)}% below the list price` };
  }
  if (list.lt(line.low)) {
    if (line.leftOut) return { ...base, lineItems, listUsd: list, verdict: 'floor-below', message: `${printed}; ${what} lists at ${usd(list)} a month${floor}, below the range, and what is left out comes on top, so the range may hold` };
    const percentOff = { nearEnd: pctOf(line.low, list), farEnd: pctOf(line.high, list) };
    return { ...base, lineItems, listUsd: list, percentOff, verdict: 'high', message: `${printed}, but ${what} lists at ${usd(list)} a month: the range is high, its bottom ${percentOff.nearEnd.toFixed(1)}% and its top ${percentOff.farEnd.toFixed(1)}% above the list price` };
  }
  return { ...base, lineItems, listUsd: list, verdict: 'within', message: `${printed}; ${what} lists at ${usd(list)} a month${floor}, within the range` };
}

function compareStack(stack: Seed004Stack, book: PriceBook): Seed004StackComparison {
  const lines = stack.lines.map((l) => compareLine(l, book));
  const sumOfLines = { low: sum(stack.lines.map((l) => l.low)), high: sum(stack.lines.map((l) => l.high)) };
  const priced = lines.filter((l) => l.listUsd !== undefined);
  const unpriced = lines.filter((l) => l.listUsd === undefined);
  const listOfPriced = priced.reduce((a, l) => a.plus(l.listUsd!), ZERO);
  const seedForUnpriced = { low: sum(unpriced.map((l) => l.seedLow)), high: sum(unpriced.map((l) => l.seedHigh)) };
  const t = stack.total;
  const findings: string[] = [];
  const agrees = sumOfLines.low.eq(t.low) && sumOfLines.high.eq(t.high);
  findings.push(agrees ? `the printed total ${range(t.low, t.high)} is the sum of its lines` : `the printed total ${range(t.low, t.high)} is not the sum of its lines (${range(sumOfLines.low, sumOfLines.high)})`);
  for (const a of stack.alsoPrinted) {
    if (!a.low.eq(t.low) || !a.high.eq(t.high)) findings.push(`${a.where} prints ${range(a.low, a.high)} for the same stack, against the breakdown's ${range(t.low, t.high)}`);
  }
  for (const l of lines) if (l.verdict === 'low' || l.verdict === 'high') findings.push(l.message);
  if (priced.length) {
    const low = listOfPriced.plus(seedForUnpriced.low);
    const high = listOfPriced.plus(seedForUnpriced.high);
    const verdict = low.gt(t.high) ? 'above' : high.lt(t.low) ? 'below' : 'overlapping';
    findings.push(
      unpriced.length
        ? `the priced lines list at ${usd(listOfPriced)}; with the seed's own ${range(seedForUnpriced.low, seedForUnpriced.high)} for the unpriced ones (${unpriced.map((l) => l.item).join(', ')}) the stack comes to ${range(low, high)}, ${verdict} the printed ${range(t.low, t.high)}`
        : `the lines list at ${usd(listOfPriced)}, ${verdict} the printed ${range(t.low, t.high)}`,
    );
  }
  for (const n of stack.notPriced) findings.push(`not priced: "${n.asPrinted}": ${n.reason}`);
  return { id: stack.id, title: stack.title, hoursPerMonth: DEFAULT_HOURS_PER_MONTH, lines, printedTotal: { low: t.low, high: t.high }, sumOfLines, listOfPriced, seedForUnpriced, findings };
}

/** Both of seed 004's stacks, line by line against the price book. */
export function compareSeed004(book: PriceBook): Seed004StackComparison[] {
  return SEED_004_STACKS.map((s) => compareStack(s, book));
}

