import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dec, ZERO, type Decimal } from '@tier-planner/cost-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export-format/export-format.js';
import { expectedSums, focusRows, SAMPLE_CHARGES, SAMPLE_MONTH, SAMPLE_TAG_SPELLINGS, sampleDay, writeSampleExport, type SampleCharge } from '../testing/sample-month.js';
import { writeExportParquet } from '../testing/write-export.js';
import { readMonthSpend } from './read-month-spend.js';
import type { MonthSpend, SpendLine } from './spend-types.js';

// Real DuckDB over the sample month (test data, not AWS prices) written as both formats.
let root: string;
const spend = new Map<string, MonthSpend>();
const dirOf = (format: ExportFormat, layout: 'periods' | 'flat') => join(root, `${format}-${layout}`);

async function read(path: string, format: ExportFormat, extra: { tagKey?: string; exactTagKey?: string; month?: string } = {}): Promise<MonthSpend> {
  const engine = await duckDbEngine({ path, threads: 1 });
  try {
    return await readMonthSpend(engine, { format, month: extra.month ?? SAMPLE_MONTH, ...extra });
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tier-planner-sample-'));
  for (const format of EXPORT_FORMATS) {
    await writeSampleExport(dirOf(format, 'periods'), format, 'periods');
    await writeSampleExport(dirOf(format, 'flat'), format, 'flat');
    spend.set(format, await read(dirOf(format, 'periods'), format));
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const UNTAGGED = '(untagged)';
function sumsOf(lines: readonly SpendLine[], key: (l: SpendLine) => string): Map<string, { unblended: Decimal; amortized: Decimal }> {
  const out = new Map<string, { unblended: Decimal; amortized: Decimal }>();
  for (const l of lines) {
    const k = key(l);
    const s = out.get(k) ?? { unblended: ZERO, amortized: ZERO };
    out.set(k, { unblended: s.unblended.plus(l.unblended), amortized: s.amortized.plus(l.amortized) });
  }
  return out;
}
const asText = (m: Map<string, { unblended: Decimal; amortized: Decimal }>) =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { unblended: v.unblended.toFixed(10), amortized: v.amortized.toFixed(10) }]));

const focusCharge = (c: SampleCharge) => c.focusCharge ?? c.charge;
const groupings: ReadonlyArray<[string, (l: SpendLine) => string, (c: SampleCharge, f: ExportFormat) => string]> = [
  ['plan tag', (l) => l.tagValue ?? UNTAGGED, (c) => c.plan ?? UNTAGGED],
  ['service', (l) => l.service, (c) => c.service],
  ['account', (l) => l.accountId, (c) => c.account],
  ['day', (l) => l.day, (c) => sampleDay(c)],
  ['charge kind', (l) => l.charge, (c, f) => (f === 'cur2' ? c.charge : focusCharge(c))],
  ['plan and service', (l) => `${l.tagValue ?? UNTAGGED}/${l.service}`, (c) => `${c.plan ?? UNTAGGED}/${c.service}`],
];

describe.each(EXPORT_FORMATS)('readMonthSpend on DuckDB, %s', (format) => {
  it.each(groupings)('sums by %s match the charges, on both cost bases', (_, lineKey, chargeKey) => {
    expect(asText(sumsOf(spend.get(format)!.lines, lineKey))).toEqual(asText(expectedSums((c) => chargeKey(c, format))));
  });

  it('reads a folder holding both months as one file: only the month asked counts', async () => {
    const flat = await read(dirOf(format, 'flat'), format);
    expect(asText(sumsOf(flat.lines, () => 'month'))).toEqual(asText(expectedSums(() => 'month')));
  });

  it('reads the previous month on its own', async () => {
    const previous = await read(dirOf(format, 'periods'), format, { month: '2026-10' });
    expect(asText(sumsOf(previous.lines, () => 'month'))).toEqual(asText(expectedSums(() => 'month', '2026-10')));
  });

  it('counts covered usage at its effective cost once, its negation and its commitment fees not again', () => {
    const lines = spend.get(format)!.lines;
    const covered = lines.filter((l) => l.day === `${SAMPLE_MONTH}-10` && l.usageType === 'USE1-BoxUsage:c7g.xlarge');
    expect(covered.map((l) => [l.charge, l.unblended.toFixed(4), l.amortized.toFixed(4)])).toEqual([['usage', '0.0000', '13.6000']]);
    const fees = lines.filter((l) => l.charge === 'commitment_fee' && l.awsService !== 'AmazonRoute53' && l.awsService !== 'Amazon Route 53');
    const billed = fees.reduce((s, l) => s.plus(l.unblended), ZERO);
    const amortized = fees.reduce((s, l) => s.plus(l.amortized), ZERO);
    // Billed: SP recurring 25 + SP upfront 100 + RI fees 15 + 10 + RI upfront 240; amortized: only the unused parts 6.2 + 3.3 + 0.75.
    expect([billed.toFixed(4), amortized.toFixed(4)]).toEqual(['390.0000', '10.2500']);
  });
});

describe('CUR 2.0 and FOCUS 1.2 of the same month', () => {
  it.each(groupings.filter(([name]) => name !== 'charge kind'))('give the same sums by %s', (_, lineKey) => {
    expect(asText(sumsOf(spend.get('focus')!.lines, lineKey))).toEqual(asText(sumsOf(spend.get('cur2')!.lines, lineKey)));
  });

  it('give the same month totals on both bases', () => {
    const total = (f: ExportFormat) => asText(sumsOf(spend.get(f)!.lines, () => 'month'));
    expect(total('focus')).toEqual(total('cur2'));
    expect(total('cur2')).toEqual(asText(expectedSums(() => 'month')));
  });
});

describe('the fixture can catch double counting', () => {
  // If a reader counted negations, upfront fees or the used part of a commitment again, its totals
  // would move by these amounts; none of them is zero, so the sum tests above would fail.
  const month = SAMPLE_CHARGES.filter((c) => c.month === SAMPLE_MONTH);
  const total = (pick: (c: SampleCharge) => string | undefined | null) => month.reduce((s, c) => s.plus(pick(c) ?? '0'), ZERO);
  it('has covered usage, upfront fees and used commitment that are not zero', () => {
    expect(total((c) => (c.type === 'sp_covered' ? c.onDemand : undefined)).isZero()).toBe(false);
    expect(total((c) => (c.type === 'sp_upfront' || c.type === 'ri_upfront' ? c.billed : undefined)).isZero()).toBe(false);
    expect(total((c) => (c.type === 'sp_recurring' ? dec(c.billed).minus(c.unused!).toString() : undefined)).isZero()).toBe(false);
  });
});

describe('plan tag spellings', () => {
  it.each(EXPORT_FORMATS)('%s: every spelling in the sample is found with the default key', (format) => {
    const tagged = new Set(spend.get(format)!.lines.map((l) => l.tagValue));
    expect([...tagged].sort()).toEqual(['checkout', 'search', null].sort());
    expect(SAMPLE_TAG_SPELLINGS[format].length).toBe(2);
  });

  it.each(EXPORT_FORMATS)('%s: exactTagKey reads one spelling only', async (format) => {
    const exact = await read(dirOf(format, 'periods'), format, { exactTagKey: SAMPLE_TAG_SPELLINGS[format][1]! });
    const expected = expectedSums((c) => (c.plan !== null && c.spelling === 1 ? c.plan : UNTAGGED));
    expect(asText(sumsOf(exact.lines, (l) => l.tagValue ?? UNTAGGED))).toEqual(asText(expected));
  });

  it('another tag key groups by that tag instead (user_team on one line)', async () => {
    const other = await read(dirOf('cur2', 'periods'), 'cur2', { tagKey: 'team' });
    expect(asText(sumsOf(other.lines, (l) => l.tagValue ?? UNTAGGED))).toEqual(asText(expectedSums((c) => c.otherTags?.user_team ?? UNTAGGED)));
  });
});

describe('FOCUS commitment fees in either row shape', () => {
  it('a fee written as one Usage row marked Unused (billed the fee, effective the unused part) counts as Purchase + Unused rows do', async () => {
    const fees = SAMPLE_CHARGES.filter((c) => c.month === SAMPLE_MONTH && (c.type === 'sp_recurring' || c.type === 'ri_fee'));
    const oneRow = fees.map((c) => {
      const [purchase, unused] = focusRows(c);
      return { ...unused!, BilledCost: purchase!.BilledCost ?? null };
    });
    const dir = join(root, 'focus-one-row-fees');
    await writeExportParquet(join(dir, `BILLING_PERIOD=${SAMPLE_MONTH}`, 'part.parquet'), 'focus', oneRow);
    const lines = (await read(dir, 'focus')).lines;
    const expected = expectedSums((c) => c.charge, SAMPLE_MONTH, fees);
    expect(asText(sumsOf(lines, (l) => l.charge))).toEqual(asText(expected));
  });
});
