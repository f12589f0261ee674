import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { listProfiles } from '../profiles/index.js';
import { planTier } from '../plan/plan-tier.js';
import { dec } from './money.js';
import { formatUsdPerUser, perUser } from './per-user.js';

describe('cost per user', () => {
  it('shows cents from $1 and two significant digits below, with at least four decimals', () => {
    expect(formatUsdPerUser(dec('0.00421937'))).toBe('$0.0042');
    expect(formatUsdPerUser(dec('0.000123'))).toBe('$0.00012');
    expect(formatUsdPerUser(dec('0.3'))).toBe('$0.30');
    expect(formatUsdPerUser(dec('0.05'))).toBe('$0.05');
    expect(formatUsdPerUser(dec('0.9996'))).toBe('$1.00');
    expect(formatUsdPerUser(dec('1234.567'))).toBe('$1,234.57');
    expect(formatUsdPerUser(dec('0'))).toBe('$0.00');
  });

  it('the shown figure is within 5% of the exact one (two significant digits), for any amount', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e6, noNaN: true }), (x) => {
        const exact = dec(x);
        const shown = dec(formatUsdPerUser(exact).replace(/[$,]/g, ''));
        expect(shown.minus(exact).abs().div(exact).toNumber()).toBeLessThanOrEqual(exact.gte(1) ? 0.01 : 0.05);
      }),
      { seed: 13 },
    );
  });

  it('is the plan total over its users, for every profile and user count', () => {
    const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
    fc.assert(
      fc.property(fc.constantFrom(...listProfiles().map((p) => p.name)), fc.integer({ min: 1, max: 10_000_000 }), (profile, users) => {
        const p = planTier({ users, profile }, book);
        expect(p.costPerUser.toString()).toBe(perUser(p.monthly.total, users).toString());
        expect(p.costPerUser.times(users).minus(p.monthly.total).abs().lte(dec('1e-20').times(users))).toBe(true);
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});
