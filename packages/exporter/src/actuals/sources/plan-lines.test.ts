import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '@tier-planner/cost-model';
import type { SpendLine } from '@tier-planner/aws-billing';
import type { SpendMatch } from '../../config/config-types.js';
import { lineMatches, planSpendOf } from './plan-lines.js';

// Generated bill lines (test data, not AWS prices): cents, so sums are exact and easy to compare.
const cents = fc.integer({ min: -50_000, max: 500_000 }).map((c) => dec(c).div(100));
const line: fc.Arbitrary<SpendLine> = fc.record({
  tagValue: fc.constantFrom('web', 'shop', null),
  accountId: fc.constantFrom('111111111111', '222222222222'),
  awsService: fc.constant('AmazonEC2'),
  service: fc.constantFrom('EC2', 'EBS', 'RDS', 'Other'),
  usageType: fc.constant('USE1-BoxUsage'),
  day: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-17'),
  charge: fc.constantFrom('usage', 'commitment_fee', 'credit', 'tax'),
  unblended: cents,
  amortized: cents,
  lines: fc.constant(1),
});

const tag = (value: string): SpendMatch => ({ kind: 'tag', key: 'tier-planner:plan', value });
const total = (m: ReadonlyMap<string, ReturnType<typeof dec>>) => sum(m.values());

describe('planSpendOf', () => {
  it('sums the basis of exactly the matching lines, per service and per day alike', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('amortized' as const, 'unblended' as const), fc.constantFrom(tag('web'), { kind: 'linkedAccount', accountId: '222222222222' } as SpendMatch, { kind: 'account' } as SpendMatch), (lines, basis, match) => {
        const spend = planSpendOf(match, lines, basis);
        const expected = sum(lines.filter((l) => lineMatches(match, l)).map((l) => l[basis]));
        expect(total(spend.byService).eq(expected)).toBe(true);
        expect(total(spend.byDay).eq(expected)).toBe(true);
        for (const [service, v] of spend.byService) expect(v.eq(sum(lines.filter((l) => lineMatches(match, l) && l.service === service).map((l) => l[basis])))).toBe(true);
      }),
    );
  });

  it('splits the bill between tag values without losing or double-counting a line: tagged plans + untagged = the account', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const plans = ['web', 'shop'].map((v) => total(planSpendOf(tag(v), lines, 'amortized').byService));
        const untagged = sum(lines.filter((l) => l.tagValue === null).map((l) => l.amortized));
        const account = total(planSpendOf({ kind: 'account' }, lines, 'amortized').byService);
        expect(sum([...plans, untagged]).eq(account)).toBe(true);
      }),
    );
  });

  it('matches a tag plan by value only, and a linked-account plan by usage account', () => {
    const l = { tagValue: 'web', accountId: '111111111111' } as SpendLine;
    expect(lineMatches(tag('web'), l)).toBe(true);
    expect(lineMatches(tag('webshop'), l)).toBe(false);
    expect(lineMatches({ kind: 'linkedAccount', accountId: '111111111111' }, l)).toBe(true);
    expect(lineMatches({ kind: 'linkedAccount', accountId: '222222222222' }, l)).toBe(false);
    expect(lineMatches(tag('web'), { ...l, tagValue: null })).toBe(false);
  });
});
