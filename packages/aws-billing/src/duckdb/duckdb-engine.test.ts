import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingError } from '../billing-error.js';
import type { ExportFormat } from '../export-format/export-format.js';
import { readMonthSpend } from '../spend/read-month-spend.js';
import { SAMPLE_MONTH, sampleRows, writeSampleExport } from '../testing/sample-month.js';
import { writeExportParquet } from '../testing/write-export.js';
import { duckDbEngine } from './duckdb-engine.js';

let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tier-planner-bad-'));
  await writeSampleExport(join(root, 'periods'), 'cur2', 'periods');
  await writeSampleExport(join(root, 'flat'), 'focus', 'flat');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function failure(path: string, format: ExportFormat, month = SAMPLE_MONTH): Promise<BillingError> {
  const engine = await duckDbEngine({ path, threads: 1 });
  try {
    await readMonthSpend(engine, { format, month });
  } catch (e) {
    expect(e).toBeInstanceOf(BillingError);
    const err = e as BillingError;
    expect(err.message).not.toContain('\n');
    return err;
  } finally {
    await engine.close();
  }
  throw new Error('expected a BillingError');
}

describe('bad export folders give one-line BillingErrors', () => {
  it('a missing folder', async () => {
    const e = await failure(join(root, 'nowhere'), 'cur2');
    expect([e.reason, e.message]).toEqual(['bad_input', `export folder ${join(root, 'nowhere')} does not exist`]);
  });

  it('a path that is a file', async () => {
    const file = join(root, 'a-file.txt');
    writeFileSync(file, 'x');
    expect((await failure(file, 'cur2')).message).toMatch(/is not a folder/);
  });

  it('an empty folder', async () => {
    const dir = join(root, 'empty');
    mkdirSync(join(dir, 'BILLING_PERIOD=2026-11'), { recursive: true });
    const e = await failure(dir, 'cur2');
    expect([e.reason, e.message]).toEqual(['bad_input', `export folder ${dir} holds no .parquet file`]);
  });

  it('a parquet lacking columns names them', async () => {
    const dir = join(root, 'lacking');
    await writeExportParquet(join(dir, 'part.parquet'), 'cur2', sampleRows('cur2').slice(0, 3), { omit: ['resource_tags', 'reservation_effective_cost'] });
    const e = await failure(dir, 'cur2');
    expect(e.reason).toBe('bad_input');
    expect(e.message).toBe(`${dir} is not a CUR 2.0 export: it lacks reservation_effective_cost, resource_tags`);
  });

  it('a FOCUS export read as CUR 2.0 is refused by its columns', async () => {
    const e = await failure(join(root, 'flat'), 'cur2');
    expect(e.reason).toBe('bad_input');
    expect(e.message).toMatch(/is not a CUR 2\.0 export: it lacks bill_billing_period_start_date, /);
  });

  it('a corrupt file', async () => {
    const dir = join(root, 'corrupt', 'BILLING_PERIOD=2026-11');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'part-0.parquet'), randomBytes(4096));
    const e = await failure(join(root, 'corrupt'), 'cur2');
    expect(e.reason).toBe('query_failed');
    expect(e.message).toMatch(/^DuckDB failed reading .*corrupt: /);
  });

  it('a month with no BILLING_PERIOD folder lists the months there are', async () => {
    const e = await failure(join(root, 'periods'), 'cur2', '2026-09');
    expect(e.reason).toBe('no_data');
    expect(e.message).toMatch(/has no BILLING_PERIOD=2026-09.; it has 2026-10, 2026-11$/);
  });

  it('a month with no line in a flat folder', async () => {
    const e = await failure(join(root, 'flat'), 'focus', '2026-09');
    expect([e.reason, e.message]).toEqual(['no_data', 'the export has no line for 2026-09']);
  });
});
