import fc from 'fast-check';
import { Decimal, dec } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { ATHENA_SCAN_PRICE, athenaBilledBytes, athenaQueryCostUsd } from './athena-cost.js';

describe('athenaQueryCostUsd', () => {
  it("matches the pricing page's own example: 3 TB scanned cost USD 15", () => {
    expect(athenaQueryCostUsd(3e12).toFixed(2)).toBe('15.00');
  });

  it('bills at least 10 MB, and rounds a partial megabyte up', () => {
    expect(athenaBilledBytes(0)).toBe(10_000_000);
    expect(athenaBilledBytes(1)).toBe(10_000_000);
    expect(athenaBilledBytes(10_000_001)).toBe(11_000_000);
    expect(athenaQueryCostUsd(0).toString()).toBe('0.00005');
    expect(athenaQueryCostUsd(10_000_001).toString()).toBe('0.000055');
  });

  it('takes another price per TB, exactly', () => {
    expect(athenaQueryCostUsd(2e12, '6.25').toString()).toBe('12.5');
    expect(() => athenaQueryCostUsd(1e9, -1)).toThrow(RangeError);
    expect(() => athenaQueryCostUsd(-1)).toThrow(RangeError);
  });

  it('carries its source and date', () => {
    expect(ATHENA_SCAN_PRICE.source).toMatch(/^https:\/\/aws\.amazon\.com\/athena\/pricing\//);
    expect(ATHENA_SCAN_PRICE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ATHENA_SCAN_PRICE.assumptions.every((a) => a.startsWith('tier-planner assumption'))).toBe(true);
  });

  it('never understates bytes × price, never falls below the minimum, adds under a megabyte, and grows with bytes', () => {
    const floor = athenaQueryCostUsd(0);
    const megabyte = dec(1e6).div(1e12).mul(5);
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 50 }), fc.nat({ max: 2 ** 40 }), (bytes, more) => {
        const cost = athenaQueryCostUsd(bytes);
        const plain = dec(bytes).div(1e12).mul(5);
        expect(cost.gte(floor)).toBe(true);
        expect(cost.gte(plain)).toBe(true);
        expect(cost.minus(Decimal.max(floor, plain)).lt(megabyte)).toBe(true);
        expect(athenaQueryCostUsd(bytes + more).gte(cost)).toBe(true);
      }),
    );
  });
});
