// What printed output says about money and counts: an unpriced service is shown as such and every
// total that leaves something out says so; large numbers carry thousands separators.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTLY_PRICED_AT_ZERO, zeroRateSnapshotDir } from '../../packages/planner-tui/src/render/testing/zero-rate-snapshot.js';
import { runBin } from './run-bin.js';

// The embedded book has no Savings Plans rate: eks-web-app at 100,000 users ranks its nodes at on-demand
// (t3a.medium) and EC2 is wholly unpriced. fintech-fargate-jenkins pins a t3.medium (a 1-year RI rate:
// priced) and a t3.large (none) for Jenkins.
const WHOLE = ['--users', '100000', '--purchase', 'savings-plan'];
const PART = ['--users', '10000', '--profile', 'fintech-fargate-jenkins', '--purchase', 'reserved-1yr'];
const REASON = 'no Compute Savings Plan 1yr No Upfront rate for t3a.medium in the us-east-1 price book';

const ok = (args: string[]) => {
  const r = runBin(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('unpriced services', () => {
  it('text: "unpriced" in By service, never $0.00, and the total says what it leaves out', () => {
    const text = ok(WHOLE);
    const byService = text.split('\nBy service\n')[1]!.split('\n\n')[0]!;
    expect(byService).toMatch(/^ {2}EC2 +unpriced$/m);
    expect(byService).not.toMatch(/EC2 +\$/);
    expect(text).toMatch(new RegExp(`\\nTotal: \\$[\\d,]+\\.\\d\\d per month at the profile's point values \\(incomplete: EC2 unpriced — ${REASON}`));
    const part = ok(PART);
    expect(part).toMatch(/^ {2}EC2 +\$19\.05 \+ unpriced$/m);
    expect(part).toMatch(/\nTotal: .* \(incomplete: RDS partly unpriced — no reserved 1yr standard No Upfront rate for rds\/postgresql\/db\.t4g\.medium\/multi-az .*; EC2 partly unpriced — no reserved 1yr standard No Upfront Reserved Instance rate for t3\.large/);
  });

  it('a service priced in part at $0.00 is "$0.00 + unpriced", in the plan, the ladder and a diff', () => {
    const env = { TIER_PLANNER_PRICING_DIR: zeroRateSnapshotDir() };
    const { users, profile, purchase } = PARTLY_PRICED_AT_ZERO;
    const args = ['--users', String(users), '--profile', profile, '--purchase', purchase];
    const at = (more: string[]) => {
      const r = runBin([...args, ...more], env);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(at([])).toMatch(/^ {2}EC2 +\$0\.00 \+ unpriced$/m);
    const ladder = ['ladder', '--users', `10,${users}`, '--profile', profile, '--purchase', purchase];
    const r = runBin(ladder, env);
    expect(r.stdout, r.stderr).toMatch(/^EC2 +\$0\.00 \+ unpriced +\$0\.00 \+ unpriced$/m);
    const csv = runBin([...ladder, '--format', 'csv'], env).stdout.split('\r\n');
    expect(csv[1]!.split(',')[csv[0]!.split(',').indexOf('EC2 usd')]).toBe('0');
    const dir = mkdtempSync(join(tmpdir(), 'tp-unpriced-'));
    writeFileSync(join(dir, 'a.json'), ok(['--users', String(users), '--profile', profile, '--json']));
    writeFileSync(join(dir, 'b.json'), at(['--json']));
    expect(runBin(['diff', join(dir, 'a.json'), join(dir, 'b.json')], env).stdout).toMatch(/^ {2}EC2 +\$[\d,.]+ +\$0\.00 \+ unpriced /m);
  });

  it('markdown, csv and json', () => {
    expect(ok([...WHOLE, '--format', 'markdown'])).toMatch(new RegExp(`\\*\\*Total: \\$[\\d,.]+ per month\\*\\* at the profile's point values \\(incomplete: EC2 unpriced — ${REASON}`));
    const total = ok([...WHOLE, '--format', 'csv']).split('\r\n').find((l) => l.startsWith('TOTAL,'))!;
    expect(total).toMatch(new RegExp(`^TOTAL,,,,,,[\\d.]+,,,incomplete: EC2 unpriced — ${REASON}`));
    const json = JSON.parse(ok([...WHOLE, '--json']));
    // A commitment on every node is paid every hour: one line of the peak's hours, unpriced.
    expect(json.monthly).toMatchObject({ complete: false, unpriced: 1 });
  });

  it('ladder: the cell says unpriced and the footnote names the service and the reason', () => {
    // Tiers on t3a.medium (no Savings Plans rate in the book) whose nodes stay within their CPU baseline: EC2 is wholly unpriced.
    const text = ok(['ladder', '--users', '100000,1000000', '--purchase', 'savings-plan']);
    expect(text).toMatch(/^EC2 +unpriced +unpriced$/m);
    expect(text).toMatch(/^total \/ month +\$[\d,.]+\* +\$[\d,.]+\*$/m);
    expect(text).toContain(`* incomplete: EC2 unpriced — ${REASON}`);
    const csv = ok(['ladder', '--users', '100000,1000000', '--purchase', 'savings-plan', '--format', 'csv']).split('\r\n');
    const ec2 = csv[0]!.split(',').indexOf('EC2 usd');
    expect(csv[1]!.split(',')[ec2]).toBe('');
    expect(csv[1]).toMatch(/,false,EC2 unpriced — no Compute Savings Plan 1yr/);
  });

  it('diff marks an incomplete total and carries the flag in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-unpriced-'));
    writeFileSync(join(dir, 'a.json'), ok(['--users', '10000', '--json']));
    writeFileSync(join(dir, 'b.json'), ok([...WHOLE, '--json']));
    const text = ok(['diff', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(text).toMatch(/\nTotal: \$[\d,.]+ → \$[\d,.]+\* /);
    expect(text).toContain(`b.json is incomplete: EC2 unpriced — ${REASON}`);
    expect(text).toMatch(/^ {2}EC2 +\$[\d,.]+ +unpriced /m);
    expect(JSON.parse(ok(['diff', join(dir, 'a.json'), join(dir, 'b.json'), '--json'])).complete).toEqual({ a: true, b: false });
  });
});

describe('counts with their nouns', () => {
  it('one of a thing is singular, more are plural: storage, datastores and services', () => {
    const one = ok(['--users', '10000', '--print']);
    expect(one).toContain('\n  ECR: 1 repository × 10 images kept = ');
    const small = ok(['--users', '10', '--profile', 'microservices-mysql']);
    expect(small).toMatch(/\n {2}database: 20 GB gp3 × 1 instance — /);
    expect(small).toMatch(/\n {2}frontend: 1 replica \(load needs 1, floor 1, min 1,/);
    const replicated = ok(['--users', '100000', '--profile', 'microservices-mysql']);
    expect(replicated).toMatch(/\n {2}database: mysql db\.\S+ multi-az \+ 1 read replica — /);
    expect(replicated).toMatch(/\n {2}database: [\d,]+ GB gp3 × 2 instances — /);
    expect(replicated).toContain('\n  ECR: 5 repositories × 10 images kept = ');
    for (const text of [one, small, replicated]) expect(text).not.toMatch(/\(s\)|\b1 (repositories|images|instances|replicas|read replicas)\b/);
  });
});

describe('thousands separators', () => {
  // Four or more digits in a row, not part of a date, a decimal fraction, a hash or a name (t3a, db.r6g).
  const UNGROUPED = /(?<![\d.,\w:-])\d{4,}(?![\d-])/;
  const withoutDates = (text: string) => text.split('\n').filter((l) => !l.startsWith('price book:')).join('\n').replace(/\d{4}-\d\d-\d\d(T[\d:]+Z)?/g, '');

  it.each([
    [['--users', '10000000000']],
    [['--users', '10000000000', '--format', 'markdown']],
    [['--users', '10000000', '--profile', 'trading-fargate', '--samples', '20']],
    [['--users', '100000000', '--profile', 'trading-k8s-self-managed']],
    [['ladder', '--users', '1,10000000000', '--max-breakpoints', '3']],
  ])('%j', (args) => {
    const text = withoutDates(ok(args));
    expect(text.match(UNGROUPED)?.[0], text.split('\n').find((l) => UNGROUPED.test(l))).toBeUndefined();
  });

  it('counts, money and quantities at 10 billion users', () => {
    const text = ok(['--users', '10000000000']);
    expect(text).toMatch(/workers-1: 450 × \S+ \(min \d+, floor [\d,]+, desired 450 at the peak, max 450; \w+ bound\) — \S+ × [\d,]+ is the cheapest of \d+ eligible instance types for [\d,]+ pods \(\$\d{1,3}(,\d{3})+\.\d\d\/month\)/);
    expect(text).toMatch(/workers-2 … workers-\d+: [\d,]+ more node groups, [\d,]+ × \S+ \(\d+–450 each\)/);
    expect(text).toMatch(/\nTotal: \$\d{1,3}(,\d{3})+\.\d\d per month at the profile's point values\nPer user: \$0\.\d+ per user per month \(10,000,000,000 users\)\n$/);
  });
});
