// Scenarios and the headline total through the real bin: what --scenario plans and which target
// binds, and what the total says it is, with and without --samples.
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const ON = ['--date', '2026-12-01'];

function ok(args: string[]): string {
  const r = runBin(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('tier-planner --scenario', () => {
  it("plans seed 001's target with its profile and says the concurrent-user target binds", () => {
    const text = ok(['--scenario', 'seed-001-load-test', ...ON]);
    expect(text).toContain('4,800,000 users · nextjs-nestjs-postgres');
    expect(text).toMatch(/\nScenario: seed-001-load-test \(.*\): concurrency-bound: the concurrent-user target needs the most users \(1,000 req\/s needs 720,000 users; 10,000 concurrent users need 4,800,000 users \(300 s sessions\)\); planned for 4,800,000 users: peak 6,666\.7 req\/s and 10,000 concurrent users; source: seed 001/);
  });

  it('gives the conversion in JSON, and the users it plans are those a plain --users plan gets', () => {
    const plan = JSON.parse(ok(['--scenario', 'seed-001-load-test', '--json', ...ON]));
    expect(plan.scenario).toMatchObject({ name: 'seed-001-load-test', targets: { peakRps: 1000, concurrentUsers: 10_000 }, usersFor: { peakRps: 720_000, concurrentUsers: 4_800_000 }, binding: 'concurrent-users', method: 'users-from-targets' });
    expect(plan.users).toBe(4_800_000);
    const direct = JSON.parse(ok(['--users', '4800000', '--profile', 'nextjs-nestjs-postgres', '--json', ...ON]));
    expect(plan.monthly.total).toBe(direct.monthly.total);
  });

  it('lists the scenarios, and names them in profiles', () => {
    expect(ok(['scenarios'])).toMatch(/seed-001-load-test\s+nextjs-nestjs-postgres\s+1,000\s+10,000\s+seed 001/);
    expect(JSON.parse(ok(['scenarios', '--json'])).scenarios[0]).toMatchObject({ name: 'seed-001-load-test', profile: 'nextjs-nestjs-postgres', peakRps: 1000, concurrentUsers: 10_000 });
    expect(ok(['profiles'])).toContain('scenarios for tier-planner --scenario: seed-001-load-test');
  });

  it.each([
    [['--scenario', 'nope'], /^tier-planner: no scenario "nope"; see tier-planner scenarios \(known: seed-001-load-test\)\n$/],
    [['--scenario', 'seed-001-load-test', '--users', '10'], /^tier-planner: --scenario sets the users and the profile; drop --users\n$/],
    [['--scenario', 'seed-001-load-test', '--profile', 'eks-web-app'], /^tier-planner: --scenario sets the users and the profile; drop --profile\n$/],
  ])('exits 2 with one line for %j', (args, message) => {
    const r = runBin(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('the headline total', () => {
  const args = ['--users', '1000000', '--profile', 'trading-fargate', ...ON];

  it('without --samples says it is at the point values, in text, Markdown and JSON', () => {
    const text = ok(args);
    const total = /\nTotal: (\$[\d,]+\.\d\d) per month at the profile's point values\nPer user: /.exec(text)?.[1];
    expect(total).toBeDefined();
    expect(ok([...args, '--format', 'markdown'])).toContain(`**Total: ${total} per month** at the profile's point values`);
    const plan = JSON.parse(ok([...args, '--json']));
    expect(plan.headline).toMatchObject({ basis: 'point-values', total: plan.monthly.total, pointTotal: plan.monthly.total });
    expect(plan.headline.band).toBeUndefined();
  });

  it('with --samples is the P50 with the P10–P90 band beside it, and names the point-value sum', () => {
    const plan = JSON.parse(ok([...args, '--samples', '200', '--json']));
    expect(plan.headline).toMatchObject({ basis: 'p50', total: plan.uncertainty.p50, pointTotal: plan.monthly.total, band: { p10: plan.uncertainty.p10, p90: plan.uncertainty.p90, samples: 200 } });
    // The ranges are skewed: the median total is not the total at the point values.
    expect(plan.headline.total).not.toBe(plan.headline.pointTotal);
    const usd = (s: string) => `$${Number(s).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const text = ok([...args, '--samples', '200']);
    expect(text).toContain(`\nTotal: ${usd(plan.uncertainty.p50)} per month, P50 of 200 samples (P10 ${usd(plan.uncertainty.p10)} – P90 ${usd(plan.uncertainty.p90)}; ${usd(plan.monthly.total)} at the profile's point values, the sum of the line items)\n`);
    expect(ok([...args, '--samples', '200', '--format', 'markdown'])).toContain(`**Total: ${usd(plan.uncertainty.p50)} per month**, P50 of 200 samples (P10 `);
  });
});

describe('tier-planner compare --profile seed-004-stacks', () => {
  it('says the MSK and RDS ranges are low against their list prices, with the % off', () => {
    const text = ok(['compare', '--profile', 'seed-004-stacks']);
    expect(text).toMatch(/- RDS Multi-AZ: the seed prints \$60\.00–\$80\.00, but .* lists at \$105\.85 a month .*: the range is low, its top 24\.4% and its bottom 43\.3% below the list price/);
    expect(text).toMatch(/- MSK: the seed prints \$300\.00–\$400\.00, but Broker instances \(kafka\.m5\.large\) lists at \$459\.90 a month .*: the range is low, its top 13\.0% and its bottom 34\.8% below the list price/);
    expect(text).toContain('- ECS Fargate: not priced: the seed gives 2 tasks but no task size');
  });

  it('gives the same in JSON, and is listed by profiles', () => {
    const body = JSON.parse(ok(['compare', '--profile', 'seed-004-stacks', '--json']));
    const rds = body.stacks[0].lines.find((l: { item: string }) => l.item === 'RDS Multi-AZ');
    expect(rds).toMatchObject({ verdict: 'low', listUsd: '105.85', seedLow: '60', seedHigh: '80', percentOff: { nearEnd: '24.4', farEnd: '43.3' } });
    expect(ok(['profiles'])).toContain('seed tables for tier-planner compare --profile: seed-ladder-as-written, seed-004-stacks');
  });

  it('refuses a seed table it does not know, naming both it does', () => {
    const r = runBin(['compare', '--profile', 'seed-009']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tier-planner: compare knows seed-ladder-as-written, seed-004-stacks, not "seed-009"/);
  });
});
