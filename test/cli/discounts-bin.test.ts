// --discount and --prices through the built bin: every adjusted line shows its list price, the
// discount or override and where it came from, in every format; bad values are one line, exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { dec } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const schema = JSON.parse(readFileSync(new URL('../../packages/planner-tui/schema/plan.v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'tier-planner-prices-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
type Line = { service: string; monthly?: string; price: { kind: string; instanceType?: string; purchase?: string; key?: string }; adjustment?: { listMonthly?: string; steps: { kind: string; from: string; note?: string; percent?: string; changeUsd?: string }[] } };
const plan = (...args: string[]) => {
  const r = runBin(['--users', '100000', '--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const list = plan();
const ec2 = list.lineItems.find((i: Line) => i.service === 'EC2') as Line;
const ec2Key = `ec2/${ec2.price.instanceType}/${ec2.price.purchase}`;

describe('--discount', () => {
  it('takes a per-service discount, then the EDP, on every affected line, in the plan file (and it matches the schema)', () => {
    const p = plan('--discount', 'EC2=10%', '--discount', 'edp=6%');
    expect(validate(p), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    p.lineItems.forEach((line: Line, i: number) => {
      const before = list.lineItems[i] as Line;
      if (before.monthly === undefined || line.service === 'GitHub Actions') return expect(line.adjustment).toBeUndefined();
      expect(line.adjustment!.listMonthly).toBe(before.monthly);
      const s = line.service === 'EC2' ? dec(before.monthly).times('0.9') : dec(before.monthly);
      expect(line.monthly).toBe(s.minus(s.times('0.06')).toFixed());
      expect(line.adjustment!.steps.map((x) => x.from)).toEqual([...(line.service === 'EC2' ? ['--discount EC2=10%'] : []), '--discount edp=6%']);
    });
    expect(p.priceAdjustments).toMatchObject({ edp: { percent: '6' }, services: [{ service: 'EC2', percent: '10' }] });
  });

  it('shows the list price, the discount and where it came from in text, Markdown and CSV', () => {
    const text = runBin(['--users', '100000', '--print', '--discount', 'ec2=10%']).stdout;
    expect(text).toMatch(/^Discounts and price overrides: \d+ lines? changed, list \$[\d,.]+, -\$[\d,.]+ a month/m);
    expect(text).toMatch(/^ {2}EC2 · .*: list \$[\d,.]+ \(\$[\d.]+ per unit\) → \$[\d,.]+: 10% off EC2 \(--discount ec2=10%\) -\$[\d,.]+$/m);
    const md = runBin(['--users', '100000', '--format', 'markdown', '--discount', 'edp=6%']).stdout;
    expect(md).toMatch(/^\*\*Discounts and price overrides:\*\* /m);
    expect(md).toMatch(/^- EKS · .*6% EDP \(--discount edp=6%\)/m);
    const csv = runBin(['--users', '100000', '--format', 'csv', '--discount', 'EC2=10%']).stdout.split('\r\n');
    expect(csv[0]).toBe('service,resource,component,quantity,unit,unit_price_usd,monthly_usd,price_key,price_as_of,unpriced_reason,list_monthly_usd,adjustment');
    const row = csv.find((l) => l.startsWith('EC2,'))!;
    expect(row).toContain(`,${ec2.monthly},`);
    expect(row).toContain('10% off EC2 (--discount EC2=10%)');
    // Without adjustments the CSV keeps its columns.
    expect(runBin(['--users', '10', '--format', 'csv']).stdout.split('\r\n')[0]).toBe('service,resource,component,quantity,unit,unit_price_usd,monthly_usd,price_key,price_as_of,unpriced_reason');
  });

  it('the ladder and compare-regions price their tiers and regions after the discounts, and say so', () => {
    const ladder = JSON.parse(runBin(['ladder', '--users', '100,100000', '--json', '--discount', 'edp=6%']).stdout);
    const tier = ladder.tiers.find((t: { users: number }) => t.users === 100000);
    expect(tier.monthly.total).toBe(plan('--discount', 'edp=6%').monthly.total);
    expect(runBin(['ladder', '--users', '100,100000', '--discount', 'edp=6%']).stdout).toContain('Prices after --discount edp=6% (overrides first');
    expect(runBin(['compare-regions', '--regions', 'us-east-1', '--users', '100', '--discount', 'EC2=5%']).stdout).toContain('Prices after --discount EC2=5%');
  });

  it.each([
    [['--discount', 'edp=150%'], 'tier-planner: --discount edp: the discount must be a percentage from 0 up to 100 (for example 6%), got "150%"'],
    [['--discount', 'EC2=abc'], 'tier-planner: --discount EC2: the discount must be a percentage from 0 up to 100 (for example 6%), got "abc"'],
    [['--discount', 'Lambda=5%'], 'tier-planner: --discount: unknown service "Lambda"; use edp or a service as the plan\'s line items name it (EC2, RDS, S3, …; see docs/pricing.md)'],
    [['--discount', '6%'], 'tier-planner: --discount must be edp=PERCENT% or SERVICE=PERCENT% (for example edp=6% or EC2=10%), got "6%"'],
    [['--discount', 'edp=5%', '--discount', 'EDP=6%'], 'tier-planner: --discount edp is given twice'],
  ])('%j is one line, exit 2', (args, message) => {
    const r = runBin(['--users', '10', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([message]);
  });
});

describe('--prices', () => {
  it('overrides a price key from a YAML file, with its note on the line', () => {
    const path = file('private.yaml', `prices:\n  ${ec2Key}:\n    usd: "0.05"\n    note: private pricing addendum 2026-07\n`);
    const p = plan('--prices', path);
    expect(validate(p)).toBe(true);
    const line = p.lineItems.find((i: Line) => i.service === 'EC2') as Line & { quantity: string };
    expect(line.monthly).toBe(dec(line.quantity).times('0.05').toFixed());
    expect(line.adjustment).toMatchObject({ listMonthly: ec2.monthly, steps: [{ kind: 'override', from: `--prices ${path}`, note: 'private pricing addendum 2026-07' }] });
    const text = runBin(['--users', '100000', '--print', '--prices', path]).stdout;
    expect(text).toContain(`override $0.05 per unit (--prices ${path}: private pricing addendum 2026-07)`);
  });

  it('reads JSON too, and an override prices a line the book cannot (Spot), shown as priced by the override', () => {
    const spot = `ec2/${ec2.price.instanceType}/spot`;
    const path = file('spot.json', JSON.stringify({ prices: { [spot]: { usd: 0.02, note: 'Spot median we observed' } } }));
    const p = plan('--purchase', 'spot', '--prices', path);
    expect(validate(p), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const line = p.lineItems.find((i: Line) => i.service === 'EC2');
    expect(line.unpriced).toBeUndefined();
    expect(line.provenance).toMatchObject({ key: spot, sourceId: 'price-override' });
  });

  it.each([
    ['unknown.json', JSON.stringify({ prices: { 'ec2/m5.huge/on-demand': { usd: '1', note: 'n' } } }), /^tier-planner: --prices .*unknown.json: unknown price key "ec2\/m5.huge\/on-demand" in the us-east-1 price book/],
    ['nonote.json', JSON.stringify({ prices: { 'ec2/m5.large/on-demand': { usd: '1' } } }), /^tier-planner: prices file .*nonote.json: ec2\/m5.large\/on-demand: "note" is required/],
    ['badusd.yaml', 'prices:\n  ec2/m5.large/on-demand: { usd: "-1", note: n }\n', /"usd" must be a price in USD/],
    ['shape.json', '[1]', /must be an object with a "prices" object/],
    ['broken.json', '{', /is not valid JSON/],
  ])('%s is one line, exit 2', (name, text, message) => {
    const r = runBin(['--users', '10', '--prices', file(name, text)]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('tier-planner price (a bill of materials)', () => {
  const bom = file('bom.json', JSON.stringify({ resources: [{ type: 'ec2_instance', name: 'web', instanceType: 'm5.large', count: 2 }, { type: 's3_bucket', name: 'assets', storageGb: { standard: 100 } }] }));
  it('takes the same flags and shows what they changed', () => {
    const listed = JSON.parse(runBin(['price', bom, '--json']).stdout);
    const r = runBin(['price', bom, '--json', '--discount', 'EC2=10%', '--discount', 'edp=5%']);
    expect(r.status, r.stderr).toBe(0);
    const priced = JSON.parse(r.stdout);
    const ec2Line = priced.lineItems.find((i: Line) => i.service === 'EC2');
    const listedEc2 = listed.lineItems.find((i: Line) => i.service === 'EC2');
    expect(ec2Line.monthly).toBe(dec(listedEc2.monthly).times('0.9').times('0.95').toFixed());
    expect(priced.priceAdjustments.lines).toBe(listed.lineItems.length);
    expect(runBin(['price', bom, '--discount', 'EC2=10%']).stdout).toMatch(/^Discounts and price overrides: /m);
    const bad = runBin(['price', bom, '--discount', 'edp=100%']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
