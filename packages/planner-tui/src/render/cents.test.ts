import { Decimal, listProfiles, loadPriceBook, planTier } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionCents } from './cents.js';
import { renderPlanText } from './plan-text.js';

const dollars = (cell: string) => new Decimal(cell.replace(/[$,]/g, ''));

describe('apportionCents (largest remainder)', () => {
  it('rounds each part to the cent, by less than a cent, and the parts add up to the rounded sum', () => {
    const part = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 })).map(([n, scale]) => new Decimal(n.toString()).div(10 ** scale));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 25 }), (parts) => {
        const cents = apportionCents(parts);
        const sum = parts.reduce((a, p) => a.plus(p), new Decimal(0));
        expect(cents.reduce((a, c) => a.plus(c), new Decimal(0)).equals(sum.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
        cents.forEach((c, i) => {
          expect(c.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(c.minus(parts[i]!).abs().lt(0.01)).toBe(true);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the left-over cents to the parts that lost the most', () => {
    // 3 × $0.333…: the exact sum $0.999… prints as $1.00; one part must show $0.34.
    expect(apportionCents([1, 1, 1].map((n) => new Decimal(n).div(3))).map(String)).toEqual(['0.34', '0.33', '0.33']);
    expect(apportionCents(['0.004', '0.006'].map((s) => new Decimal(s))).map(String)).toEqual(['0', '0.01']);
  });
});

describe('"By service" in the printed plan', () => {
  const book = loadPriceBook({ embeddedOnly: true });
  const profiles = listProfiles().map((p) => p.name);

  it('adds up to the printed total, for many plans', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profiles),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom('on-demand', 'reserved-1yr', 'spot') as fc.Arbitrary<'on-demand' | 'reserved-1yr' | 'spot'>,
        fc.integer({ min: 672, max: 744 }),
        (profile, users, purchase, hoursPerMonth) => {
          const text = renderPlanText(planTier({ users, profile }, book, { purchase, hoursPerMonth }));
          const block = text.split('\nBy service\n')[1]!.split('\n\n')[0]!.split('\n');
          const cells = block.map((l) => /\s(\$[\d,]+\.\d\d)?(?: \+ unpriced| ?unpriced)?$/.exec(l)![1]);
          const sum = cells.reduce((a, c) => (c ? a.plus(dollars(c)) : a), new Decimal(0));
          const total = /\nTotal: (\$[\d,]+\.\d\d) per month/.exec(text)![1]!;
          expect(sum.toFixed(2), `${profile} ${users} ${purchase} ${hoursPerMonth}\n${block.join('\n')}\n${total}`).toBe(dollars(total).toFixed(2));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
