import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText, numberText } from './number-text.js';

// Intl is the reference: numberText must write every number exactly as Intl's en-US does.
const intl = (x: number, min?: number, max?: number) =>
  x.toLocaleString('en-US', { ...(min !== undefined ? { minimumFractionDigits: min } : {}), ...(max !== undefined ? { maximumFractionDigits: max } : {}) });

const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n + 0.5),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n / 200),
);

describe('numberText', () => {
  it('writes what Intl en-US writes, for any number and any decimals', () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.boolean(), fc.boolean(), (x, a, b, giveMin, giveMax) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const min = giveMin ? lo : undefined;
        const max = giveMax ? hi : undefined;
        if (min !== undefined && max === undefined && min > 3) return; // Intl raises the maximum to the minimum; so do we, tested below
        expect(numberText(x, { ...(min !== undefined ? { minimumFractionDigits: min } : {}), ...(max !== undefined ? { maximumFractionDigits: max } : {}) })).toBe(intl(x, min, max));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [1.005, 2],
    [0.5, 0],
    [2.5, 0],
    [-2.5, 0],
    [999.9996, 3],
    [9_999_999.95, 1],
    [-0, 0],
    [-0.0001, 2],
    [1e21, 0],
    [1.5e-7, 20],
    [123456789.123456789, 20],
  ])('%d at %d decimals', (x, max) => {
    expect(numberText(x, { maximumFractionDigits: max })).toBe(intl(x, undefined, max));
  });

  it('a minimum above 3 raises the default maximum, as Intl does', () => {
    expect(numberText(1.23456789, { minimumFractionDigits: 5 })).toBe(intl(1.23456789, 5));
    expect(numberText(1, { minimumFractionDigits: 5 })).toBe('1.00000');
  });

  // Up to 14 significant digits: the model asks for 6 and 12. Past that a double's last digits are
  // noise, and ICU's fast path may round them from a longer expansion than the shortest decimal.
  it('maximumSignificantDigits as Intl, up to 14', () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 1, max: 14 }), (x, digits) => {
        expect(numberText(x, { maximumSignificantDigits: digits })).toBe(x.toLocaleString('en-US', { maximumSignificantDigits: digits }));
      }),
      { numRuns: 20_000 },
    );
  });

  it('countText rounds to a whole count', () => {
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
      expect(countText(x)).toBe(intl(x, undefined, 0));
    }));
  });
});
