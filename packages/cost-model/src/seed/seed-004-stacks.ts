// Seed 004's two cost breakdowns (ECS Fargate production, self-managed Kubernetes), each line as
// printed, with what the seed writes about its quantity. Every USD figure is the seed's, from
// seed-004-stacks.json; the price book prices only what a line actually states.
import { dec, type Decimal } from '../cost/money.js';
import table from './seed-004-stacks.json' with { type: 'json' };

export const SEED_004 = table;

export interface Seed004Line {
  readonly item: string;
  readonly asPrinted: string;
  readonly low: Decimal;
  readonly high: Decimal;
  /** What the seed states about the quantity behind the figure. */
  readonly written: string;
  /** The resource the line states, as a bill-of-materials entry; absent when the seed does not state enough to price it. */
  readonly resource?: Readonly<Record<string, unknown>> & { readonly type: string; readonly name: string };
  /** Why the line is not priced. */
  readonly unpriced?: string;
  /** A choice the seed leaves open, named. */
  readonly assumption?: string;
  /** Part of the line the seed gives no quantity for: the price is then a floor. */
  readonly leftOut?: string;
}

export interface Seed004Stack {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly Seed004Line[];
  readonly total: { readonly asPrinted: string; readonly low: Decimal; readonly high: Decimal };
  readonly alsoPrinted: readonly { readonly where: string; readonly asPrinted: string; readonly low: Decimal; readonly high: Decimal }[];
  readonly notPriced: readonly { readonly asPrinted: string; readonly reason: string }[];
}

type RawLine = (typeof table.stacks)[number]['lines'][number];

function toLine(l: RawLine): Seed004Line {
  const { low, high, ...rest } = l as RawLine & { resource?: Seed004Line['resource'] };
  return { ...rest, low: dec(low), high: dec(high) };
}

export const SEED_004_STACKS: readonly Seed004Stack[] = table.stacks.map((s) => ({
  id: s.id,
  title: s.title,
  lines: s.lines.map(toLine),
  total: { asPrinted: s.total.asPrinted, low: dec(s.total.low), high: dec(s.total.high) },
  alsoPrinted: s.alsoPrinted.map((a) => ({ where: a.where, asPrinted: a.asPrinted, low: dec(a.low), high: dec(a.high) })),
  notPriced: s.notPriced,
}));
