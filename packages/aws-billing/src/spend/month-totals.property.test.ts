import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dec, ZERO } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export-format/export-format.js';
import { expectedSums, SAMPLE_CHARGES, SAMPLE_MONTH, sampleRows, type SampleCharge } from '../testing/sample-month.js';
import { writeExportParquet } from '../testing/write-export.js';
import { readMonthSpend } from './read-month-spend.js';

// For any amounts (test data, up to 10 decimals) on the sample month's kinds of charge, both formats
// give the month's billed and effective totals computed from the charges, per charge kind too.
const root = mkdtempSync(join(tmpdir(), 'tier-planner-prop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const amount = fc.integer({ min: 0, max: 1_000_000_000_000 }).map((n) => dec(n).div(1e10).toFixed(10));
const templates = SAMPLE_CHARGES.filter((c) => c.month === SAMPLE_MONTH);

/** A template charge with new amounts, consistent with what its type means. */
function withAmounts(t: SampleCharge, x: string, y: string, upfront: string | null): SampleCharge {
  const neg = dec(x).negated().toFixed(10);
  switch (t.type) {
    case 'on_demand':
    case 'fee':
    case 'tax':
      return { ...t, billed: x, effective: x };
    case 'credit':
    case 'refund':
    case 'edp_discount':
      return { ...t, billed: neg, effective: neg };
    case 'sp_covered':
      return { ...t, onDemand: x, billed: '0', effective: y };
    case 'ri_covered':
      return { ...t, billed: '0', effective: y };
    case 'sp_recurring': {
      const unused = dec(y).lessThan(x) ? y : x;
      return { ...t, billed: x, unused, effective: unused };
    }
    case 'ri_fee':
      return { ...t, billed: x, unused: y, unusedUpfront: upfront, effective: dec(y).plus(upfront ?? '0').toFixed(10) };
    case 'sp_upfront':
    case 'ri_upfront':
      return { ...t, billed: x, effective: '0' };
  }
}

const charges = fc.array(fc.tuple(fc.constantFrom(...templates), amount, amount, fc.option(amount, { nil: null })), { minLength: 1, maxLength: 25 }).map((xs) => xs.map(([t, x, y, u]) => withAmounts(t, x, y, u)));

let run = 0;
async function monthOf(format: ExportFormat, cs: readonly SampleCharge[]) {
  const dir = join(root, `${run++}-${format}`);
  await writeExportParquet(join(dir, `BILLING_PERIOD=${SAMPLE_MONTH}`, 'part.parquet'), format, sampleRows(format, cs));
  const engine = await duckDbEngine({ path: dir, threads: 1 });
  try {
    return (await readMonthSpend(engine, { format, month: SAMPLE_MONTH })).lines;
  } finally {
    await engine.close();
  }
}

describe('month totals, for any amounts', () => {
  it('equal the charges on both bases and in both formats, and CUR 2.0 per charge kind', async () => {
    await fc.assert(
      fc.asyncProperty(charges, async (cs) => {
        for (const format of EXPORT_FORMATS) {
          const lines = await monthOf(format, cs);
          const total = expectedSums(() => 'month', SAMPLE_MONTH, cs).get('month')!;
          expect(lines.reduce((s, l) => s.plus(l.unblended), ZERO).toFixed(10)).toBe(total.unblended.toFixed(10));
          expect(lines.reduce((s, l) => s.plus(l.amortized), ZERO).toFixed(10)).toBe(total.amortized.toFixed(10));
          if (format === 'cur2') {
            for (const [kind, sums] of expectedSums((c) => c.charge, SAMPLE_MONTH, cs)) {
              const of = lines.filter((l) => l.charge === kind);
              expect([kind, of.reduce((s, l) => s.plus(l.amortized), ZERO).toFixed(10)]).toEqual([kind, sums.amortized.toFixed(10)]);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
