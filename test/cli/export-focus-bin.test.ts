// tier-planner export-focus through the built bin: the plan's forecast as FOCUS 1.2 CSV and parquet,
// read back (CSV parsed, parquet through DuckDB and through tier-planner actuals --format focus).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { dec, sum } from '@tier-planner/cost-model';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { parseCsv } from '../../packages/aws-billing/src/testing/parse-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'tp-export-focus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const planOf = (args: string[], name: string) => {
  const r = runBin([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  const file = join(dir, name);
  writeFileSync(file, r.stdout);
  return { file, doc: JSON.parse(r.stdout) as { monthly: { total: string; byService: Record<string, string> }; lineItems: { monthly?: string }[] } };
};
const eks = planOf(['--users', '100000', '--profile', 'eks-web-app', '--date', '2026-11-15'], 'eks.json');
const fargate = planOf(['--users', '100000', '--profile', 'fintech-fargate-jenkins'], 'fargate.json');

describe('tier-planner export-focus', () => {
  it('CSV on stdout: a header of FOCUS columns, one row per priced line, summing exactly to the plan', () => {
    const r = runBin(['export-focus', eks.file]);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    const at = (name: string) => header!.indexOf(name);
    for (const c of ['ProviderName', 'ServiceName', 'ChargeCategory', 'ChargePeriodStart', 'BillingPeriodEnd', 'ListCost', 'BilledCost', 'EffectiveCost', 'Tags', 'x_TierPlannerSource']) expect(at(c), c).toBeGreaterThanOrEqual(0);
    expect(rows.length).toBe(eks.doc.lineItems.filter((l) => l.monthly !== undefined).length);
    expect(sum(rows.map((row) => dec(row[at('EffectiveCost')]!))).toString()).toBe(dec(eks.doc.monthly.total).toString());
    for (const row of rows) {
      expect(row[at('ChargePeriodStart')]).toBe('2026-11-01T00:00:00.000Z');
      expect(row[at('BillingPeriodEnd')]).toBe('2026-12-01T00:00:00.000Z');
      expect(row[at('BillingCurrency')]).toBe('USD');
      expect(JSON.parse(row[at('Tags')]!)).toEqual({ 'tier-planner:plan': 'eks-web-app-100000-users' });
    }
  });

  it('--month overrides the plan date; a plan without a date needs it', () => {
    const r = runBin(['export-focus', fargate.file, '--month', '2027-02']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2027-02-01T00:00:00.000Z,2027-03-01T00:00:00.000Z');
    const none = runBin(['export-focus', fargate.file]);
    expect([none.status, none.stderr]).toEqual([2, `tier-planner: ${fargate.file} has no date: give --month YYYY-MM\n`]);
  });

  it('parquet with --out: FOCUS names and types, written whole (no temporary file left)', async () => {
    const out = join(dir, 'pq');
    mkdirSync(out);
    const file = join(out, 'forecast.parquet');
    const r = runBin(['export-focus', eks.file, '--format', 'parquet', '--out', file]);
    expect([r.status, r.stdout], r.stderr).toEqual([0, '']);
    expect(readdirSync(out)).toEqual(['forecast.parquet']);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const types = Object.fromEntries((await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson().map((x) => [x.column_name, x.column_type]));
    const rows = (await c.runAndReadAll(`SELECT count(*)::VARCHAR AS n, sum(CAST(EffectiveCost AS DECIMAL(38,10)))::VARCHAR AS effective FROM read_parquet('${file}')`)).getRowObjectsJson()[0]!;
    c.closeSync();
    db.closeSync();
    expect(types).toMatchObject({ ServiceName: 'VARCHAR', ChargeCategory: 'VARCHAR', BilledCost: 'DOUBLE', EffectiveCost: 'DOUBLE', ListCost: 'DOUBLE', ChargePeriodStart: 'TIMESTAMP', Tags: 'MAP(VARCHAR, VARCHAR)' });
    const n = Number(rows.n);
    expect(dec(rows.effective as string).minus(eks.doc.monthly.total).abs().lte(dec(n).times('1e-10'))).toBe(true);
  });

  it('the parquet reads back through tier-planner actuals --format focus as the plan, service by service', () => {
    const exportDir = join(dir, 'as-export');
    mkdirSync(join(exportDir, 'BILLING_PERIOD=2026-11'), { recursive: true });
    const w = runBin(['export-focus', eks.file, '--format', 'parquet', '--out', join(exportDir, 'BILLING_PERIOD=2026-11', 'forecast.parquet')]);
    expect(w.status, w.stderr).toBe(0);
    const r = runBin(['actuals', '--path', exportDir, '--format', 'focus', '--month', '2026-11', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { byService: Record<string, { amortizedUsd: string; unblendedUsd: string }>; byTag: { tagValue: string }[] };
    expect(doc.byTag.map((t) => t.tagValue)).toEqual(['eks-web-app-100000-users']);
    const lines = eks.doc.lineItems.filter((l) => l.monthly !== undefined).length;
    for (const [service, monthly] of Object.entries(eks.doc.monthly.byService)) {
      if (dec(monthly).isZero()) continue;
      expect(dec(doc.byService[service]!.amortizedUsd).minus(monthly).abs().lte(dec(lines).times('1e-10')), service).toBe(true);
    }
  });

  it('--out FILE writes CSV there', () => {
    const file = join(dir, 'forecast.csv');
    const r = runBin(['export-focus', eks.file, '--out', file]);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe(runBin(['export-focus', eks.file]).stdout);
  });

  it.each([
    [['--format', 'parquet'], /--format parquet needs --out FILE/],
    [['--format', 'xlsx'], /--format must be one of csv, parquet, got "xlsx"/],
    [['--month', '2026-1'], /--month must be YYYY-MM/],
    [['--out', '/no/such/folder/f.csv'], /folder \/no\/such\/folder does not exist/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('bad input %j exits 2 with one line', (args, message) => {
    const r = runBin(['export-focus', eks.file, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a missing or foreign plan file exits 2', () => {
    expect(runBin(['export-focus', join(dir, 'none.json')]).stderr).toMatch(/^tier-planner: cannot read plan file/);
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, '{"kind":"something-else"}');
    const r = runBin(['export-focus', foreign]);
    expect([r.status, r.stderr]).toEqual([2, `tier-planner: ${foreign} is not a tier-planner plan (write one with tier-planner --users N --json)\n`]);
    expect(runBin(['export-focus']).status).toBe(2);
  });
});
