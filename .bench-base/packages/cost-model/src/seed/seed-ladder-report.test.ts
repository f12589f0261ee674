import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { seedLadderReport } from './seed-ladder-report.js';

const DOC = new URL('../../../../docs/seed-ladder.md', import.meta.url);

describe('docs/seed-ladder.md', () => {
  it('is the current output of seedLadderReport (regenerate it when this fails)', () => {
    const report = seedLadderReport(loadPriceBook({ region: 'us-east-1' }));
    expect(readFileSync(DOC, 'utf8')).toBe(report);
  });
});
