// Cost per user in every printed output, and the optional-part flags end to end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec, formatUsdPerUser, loadPriceBook, planLadder, planTier } from '@tier-planner/cost-model';
import { runBin } from './run-bin.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
// The bin plans with today's date; the model figures here do not depend on it for non-EKS profiles.
const PROFILE = 'nextjs-nestjs-postgres';
const plan = planTier({ users: 250_000, profile: PROFILE }, book);
const shown = formatUsdPerUser(plan.costPerUser);

const ok = (args: string[]) => {
  const r = runBin(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('cost per user in every output', () => {
  const base = ['--users', '250000', '--profile', PROFILE];

  it('plan text and Markdown print it under the total', () => {
    expect(ok(base)).toContain(`\nTotal: `);
    expect(ok(base)).toContain(`\nPer user: ${shown} per user per month (250,000 users)\n`);
    expect(ok([...base, '--format', 'markdown'])).toContain(`\nPer user: ${shown} per user per month\n`);
  });

  it('CSV has a PER USER row with the exact figure; JSON has costPerUser', () => {
    const csv = ok([...base, '--format', 'csv']).split('\r\n');
    const row = csv.find((l) => l.startsWith('PER USER,'))!.split(',');
    expect(row[3]).toBe('250000');
    expect(dec(row[6]!).toString()).toBe(plan.costPerUser.toString());
    const json = JSON.parse(ok([...base, '--json']));
    expect(json.costPerUser).toBe(plan.costPerUser.toString());
    expect(dec(json.costPerUser).toString()).toBe(dec(json.monthly.total).div(250_000).toDecimalPlaces(20).toString());
  });

  it('ladder text, Markdown and CSV have a per-user row or column for each tier', () => {
    const users = [1000, 1_000_000];
    const plans = planLadder(PROFILE, book, users);
    const args = ['ladder', '--profile', PROFILE, '--users', '1000,1_000_000', '--max-breakpoints', '0'];
    const cells = plans.map((p) => `${formatUsdPerUser(p.costPerUser)}${p.monthly.complete ? '' : '*'}`);
    expect(ok(args)).toMatch(new RegExp(`^per user +${cells.map((c) => c.replace(/[$.*]/g, '\\$&')).join(' +')}$`, 'm'));
    expect(ok([...args, '--format', 'markdown'])).toContain(`| per user | ${cells.join(' | ')} |`);
    const csv = ok([...args, '--format', 'csv']).trim().split('\r\n');
    expect(csv[0]!.split(',').at(-1)).toBe('per user usd');
    expect(csv.slice(1).map((l) => l.split(',').at(-1))).toEqual(plans.map((p) => p.costPerUser.toString()));
  });

  it('diff shows both plans per user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-per-user-'));
    writeFileSync(join(dir, 'a.json'), ok([...base, '--json']));
    writeFileSync(join(dir, 'b.json'), ok(['--users', '500000', '--profile', PROFILE, '--json']));
    const b = planTier({ users: 500_000, profile: PROFILE }, book);
    expect(ok(['diff', join(dir, 'a.json'), join(dir, 'b.json')])).toContain(`\nPer user: ${shown} → ${formatUsdPerUser(b.costPerUser)} per user per month\n`);
    const json = JSON.parse(ok(['diff', join(dir, 'a.json'), join(dir, 'b.json'), '--json']));
    expect(json.costPerUser).toEqual({ a: plan.costPerUser.toString(), b: b.costPerUser.toString() });
  });

  it('compare shows the printed and the model cost per user', () => {
    const text = ok(['compare']);
    expect(text).toContain('| Printed per user | Model per user |');
    expect(text).toMatch(/\| 10 \| \$100\.58 \|.*\| \$10\.06 \| \$[\d.]+\+? \|/);
  });
});

describe('optional-part flags', () => {
  it('price the parts they name and show other environments beside the total', () => {
    const args = ['--users', '250000', '--profile', PROFILE, '--cdn', '--support', 'business', '--backups', '14', '--environment', 'staging=5%', '--environment', 'qa=200'];
    const json = JSON.parse(ok([...args, '--json']));
    const model = planTier({ users: 250_000, profile: PROFILE }, book, { parts: { cdn: {}, support: 'business', backups: { retentionDays: 14 }, environments: [{ name: 'staging', share: 0.05 }, { name: 'qa', users: 200 }] } });
    expect(json.monthly.total).toBe(model.monthly.total.toString());
    expect(json.environments.map((e: { name: string; users: number }) => [e.name, e.users])).toEqual([['staging', 12_500], ['qa', 200]]);
    expect(json.withEnvironments.total).toBe(model.withEnvironments!.total.toString());
    expect(json.lineItems.map((i: { service: string }) => i.service)).toEqual(expect.arrayContaining(['CloudFront', 'Support']));
    const text = ok(args);
    expect(text).toContain('\nOptional parts\n  CDN: CloudFront sends ');
    expect(text).toContain('\n  backups: kept 14 days; RDS backups ');
    expect(text).toContain('\n  AWS Support: business ');
    const endpoints = planTier({ users: 250_000, profile: PROFILE }, book, { parts: { vpcEndpoints: {} } });
    expect(ok(['--users', '250000', '--profile', PROFILE, '--vpc-endpoints'])).toContain(`\n  VPC endpoints: ${endpoints.parts!.vpcEndpoints!.natGbRemoved.toLocaleString('en-US', { maximumFractionDigits: 1 })} GB/month off NAT — `);
    expect(text).toContain('\nOther environments (each its own plan; not in the total above)\n  staging: $');
    expect(text).toMatch(/\nWith other environments: \$[\d,.]+ per month \(incomplete\), \$[\d.]+ per production user\n/);
  });

  it('bad values are a one-line usage error, exit 2', () => {
    for (const [flags, message] of [
      [['--support', 'gold'], /--support must be one of basic, developer, business, enterprise-on-ramp, enterprise, got "gold"/],
      [['--environment', 'staging'], /--environment must be NAME=USERS or NAME=PERCENT%/],
      [['--environment', 'production=10%'], /"production" is the plan itself/],
      [['--backups', '90'], /--backups must be a whole number from 1 to 35, got "90"/],
    ] as const) {
      const r = runBin(['--users', '1000', ...flags]);
      expect(r.status, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
