// `tier-planner compare-regions` through the built bin. Other regions come from refreshed
// snapshots written into a temporary pricing folder; their prices are test data (see regional-snapshot.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dec, loadPriceBook, planTier } from '@tier-planner/cost-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRegionalSnapshot } from './regional-snapshot.js';
import { runBin } from './run-bin.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tier-planner-regions-'));
  writeRegionalSnapshot(dir, 'eu-west-1', '1.1');
  writeRegionalSnapshot(dir, 'ap-southeast-2', '1.25', '2026-11-29T00:00:00.000Z');
  env = { TIER_PLANNER_PRICING_DIR: dir };
});

const json = (args: string[]) => {
  const r = runBin(['compare-regions', ...args, '--json'], env);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('tier-planner compare-regions', () => {
  it('plans each region from its own snapshot, side by side, with the snapshot it used', () => {
    const doc = json(['--regions', 'us-east-1,eu-west-1,ap-southeast-2', '--users', '100000', '--profile', 'microservices-mysql']);
    expect(doc.regions.map((r: { region: string }) => r.region)).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    const [us, eu, ap] = doc.regions;
    expect(us.snapshot.origin).toBe('embedded');
    expect(eu.snapshot).toMatchObject({ origin: 'user', generatedAt: '2026-11-30T00:00:00.000Z' });
    expect(ap.snapshot.generatedAt).toBe('2026-11-29T00:00:00.000Z');
    // Each total is that region's own plan (the same one the plan command makes from that book).
    for (const r of doc.regions) {
      const book = loadPriceBook({ region: r.region, dir: r.region === 'us-east-1' ? undefined : dir, embeddedOnly: r.region === 'us-east-1' });
      expect(r.monthly.total).toBe(planTier({ users: 100_000, profile: 'microservices-mysql' }, book, { planDate: new Date().toISOString().slice(0, 10) }).monthly.total.toFixed());
    }
    expect(dec(eu.monthly.total).gt(dec(us.monthly.total))).toBe(true);
    expect(eu.nodes[0]).toMatchObject({ name: expect.any(String), instanceType: expect.any(String), count: expect.any(Number) });
    expect(us.datastores.rds).toMatch(/^db\./);
    expect(Object.keys(eu.monthly.byService)).toContain('RDS');
    expect(eu.monthly.unpriced).toBe(0);
  });

  it('says how to fetch a region with no snapshot and still prints the others (exit 0)', () => {
    const r = runBin(['compare-regions', '--regions', 'us-east-1,sa-east-1,eu-west-1', '--users', '10000'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sa-east-1: no snapshot; run tier-planner pricing refresh --region sa-east-1');
    const header = r.stdout.split('\n').find((l) => l.startsWith('region'))!;
    expect(header).toMatch(/us-east-1\s+eu-west-1$/);
    expect(r.stdout).toMatch(/^total \/ month\s+\$[\d,.]+\s+\$[\d,.]+$/m);
    expect(r.stdout).toMatch(/^snapshot\s+embedded 2026-\d\d-\d\d\s+refreshed 2026-11-30$/m);
  });

  it('exits 1 when no region could be planned, 2 for a malformed region code', () => {
    const none = runBin(['compare-regions', '--regions', 'sa-east-1', '--users', '10'], env);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('sa-east-1: no snapshot');
    const bad = runBin(['compare-regions', '--regions', 'us-east-1,Europe', '--users', '10'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['tier-planner: --regions: each must be an AWS region code such as eu-west-1, got "Europe"']);
    expect(runBin(['compare-regions', '--users', '10'], env).status).toBe(2);
  });

  it('takes the plan flags: --arch, --discount and the Markdown format', () => {
    const arm = json(['--regions', 'us-east-1,eu-west-1', '--users', '100000', '--arch', 'arm64']);
    for (const r of arm.regions) for (const g of r.nodes) expect(g.arch).toBe('arm64');
    const plain = json(['--regions', 'eu-west-1', '--users', '100000']);
    const discounted = json(['--regions', 'eu-west-1', '--users', '100000', '--discount', 'edp=10%']);
    // Every line of eks-web-app is an AWS line except GitHub Actions.
    const gha = dec(plain.regions[0].monthly.byService['GitHub Actions'] ?? '0');
    expect(dec(discounted.regions[0].monthly.total).toFixed()).toBe(dec(plain.regions[0].monthly.total).minus(gha).times('0.9').plus(gha).toFixed());
    const md = runBin(['compare-regions', '--regions', 'us-east-1,eu-west-1', '--users', '1000', '--format', 'markdown'], env);
    expect(md.stdout).toMatch(/^\| region \| us-east-1 \| eu-west-1 \|$/m);
  });
});
