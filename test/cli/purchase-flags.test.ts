import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

describe('purchase flags through the built bin', () => {
  it('--purchase reserved-1yr on the embedded snapshot never prints EC2 $0.00 in the ladder: it prices t3.medium or says unpriced', () => {
    const r = runBin(['ladder', '--purchase', 'reserved-1yr']);
    expect(r.status).toBe(0);
    const ec2 = r.stdout.split('\n').find((l) => /^\s*EC2\s/.test(l));
    expect(ec2).toBeDefined();
    expect(ec2).not.toMatch(/\$0\.00(\s|$)/);
    const plan = runBin(['--users', '10000', '--purchase', 'reserved-1yr', '--print']);
    expect(plan.stdout).toMatch(/workers: [\d,]+ × t3\.medium/);
    expect(plan.stdout).toContain('At on-demand prices the cheapest is');
  });

  it('--commit floor prints the commitment and carries it in the JSON', () => {
    const text = runBin(['--users', '100000', '--purchase', 'reserved', '--term', '3yr', '--commit', 'floor', '--print']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^tier-planner: 100,000 users · eks-web-app .* · reserved 3yr standard No Upfront · /m);
    expect(text.stdout).toMatch(/Commitment \(reserved 3yr standard No Upfront, the always-on floor\): \$[\d.]+\/hour committed, coverage [\d.]+% of eligible spend, utilisation 100\.0% over the day, saves \$[\d,.]+\/month against on-demand, break-even month 1 of 36/);
    expect(text.stdout).toContain('on-demand: burst above the committed floor');
    const md = runBin(['--users', '100000', '--purchase', 'reserved-3yr', '--commit', 'floor', '--format', 'markdown']);
    expect(md.stdout).toContain('**Purchase:** reserved 3yr standard No Upfront');
    const json = JSON.parse(runBin(['--users', '100000', '--purchase', 'reserved-3yr', '--commit', 'floor', '--json']).stdout);
    expect(json.purchaseOption).toBe('reserved 3yr standard No Upfront');
    expect(json.commitment).toMatchObject({ scope: 'floor', utilisation: 1, termMonths: 36, breakEvenMonth: 1 });
  });

  it('a Fargate plan under a Savings Plan shows its Fargate lines under it, not ignored', () => {
    const json = JSON.parse(runBin(['--users', '10000', '--profile', 'trading-fargate', '--purchase', 'savings-plan', '--json']).stdout);
    const fargate = json.lineItems.filter((i: { service: string; price: { key?: string } }) => i.service === 'Fargate' && /^fargate\/linux/.test(i.price.key ?? ''));
    expect(fargate.length).toBeGreaterThan(0);
    // The embedded snapshot has no Fargate Savings Plans rate: unpriced with the reason, never the on-demand price silently.
    for (const i of fargate) expect(i).toMatchObject({ purchase: 'Compute Savings Plan 1yr No Upfront', unpriced: expect.stringMatching(/no Compute Savings Plan 1yr No Upfront rate for fargate\//) });
  });

  it.each([
    [['--purchase', 'reserved-1yr', '--term', '3yr'], /--purchase reserved-1yr has a 1yr term; --term 3yr contradicts it/],
    [['--purchase', 'reserved', '--payment', 'half'], /--payment must be one of no-upfront, partial-upfront, all-upfront, got "half"/],
    [['--commit', 'floor'], /--term, --payment and --commit floor need a commitment/],
    [['--purchase', 'spot', '--savings-plan', 'compute'], /--savings-plan applies to --purchase savings-plan/],
    [['--purchase', 'savings-plan', '--offering-class', 'convertible'], /--offering-class applies to reserved purchases/],
    [['--purchase', 'reserved-1yr', '--commit', 'some'], /--commit must be one of all, floor, got "some"/],
  ])('%j is a one-line usage error, exit 2', (args, message) => {
    const r = runBin(['--users', '1000', ...args, '--print']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
