// Seed 004's cost breakdowns as written and priced from the book, as Markdown (tier-planner
// compare --profile seed-004-stacks, and docs/seed-ladder.md). Every figure is computed.
import type { PriceBook } from '../pricing/price-book.js';
import { compareSeed004, type Seed004Verdict } from './compare-seed-004.js';
import { qty, unitUsd, usd } from './format.js';
import { SEED_004 } from './seed-004-stacks.js';

const row = (cells: readonly string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
const table = (head: readonly string[], body: readonly (readonly string[])[]): string[] => [row(head), row(head.map(() => '---')), ...body.map(row)];

const VERDICT: Readonly<Record<Seed004Verdict, string>> = {
  low: '**low**',
  high: '**high**',
  within: 'within',
  'floor-below': 'list below, part unpriced',
  unpriced: 'unpriced',
};

export function seed004Report(book: PriceBook, heading = '#'): string {
  const stacks = compareSeed004(book);
  const out: string[] = [
    `${heading} Seed 004's cost breakdowns, as written and at list prices`,
    '',
    'Seed 004 (week 7 of a trading-system course) prices two stacks as ranges: ECS Fargate with RDS, ElastiCache and',
    'MSK, and a self-managed Kubernetes cluster. tier-planner keeps each line as printed (`src/seed/seed-004-stacks.json`)',
    'and prices only what a line states (`compareSeed004()`), on demand, from the price book: a line that gives no size',
    'stays unpriced with its reason; a choice the seed leaves open is a named assumption. A range is **low** when the',
    'list price is above its top, **high** when below its bottom; the % is of the list price.',
    '',
    `Price book: ${book.region} (${book.origin.kind} snapshot), ${stacks[0]?.hoursPerMonth ?? 730} hours a month. ${SEED_004.figures}`,
    '',
  ];
  for (const s of stacks) {
    out.push(`${heading}# ${s.title}`, '');
    out.push(
      ...table(
        ['Line as printed', 'Seed', 'What it states', 'List price', 'Verdict', '% off (near / far end)'],
        s.lines.map((l) => [l.asPrinted, `${usd(l.seedLow)}–${usd(l.seedHigh)}`, l.written, l.listUsd ? `${usd(l.listUsd)}${l.leftOut ? ' (part)' : ''}` : '—', VERDICT[l.verdict], l.percentOff ? `${l.percentOff.nearEnd.toFixed(1)}% / ${l.percentOff.farEnd.toFixed(1)}%` : '']),
      ),
      '',
    );
    const priced = s.lines.filter((l) => l.lineItems.length);
    if (priced.length) {
      out.push(...table(['Line', 'Component', 'Quantity', 'Unit price', 'Monthly'], priced.flatMap((l) => l.lineItems.map((i) => [l.item, i.component, `${qty(i.quantity)} ${i.unit}`, i.unitPrice ? unitUsd(i.unitPrice) : 'unpriced', i.monthly ? usd(i.monthly) : '—']))), '');
    }
    const notes = s.lines.flatMap((l) => [...(l.assumption ? [`${l.item}: ${l.assumption}.`] : []), ...(l.leftOut ? [`${l.item}: left out, not priced at zero: ${l.leftOut}.`] : []), ...(l.unpriced ? [`${l.item}: not priced: ${l.unpriced}.`] : [])]);
    if (notes.length) out.push(...notes.map((n) => `- ${n}`), '');
    out.push('Findings:', '', ...s.findings.map((f) => `- ${f}`), '');
  }
  return out.join('\n');
}
