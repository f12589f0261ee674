import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const schema = JSON.parse(readFileSync(new URL('../../packages/planner-tui/schema/plan.v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(schema);

describe('tier-planner --json', () => {
  it.each([
    ['eks-web-app', '10000'],
    ['trading-fargate', '1000000'],
    ['fintech-fargate-jenkins', '1'],
    ['microservices-mysql', '10000000'],
  ])('%s at %s users matches schema/plan.v1.schema.json', (profile, users) => {
    const r = runBin(['--users', users, '--profile', profile, '--json']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(plan.monthly.total).toMatch(/^\d+(\.\d+)?$/);
  });

  it('an unpriced purchase option is reported, not priced at zero, and still matches the schema', () => {
    const plan = JSON.parse(runBin(['--users', '10000', '--purchase', 'spot', '--json']).stdout);
    expect(validate(plan)).toBe(true);
    expect(plan.monthly.complete).toBe(false);
    expect(plan.lineItems.find((i: { service: string }) => i.service === 'EC2').unpriced).toMatch(/Spot/);
  });

  it('a plan with discounts (adjusted lines with their list price and steps) matches the schema; a damaged step does not', () => {
    const plan = JSON.parse(runBin(['--users', '1000000', '--profile', 'microservices-mysql', '--json', '--discount', 'edp=6%', '--discount', 'RDS=12.5%']).stdout);
    expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(plan.priceAdjustments.changeUsd).toMatch(/^-\d+(\.\d+)?$/);
    const line = plan.lineItems.find((i: { adjustment?: unknown }) => i.adjustment);
    line.adjustment.steps[0].kind = 'coupon';
    expect(validate(plan)).toBe(false);
  });
});

describe('colour', () => {
  it('uses colour only when asked (FORCE_COLOR) and never with NO_COLOR', () => {
    const forced = runBin(['--users', '10', '--print'], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(forced.stdout).toContain('\u001b[1m');
    const both = runBin(['--users', '10', '--print'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(both.stdout).not.toContain('\u001b[');
    expect(runBin(['--users', '10', '--print']).stdout).not.toContain('\u001b[');
  });
});

describe('--help for every command', () => {
  it.each([['plan'], ['ladder'], ['compare'], ['compare-regions'], ['diff'], ['price'], ['profiles'], ['pricing', 'info'], ['pricing', 'refresh']])('%s --help', (...cmd) => {
    const r = runBin([...cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: tier-planner/);
  });
});
