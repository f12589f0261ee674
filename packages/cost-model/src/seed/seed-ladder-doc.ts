// docs/seed-ladder.md: seed 000's ladder report, then seed 004's stacks as a section of the same page.
import type { PriceBook } from '../pricing/price-book.js';
import { seed004Report } from './seed-004-report.js';
import { seedLadderReport } from './seed-ladder-report.js';

export function seedLadderDoc(book: PriceBook): string {
  return `${seedLadderReport(book)}\n${seed004Report(book, '##')}`;
}
