import { loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { PARTLY_PRICED_AT_ZERO, zeroRateSnapshotDir } from './testing/zero-rate-snapshot.js';
import { serviceCells, servicePricing } from './unpriced.js';

const { users, profile, purchase } = PARTLY_PRICED_AT_ZERO;
const book = loadPriceBook();

describe('servicePricing', () => {
  it('tells priced, partly priced and unpriced apart by the line items, not by the sum', () => {
    const partlyAtZero = planTier({ users, profile }, loadPriceBook({ dir: zeroRateSnapshotDir() }), { purchase });
    expect(partlyAtZero.monthly.byService.get('EC2')!.isZero()).toBe(true);
    expect(servicePricing(partlyAtZero.lineItems, 'EC2')).toBe('partly priced');
    expect(servicePricing(partlyAtZero.lineItems, 'S3')).toBe('priced');
    expect(new Map(serviceCells(partlyAtZero)).get('EC2')).toBe('$0.00 + unpriced');
    // The embedded book has no Savings Plans rate: eks-web-app's workers (ranked at on-demand) leave EC2 with no price at all.
    const whole = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { purchase: 'savings-plan' });
    expect(servicePricing(whole.lineItems, 'EC2')).toBe('unpriced');
    expect(new Map(serviceCells(whole)).get('EC2')).toBe('unpriced');
  });

  it('a service the plan does not have leaves nothing out', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book, {});
    expect(servicePricing(plan.lineItems, 'MSK')).toBe('priced');
  });
});
