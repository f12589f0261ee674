import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BILLED_SERVICES, dec, listProfiles, loadPriceBook, planTier, sum, type LineItem, type Plan } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import { REQUIRED_COLUMNS } from '../export-format/export-format.js';
import { readMonthSpend } from '../spend/read-month-spend.js';
import { modelService } from '../spend/service-names.js';
import { FOCUS_FORECAST_COLUMNS } from './focus-columns.js';
import { focusCsv } from './focus-csv.js';
import { focusService, knownFocusServices } from './focus-service-names.js';
import { focusForecastRows, forecastByService, monthPeriod } from './forecast-rows.js';
import { writeFocusParquet } from './write-focus-parquet.js';
import { parseCsv } from '../testing/parse-csv.js';

const book = loadPriceBook({ region: 'us-east-1' });
const profiles = listProfiles().map((p) => p.name);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'focus-forecast-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('focusService (model service → FOCUS ServiceName)', () => {
  it('every service the cost model bills has a FOCUS name', () => {
    for (const s of BILLED_SERVICES) expect(knownFocusServices().has(s), s).toBe(true);
  });

  it('each name the actuals reader knows reads back as the same model service', () => {
    for (const [service, f] of knownFocusServices()) {
      if (f.assumed) expect(modelService(f.serviceName)).toBe('Other');
      else expect(modelService(f.serviceName), f.serviceName).toBe(service);
    }
  });

  it('AWS services are sold and billed by Amazon Web Services, GitHub Actions by GitHub', () => {
    expect(focusService('EC2').provider).toBe('Amazon Web Services');
    expect(focusService('GitHub Actions').provider).toBe('GitHub');
  });
});

describe('focusForecastRows', () => {
  it('rows sum exactly to the plan total and to each service, for every profile and tier', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.integer({ min: 1, max: 2_000_000 }), (profile, users) => {
        const plan = planTier({ users, profile }, book);
        const { rows, unpriced } = focusForecastRows(plan, { month: '2026-11' });
        expect(sum(rows.map((r) => r.EffectiveCost)).equals(plan.monthly.total)).toBe(true);
        expect(sum(rows.map((r) => r.BilledCost)).equals(plan.monthly.total)).toBe(true);
        expect(unpriced.length).toBe(plan.monthly.unpriced.length);
        const byService = forecastByService(rows);
        for (const [s, v] of plan.monthly.byService) expect((byService.get(s) ?? dec(0)).equals(v), s).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('one Usage row per priced line, charge period the whole month, tagged with the plan name', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
    const { rows } = focusForecastRows(plan, { month: '2026-02' });
    expect(rows.length).toBe(plan.lineItems.filter((l) => l.monthly !== undefined).length);
    for (const r of rows) {
      expect(r.ChargeCategory).toBe('Usage');
      expect([r.ChargePeriodStart, r.ChargePeriodEnd]).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
      expect(r.Tags).toEqual({ 'tier-planner:plan': 'eks-web-app-10000-users' });
      expect(r.RegionId).toBe('us-east-1');
    }
  });

  it('an upfront fee is a Purchase row of its monthly share; usage keeps the rest; the sum is unchanged', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
    const ec2 = plan.lineItems.find((l) => l.service === 'EC2' && l.monthly !== undefined)!;
    // Test data: a made-up upfront share of the line's cost, not an AWS price.
    const withFee: LineItem = { ...ec2, purchase: 'reserved 1yr standard Partial Upfront', upfront: { oneOffUsd: dec('120'), monthlyUsd: dec('10'), termMonths: 12 } };
    const changed = { ...plan, lineItems: plan.lineItems.map((l) => (l === ec2 ? withFee : l)) } as Plan;
    const { rows } = focusForecastRows(changed, { month: '2026-11' });
    const mine = rows.filter((r) => r.x_TierPlannerLineItem === `${ec2.resource}: ${ec2.component}`);
    expect(mine.map((r) => r.ChargeCategory)).toEqual(['Usage', 'Purchase']);
    expect(mine[1]!.EffectiveCost.toString()).toBe('10');
    expect(mine[0]!.EffectiveCost.equals(ec2.monthly!.minus(10))).toBe(true);
    expect(mine[0]!.ListCost).toBeUndefined();
    expect(sum(rows.map((r) => r.EffectiveCost)).equals(plan.monthly.total)).toBe(true);
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthPeriod('2026-13')).toThrow(/YYYY-MM/);
    expect(() => monthPeriod('26-11')).toThrow(/YYYY-MM/);
  });
});

describe('focusCsv', () => {
  it('parses back to the same cells, header first (RFC 4180 quoting)', () => {
    const plan = planTier({ users: 100_000, profile: 'microservices-mysql' }, book);
    const { rows } = focusForecastRows(plan, { month: '2026-11', planName: 'a "quoted", plan' });
    const records = parseCsv(focusCsv(rows));
    expect(records[0]).toEqual(FOCUS_FORECAST_COLUMNS.map(([n]) => n));
    expect(records.length).toBe(rows.length + 1);
    const col = (name: string) => records[0]!.indexOf(name);
    records.slice(1).forEach((rec, i) => {
      expect(rec.length).toBe(FOCUS_FORECAST_COLUMNS.length);
      expect(rec[col('EffectiveCost')]).toBe(rows[i]!.EffectiveCost.toString());
      expect(JSON.parse(rec[col('Tags')]!)).toEqual({ 'tier-planner:plan': 'a "quoted", plan' });
      expect(rec[col('x_TierPlannerLineItem')]).toBe(rows[i]!.x_TierPlannerLineItem);
    });
    expect(sum(records.slice(1).map((r) => dec(r[col('EffectiveCost')]!))).equals(plan.monthly.total)).toBe(true);
  });
});

describe('writeFocusParquet', () => {
  it('writes FOCUS column names and types, and nothing but the file', async () => {
    const dir = tempDir();
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
    const file = join(dir, 'forecast.parquet');
    await writeFocusParquet(file, focusForecastRows(plan, { month: '2026-11' }).rows);
    expect(readdirSync(dir)).toEqual(['forecast.parquet']);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
    const schema = (await c.runAndReadAll(`SELECT name, converted_type FROM parquet_schema('${file}')`)).getRowObjectsJson();
    c.closeSync();
    db.closeSync();
    const types = Object.fromEntries(described.map((r) => [r.column_name, r.column_type]));
    expect(types).toMatchObject({ BilledCost: 'DOUBLE', EffectiveCost: 'DOUBLE', ChargePeriodStart: 'TIMESTAMP', BillingPeriodStart: 'TIMESTAMP', Tags: 'MAP(VARCHAR, VARCHAR)', ServiceName: 'VARCHAR' });
    for (const c of REQUIRED_COLUMNS.focus) expect(Object.keys(types)).toContain(c);
    // AWS's dictionary types the periods timestamp_milliseconds: the parquet unit is milliseconds.
    const units = Object.fromEntries(schema.map((r) => [r.name, r.converted_type]));
    expect([units.ChargePeriodStart, units.ChargePeriodEnd, units.BillingPeriodStart, units.BillingPeriodEnd]).toEqual(Array(4).fill('TIMESTAMP_MILLIS'));
  });

  it('reads back through readMonthSpend as the plan per service (forecast and actuals in one schema)', async () => {
    for (const profile of ['eks-web-app', 'fintech-fargate-jenkins', 'nextjs-nestjs-postgres']) {
      const dir = tempDir();
      const plan = planTier({ users: 250_000, profile }, book);
      const { rows } = focusForecastRows(plan, { month: '2026-11' });
      mkdirSync(join(dir, 'BILLING_PERIOD=2026-11'));
      await writeFocusParquet(join(dir, 'BILLING_PERIOD=2026-11', 'forecast.parquet'), rows);
      const engine = await duckDbEngine({ path: dir });
      const spend = await readMonthSpend(engine, { format: 'focus', month: '2026-11' });
      await engine.close();
      const read = new Map<string, ReturnType<typeof dec>>();
      for (const l of spend.lines) {
        expect(l.tagValue).toBe(`${profile}-250000-users`);
        read.set(l.service, (read.get(l.service) ?? dec(0)).plus(l.amortized));
      }
      // Parquet holds doubles, which the reader rounds to 10 places: each service agrees to its rows × 1e-10.
      for (const [s, v] of plan.monthly.byService) {
        const key = focusService(s).assumed ? 'Other' : s;
        if (key === 'Other') continue;
        const n = rows.filter((r) => r.x_TierPlannerService === s).length;
        expect((read.get(key) ?? dec(0)).minus(v).abs().lte(dec(n).times('1e-10')), `${profile} ${s}`).toBe(true);
      }
      expect(sum(spend.lines.map((l) => l.amortized)).minus(plan.monthly.total).abs().lte(dec(rows.length).times('1e-10'))).toBe(true);
    }
  });
});

describe('docs/focus-forecast.md', () => {
  it('lists the ServiceName and ServiceCategory of every model service the reader knows, as the code has them', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../../docs/focus-forecast.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('| Model service |'));
    const rows = new Map([...table.matchAll(/^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$/gm)].slice(2).map((m) => [m[1], [m[2], m[3]]]));
    const known = [...knownFocusServices()].filter(([, f]) => !f.assumed);
    expect(rows.size).toBe(known.length);
    for (const [service, f] of known) expect(rows.get(service), service).toEqual([f.serviceName, f.serviceCategory]);
  });
});
