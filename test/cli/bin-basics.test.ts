import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

describe('tier-planner bin (built dist, child process)', () => {
  it('prints a plan for --users 10000 from the embedded snapshot and exits 0', () => {
    // The plan's date picks the EKS version and its support tier: fixed here, so the price is known.
    const r = runBin(['--users', '10000', '--date', '2026-12-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('10,000 users · eks-web-app');
    expect(r.stdout).toMatch(/EKS cluster \(standard support\)\s+730\s+hours\s+\$0\.1\s+\$73\.00/);
    expect(r.stdout).toMatch(/\nTotal: \$[\d,]+\.\d\d per month at the profile's point values\nPer user: \$0\.\d+ per user per month \(10,000 users\)\n$/);
  });

  it('prints the README plan on today\'s date, whatever it is (npm test reruns this under faketime)', () => {
    const r = runBin(['--users', '10000']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Standard support, or extended once the newest version the snapshot knows has left it.
    expect(r.stdout).toMatch(/EKS cluster \((standard|extended) support\)\s+730\s+hours/);
    expect(r.stdout).toMatch(/\nTotal: \$[\d,]+\.\d\d per month at the profile's point values\nPer user: \$0\.\d+ per user per month \(10,000 users\)\n$/);
  });

  it.each([
    [['--users', '-5'], /--users needs a value/],
    [['--users', '0'], /--users must be between 1/],
    [['--users', 'ten'], /--users must be a whole number/],
    [['--users', '1e99'], /--users must be a whole number/],
    [['--users', '10', '--bogus'], /unknown option '--bogus'/],
    [['--users', '10', '--region', 'mars'], /--region must be an AWS region code/],
    [['--users', '10', '--region', 'eu-west-1'], /no price snapshot for region "eu-west-1"; available: us-east-1/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['pricing', 'nope'], /unknown pricing command/],
    [['pricing', 'valueOf'], /unknown pricing command "valueOf"/],
    [['toString'], /unknown command "toString"/],
  ])('exits 2 with one line for %j', (args, message) => {
    const r = runBin(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 with one line for a corrupted snapshot in the user folder', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tp-bin-'));
    writeFileSync(join(dir, 'us-east-1.json'), '{"format":"tier-planner-price-snapshot","schemaVersion":1,"dig');
    const r = runBin(['--users', '10'], { TIER_PLANNER_PRICING_DIR: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/us-east-1.json is not valid JSON/);
  });

  it('shows sources and what is missing with pricing info', () => {
    const r = runBin(['pricing', 'info']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('embedded snapshot');
    expect(r.stdout).toContain('priced but no spec row');
    expect(r.stdout).toContain('ec2/savings-plans');
  });

  it('ladder keeps a node type within --type-change-margin, and with 0 takes the cheapest', () => {
    const compute = (extra: string[]) => {
      const r = runBin(['ladder', '--users', '10_000,26_881', '--max-breakpoints', '0', ...extra]);
      expect(r.status).toBe(0);
      return r.stdout.split('\n').find((l) => l.startsWith('compute'))!;
    };
    // With a margin of 1 nothing saves enough to change type; with 0 each tier takes the type it
    // would get planned alone.
    const types = (line: string) => line.split(/\s+/).slice(1).map((cell) => cell.split('×')[1]);
    const [first, second] = types(compute(['--type-change-margin', '1']));
    expect(second).toBe(first);
    const alone = (users: string) => JSON.parse(runBin(['--users', users, '--json']).stdout).nodes[0].instanceType;
    expect(types(compute(['--type-change-margin', '0']))).toEqual([alone('10000'), alone('26881')]);
  });

  it('answers --help and --version', () => {
    expect(runBin(['--help']).stdout).toContain('Usage:');
    const pkg = JSON.parse(readFileSync(new URL('../../packages/planner-tui/package.json', import.meta.url), 'utf8'));
    expect(runBin(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
