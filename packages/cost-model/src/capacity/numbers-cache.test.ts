import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumbersCache } from './numbers-cache.js';

describe('NumbersCache', () => {
  it('finds a value only under the same numbers in the same order, fractions included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 12 }), fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 12 }), (a, b) => {
        const cache = new NumbersCache<string>(8);
        cache.set(a, 'a');
        expect(cache.get([...a])).toBe('a');
        const same = a.length === b.length && a.every((x, i) => x === b[i]);
        expect(cache.get(b)).toBe(same ? 'a' : undefined);
      }),
    );
    const cache = new NumbersCache<string>(8);
    cache.set([669.1666666666666, 2], 'x');
    expect(cache.get([669.1666666666667, 2])).toBeUndefined();
    expect(cache.get([2, 669.1666666666666])).toBeUndefined();
  });

  it('keeps every entry whose hashes collide', () => {
    // 2^32 apart: the same 32-bit whole part, so the same bucket.
    const cache = new NumbersCache<string>(8);
    cache.set([1], 'one');
    cache.set([1 + 2 ** 32], 'far');
    expect(cache.get([1])).toBe('one');
    expect(cache.get([1 + 2 ** 32])).toBe('far');
  });

  it('keeps at most about `kept` entries, dropping the oldest first', () => {
    const cache = new NumbersCache<number>(4);
    for (let i = 0; i < 10; i++) cache.set([i], i);
    expect([0, 1, 2, 3, 4, 5].map((i) => cache.get([i]))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([6, 7, 8, 9].map((i) => cache.get([i]))).toEqual([6, 7, 8, 9]);
  });
});
