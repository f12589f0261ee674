// tier-planner actuals through the built bin, over CUR 2.0 and FOCUS 1.2 parquet written with DuckDB.
// Every amount in these fixtures is test data, not an AWS price: each row states the unblended and
// amortized cost AWS's rules give it, and the expected figures are summed from those statements.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dec, sum, type Decimal } from '@tier-planner/cost-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExportParquet, type ExportRow } from '../../packages/aws-billing/src/testing/write-export.js';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'tp-actuals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = 'eks-web-app-1000-users';
const planRun = runBin(['--users', '1000', '--profile', 'eks-web-app', '--date', '2026-11-15', '--json']);
const planFile = join(dir, 'plan.json');
writeFileSync(planFile, planRun.stdout);
const planByService = JSON.parse(planRun.stdout).monthly.byService as Record<string, string>;
const hoursPerMonth = JSON.parse(planRun.stdout).hoursPerMonth as number;

interface Fixture {
  readonly row: ExportRow;
  /** What the row is, by AWS's documented rules (stated by hand, not read from the output). */
  readonly service: string;
  readonly kind: string;
  readonly tag: string | null;
  readonly unblended: string;
  readonly amortized: string;
}

const tags = (v: string | null): Record<string, string> => (v === null ? {} : { 'user:tier-planner:plan': v });
const cur = (day: string, type: string, code: string, usageType: string, tag: string | null, cost: Record<string, number | string>): ExportRow => ({
  bill_billing_period_start_date: '2026-11-01 00:00:00',
  line_item_usage_start_date: `${day} 05:00:00`,
  line_item_line_item_type: type,
  line_item_product_code: code,
  line_item_usage_type: usageType,
  line_item_usage_account_id: '111111111111',
  resource_tags: tags(tag),
  ...cost,
});

const CUR2: readonly Fixture[] = [
  { row: cur('2026-11-01', 'Usage', 'AmazonEC2', 'BoxUsage:t3a.large', PLAN, { line_item_unblended_cost: 10.5 }), service: 'EC2', kind: 'usage', tag: PLAN, unblended: '10.5', amortized: '10.5' },
  { row: cur('2026-11-03', 'Usage', 'AmazonEC2', 'BoxUsage:t3a.large', PLAN, { line_item_unblended_cost: 4.25 }), service: 'EC2', kind: 'usage', tag: PLAN, unblended: '4.25', amortized: '4.25' },
  // Savings Plans: covered usage at its effective cost, the negation cancels the on-demand rate, the fee's unused part stays.
  { row: cur('2026-11-02', 'SavingsPlanCoveredUsage', 'AmazonEC2', 'BoxUsage:t3a.large', PLAN, { line_item_unblended_cost: 3, savings_plan_savings_plan_effective_cost: 2 }), service: 'EC2', kind: 'usage', tag: PLAN, unblended: '3', amortized: '2' },
  { row: cur('2026-11-02', 'SavingsPlanNegation', 'AmazonEC2', 'BoxUsage:t3a.large', PLAN, { line_item_unblended_cost: -3 }), service: 'EC2', kind: 'usage', tag: PLAN, unblended: '-3', amortized: '0' },
  { row: cur('2026-11-01', 'SavingsPlanRecurringFee', 'ComputeSavingsPlans', 'ComputeSP:1yrNoUpfront', null, { line_item_unblended_cost: 2.5, savings_plan_total_commitment_to_date: 2.5, savings_plan_used_commitment: 2 }), service: 'Other', kind: 'commitment_fee', tag: null, unblended: '2.5', amortized: '0.5' },
  // Reserved Instances: covered usage at the reservation's effective cost, the fee's unused part.
  { row: cur('2026-11-02', 'DiscountedUsage', 'AmazonRDS', 'InstanceUsage:db.m6g.large', PLAN, { line_item_unblended_cost: 0, reservation_effective_cost: 1.2 }), service: 'RDS', kind: 'usage', tag: PLAN, unblended: '0', amortized: '1.2' },
  { row: cur('2026-11-01', 'RIFee', 'AmazonRDS', 'HeavyUsage:db.m6g.large', null, { line_item_unblended_cost: 30, reservation_unused_amortized_upfront_fee_for_billing_period: 0.1, reservation_unused_recurring_fee: 0.2, reservation_reservation_a_r_n: 'arn:aws:rds:us-east-1:111111111111:ri:test' }), service: 'RDS', kind: 'commitment_fee', tag: null, unblended: '30', amortized: '0.3' },
  { row: cur('2026-11-03', 'Credit', 'AmazonEC2', 'BoxUsage:t3a.large', null, { line_item_unblended_cost: -1 }), service: 'EC2', kind: 'credit', tag: null, unblended: '-1', amortized: '-1' },
  { row: cur('2026-11-03', 'Refund', 'AmazonS3', 'TimedStorage-ByteHrs', PLAN, { line_item_unblended_cost: -0.5 }), service: 'S3', kind: 'refund', tag: PLAN, unblended: '-0.5', amortized: '-0.5' },
  { row: cur('2026-11-01', 'Tax', 'AmazonS3', '', null, { line_item_unblended_cost: 0.8 }), service: 'S3', kind: 'tax', tag: null, unblended: '0.8', amortized: '0.8' },
  { row: cur('2026-11-03', 'Usage', 'AmazonS3', 'TimedStorage-ByteHrs', 'another-plan', { line_item_unblended_cost: 7 }), service: 'S3', kind: 'usage', tag: 'another-plan', unblended: '7', amortized: '7' },
  { row: cur('2026-11-03', 'Usage', 'AmazonEC2', 'EBS:VolumeUsage.gp3', PLAN, { line_item_unblended_cost: 1.1 }), service: 'EBS', kind: 'usage', tag: PLAN, unblended: '1.1', amortized: '1.1' },
];

const focus = (day: string, category: string, serviceName: string, code: string, tag: string | null, billed: number, effective: number): ExportRow => ({
  BillingPeriodStart: '2026-11-01 00:00:00',
  ChargePeriodStart: `${day} 00:00:00`,
  ChargeCategory: category,
  ServiceName: serviceName,
  SubAccountId: '111111111111',
  BilledCost: billed,
  EffectiveCost: effective,
  Tags: tag === null ? {} : { 'tier-planner:plan': tag },
  x_ServiceCode: code,
  SkuMeter: '',
});

const FOCUS: readonly Fixture[] = [
  { row: focus('2026-11-04', 'Usage', 'Amazon Elastic Compute Cloud', 'AmazonEC2', PLAN, 20, 15), service: 'EC2', kind: 'usage', tag: PLAN, unblended: '20', amortized: '15' },
  { row: focus('2026-11-05', 'Usage', 'Amazon Elastic Kubernetes Service', 'AmazonEKS', PLAN, 2.4, 2.4), service: 'EKS', kind: 'usage', tag: PLAN, unblended: '2.4', amortized: '2.4' },
  { row: focus('2026-11-05', 'Purchase', 'Savings Plans for AWS Compute usage', 'ComputeSavingsPlans', null, 12, 0), service: 'Other', kind: 'commitment_fee', tag: null, unblended: '12', amortized: '0' },
  { row: focus('2026-11-06', 'Credit', 'Amazon Elastic Compute Cloud', 'AmazonEC2', null, -2, -2), service: 'EC2', kind: 'credit', tag: null, unblended: '-2', amortized: '-2' },
  { row: focus('2026-11-06', 'Tax', 'Amazon Elastic Compute Cloud', 'AmazonEC2', null, 1.5, 1.5), service: 'EC2', kind: 'tax', tag: null, unblended: '1.5', amortized: '1.5' },
];

const total = (fx: readonly Fixture[], pick: (f: Fixture) => boolean, basis: 'unblended' | 'amortized'): Decimal => sum(fx.filter(pick).map((f) => dec(f[basis])));

const curDir = join(dir, 'cur2');
const focusDir = join(dir, 'focus');
beforeAll(async () => {
  await writeExportParquet(join(curDir, 'BILLING_PERIOD=2026-11', 'part-0.parquet'), 'cur2', CUR2.map((f) => f.row));
  await writeExportParquet(join(focusDir, 'BILLING_PERIOD=2026-11', 'part-0.parquet'), 'focus', FOCUS.map((f) => f.row));
});

const json = (args: string[]) => {
  const r = runBin(['actuals', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, any>;
};

describe('tier-planner actuals --json', () => {
  for (const [format, fx, folder] of [['cur2', CUR2, curDir], ['focus', FOCUS, focusDir]] as const) {
    it(`${format}: per service, per kind of charge and per tag, both costs, exact`, () => {
      const doc = json(['--source', 'data-export', '--path', folder, '--format', format, '--month', '2026-11']);
      expect(doc.kind).toBe('tier-planner-actuals');
      expect([doc.month, doc.format, doc.engine]).toEqual(['2026-11', format, 'duckdb']);
      for (const basis of ['unblended', 'amortized'] as const) {
        const key = `${basis}Usd`;
        expect(doc.total[key]).toBe(total(fx, () => true, basis).toString());
        const services = [...new Set(fx.map((f) => f.service))];
        expect(Object.keys(doc.byService).sort()).toEqual(services.sort());
        for (const s of services) expect(dec(doc.byService[s][key]).equals(total(fx, (f) => f.service === s, basis)), `${s} ${basis}`).toBe(true);
        expect(Object.keys(doc.byCharge)).toEqual(['usage', 'commitment_fee', 'credit', 'refund', 'tax', 'discount', 'other']);
        for (const k of Object.keys(doc.byCharge)) expect(dec(doc.byCharge[k][key]).equals(total(fx, (f) => f.kind === k, basis)), `${k} ${basis}`).toBe(true);
        for (const t of doc.byTag) expect(dec(t[key]).equals(total(fx, (f) => f.tag === t.tagValue, basis))).toBe(true);
      }
      const untagged = doc.byTag.find((t: { tagValue: string | null }) => t.tagValue === null);
      expect(doc.byTag.at(-1)).toBe(untagged);
      expect(untagged.share).toBe(total(fx, (f) => f.tag === null, 'amortized').div(total(fx, () => true, 'amortized')).toString());
      const days = [...new Set(fx.map((f) => String(f.row.line_item_usage_start_date ?? f.row.ChargePeriodStart).slice(0, 10)))].sort();
      expect(doc.days).toEqual({ first: days[0], last: days.at(-1), count: days.length });
    });
  }

  it('--plan: per service actual against the plan expected to the end of the last day with data, and actual ÷ expected', () => {
    for (const basis of ['unblended', 'amortized'] as const) {
      const doc = json(['--path', curDir, '--format', 'cur2', '--month', '2026-11', '--plan', planFile, '--basis', basis]);
      const hours = 3 * 24; // the data's last day is the 3rd
      expect(doc.plan).toMatchObject({ tagValue: PLAN, basis, hoursElapsed: hours, hoursPerMonth });
      const byService = new Map(doc.plan.services.map((s: { service: string }) => [s.service, s]));
      for (const [service, monthly] of Object.entries(planByService)) {
        const expected = dec(monthly).times(hours).div(hoursPerMonth);
        const actual = total(CUR2, (f) => f.tag === PLAN && f.service === service, basis);
        const s = byService.get(service) as Record<string, string>;
        expect([s.expectedUsd, s.actualUsd]).toEqual([expected.toString(), actual.toString()]);
        if (expected.gt(0)) expect(s.varianceRatio).toBe(actual.div(expected).toString());
        else expect(s.varianceRatio).toBeUndefined();
      }
      // RDS is billed under the plan's tag but not in this plan: listed after the plan's services.
      expect(doc.plan.services.at(-1)).toMatchObject({ service: 'RDS', expectedUsd: '0', actualUsd: total(CUR2, (f) => f.tag === PLAN && f.service === 'RDS', basis).toString() });
      const actualTotal = total(CUR2, (f) => f.tag === PLAN, basis);
      expect(doc.plan.actualUsd).toBe(actualTotal.toString());
      expect(doc.plan.varianceRatio).toBe(actualTotal.div(dec(doc.plan.expectedUsd)).toString());
    }
  });

  it('--tag-value picks another tag value; --tag-key reads the export\'s own spelling only', () => {
    const other = json(['--path', curDir, '--format', 'cur2', '--month', '2026-11', '--plan', planFile, '--tag-value', 'another-plan']);
    expect(other.plan.actualUsd).toBe('7');
    const wrongKey = json(['--path', curDir, '--format', 'cur2', '--month', '2026-11', '--tag-key', 'user:team']);
    expect(wrongKey.byTag).toEqual([expect.objectContaining({ tagValue: null, share: '1' })]);
  });
});

describe('tier-planner actuals for a person', () => {
  it('prints the totals, the breakdowns, the days and the plan comparison', () => {
    const r = runBin(['actuals', '--path', curDir, '--format', 'cur2', '--month', '2026-11', '--plan', planFile, '--basis', 'unblended']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Days with data: 2026-11-01 – 2026-11-03 (3 days)');
    expect(r.stdout).toMatch(/^ {2}Commitment fees +\$32\.50 +\$0\.80$/m);
    expect(r.stdout).toMatch(/^ {2}\(untagged\) +\$32\.30 +\$0\.60 +\d+\.\d%$/m);
    expect(r.stdout).toContain(`Plan ${PLAN}, unblended cost, to the end of 2026-11-03 (72 of 730 plan hours):`);
    expect(r.stdout).toMatch(/^ {2}EC2 +\$14\.75 +\$[\d,.]+ +\d+\.\d\d×$/m);
    expect(r.stdout).not.toContain('No line carries this tag value');
    // Without --basis the plan is compared on amortized cost, as the exporter compares an export.
    const amortized = runBin(['actuals', '--path', curDir, '--format', 'cur2', '--month', '2026-11', '--plan', planFile]);
    expect(amortized.stdout).toContain(`Plan ${PLAN}, amortized cost, to the end of 2026-11-03 (72 of 730 plan hours):`);
    expect(amortized.stdout).toMatch(/^ {2}EC2 +\$16\.75 +\$[\d,.]+ +\d+\.\d\d×$/m);
    const none = runBin(['actuals', '--path', curDir, '--format', 'cur2', '--month', '2026-11', '--plan', planFile, '--tag-value', 'nobody']);
    expect(none.stdout).toContain('No line carries this tag value');
  });
});

describe('tier-planner actuals: bad input is one line', () => {
  const bad = (args: string[], status: number, message: RegExp) => {
    const r = runBin(['actuals', ...args]);
    expect(r.status, r.stdout + r.stderr).toBe(status);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^tier-planner: /);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  };
  const base = (path: string) => ['--path', path, '--format', 'cur2', '--month', '2026-11'];

  it('a missing folder, an empty folder', () => {
    bad(base(join(dir, 'nowhere')), 2, /export folder .*nowhere does not exist/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    bad(base(empty), 2, /holds no \.parquet file/);
  });

  it('a parquet file missing columns', async () => {
    const partial = join(dir, 'partial');
    await writeExportParquet(join(partial, 'x.parquet'), 'cur2', [CUR2[0]!.row].map(({ resource_tags: _, ...rest }) => rest), { omit: ['resource_tags', 'reservation_effective_cost'] });
    bad(base(partial), 2, /is not a CUR 2\.0 export: it lacks reservation_effective_cost, resource_tags/);
  });

  it('a corrupt file is an engine failure (exit 1), named', () => {
    const corrupt = join(dir, 'corrupt');
    mkdirSync(corrupt);
    writeFileSync(join(corrupt, 'x.parquet'), 'this is not parquet');
    bad(base(corrupt), 1, /DuckDB failed reading .*corrupt/);
  });

  it('a month with no data: no folder for it, or no line in a flat folder', async () => {
    bad(['--path', curDir, '--format', 'cur2', '--month', '2026-10'], 2, /no BILLING_PERIOD=2026-10.*it has 2026-11/);
    const flat = join(dir, 'flat');
    await writeExportParquet(join(flat, 'x.parquet'), 'cur2', [CUR2[0]!.row]);
    bad(['--path', flat, '--format', 'cur2', '--month', '2026-09'], 2, /the export has no line for 2026-09/);
  });

  it('bad --month, --format, --basis, --source; unknown flags; missing flags', () => {
    bad(['--path', curDir, '--format', 'cur2', '--month', '2026-13'], 2, /--month must be YYYY-MM, got "2026-13"/);
    bad(['--path', curDir, '--format', 'cur2'], 2, /needs --month/);
    bad(['--path', curDir, '--format', 'cur3', '--month', '2026-11'], 2, /--format must be one of cur2, focus, got "cur3"/);
    bad(['--path', curDir, '--month', '2026-11'], 2, /needs --format cur2\|focus/);
    bad([...base(curDir), '--basis', 'blended'], 2, /--basis must be one of unblended, amortized/);
    bad([...base(curDir), '--source', 'cost-explorer'], 2, /--source must be data-export or athena/);
    bad([...base(curDir), '--bogus'], 2, /unknown option '--bogus'/);
    bad(['--format', 'cur2', '--month', '2026-11'], 2, /needs --path DIR or s3:\/\/bucket\/prefix/);
    bad([...base(curDir), '--tag-value', 'x'], 2, /--tag-value .* give --plan/);
    bad([...base(curDir), '--plan', join(dir, 'no-plan.json')], 2, /cannot read plan file/);
    bad([...base(curDir), '--workgroup', 'primary'], 2, /--workgroup is for --source athena/);
    bad(['--path', 's3://', '--format', 'cur2', '--month', '2026-11'], 2, /is not an s3:\/\/bucket\/prefix/);
    bad([...base(curDir), '--cache-dir', join(dir, 'cache')], 2, /--cache-dir is for an s3:\/\/ --path/);
    bad([...base(curDir), '--profile', 'billing'], 2, /--profile is for an s3:\/\/ --path/);
    const s3 = ['--path', 's3://org-billing/cur2', '--format', 'cur2', '--month', '2026-11'];
    bad([...s3, '--s3-reader', 'rsync'], 2, /--s3-reader must be one of sync, httpfs, got "rsync"/);
    bad([...s3, '--s3-endpoint', 'localhost:9000'], 2, /--s3-endpoint must be an http\(s\):\/\/ URL/);
  });

  it('Athena flags are checked before anything is asked of AWS', () => {
    const athena = ['--source', 'athena', '--format', 'cur2', '--month', '2026-11', '--region', 'us-east-1'];
    bad([...athena, '--database', 'd', '--table', 't'], 2, /--source athena needs --workgroup/);
    bad([...athena, '--workgroup', 'w', '--table', 't'], 2, /--source athena needs --database/);
    bad([...athena, '--workgroup', 'w', '--database', 'd'], 2, /--source athena needs --table/);
    const full = [...athena, '--workgroup', 'w', '--database', 'd', '--table', 't'];
    bad([...full, '--path', curDir], 2, /--path is for --source data-export/);
    bad([...full, '--timeout', 'soon'], 2, /--timeout must be a duration/);
    bad([...full, '--athena-endpoint', 'localhost:9'], 2, /--athena-endpoint must be an http\(s\):\/\/ URL/);
    bad([...full, '--output-location', '/tmp/out'], 2, /--output-location must be an s3:\/\/ folder/);
    bad([...full, '--partition-column', 'a;b'], 2, /--partition-column must be a column name/);
    bad([...full, '--region', 'Mars'], 2, /--region must be an AWS region code/);
    const r = runBin(['actuals', '--source', 'athena', '--format', 'cur2', '--month', '2026-11', '--workgroup', 'w', '--database', 'd', '--table', 't'], { AWS_REGION: '', AWS_DEFAULT_REGION: '' });
    expect([r.status, r.stderr.trim()]).toEqual([2, 'tier-planner: --source athena needs --region (or AWS_REGION)']);
  });
});
