import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBreakpoints, loadPriceBook, profiles } from '@tier-planner/cost-model';
import { referenceFindBreakpoints } from './reference-find-breakpoints.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const profileNames = Object.keys(profiles);

/** Everything a search returns, as comparable JSON (Decimals as their strings). */
const comparable = (s: ReturnType<typeof findBreakpoints>) => JSON.parse(JSON.stringify(s));

describe('findBreakpoints on shapes', () => {
  it('gives what a full priced plan at every visited count gives: breakpoints, totals, ladder state and tiers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profileNames),
        fc.integer({ min: 1, max: 200_000 }),
        fc.double({ min: 0.5, max: 2.5, noNaN: true }),
        fc.constantFrom(undefined, 0, 0.2),
        fc.constantFrom(5, 50),
        (name, from, decades, typeChangeMargin, max) => {
          const to = Math.min(10_000_000, Math.round(from * Math.pow(10, decades)));
          const tiers = [from, Math.round(Math.sqrt(from * to)), to];
          const options = { max, tiers, ...(typeChangeMargin !== undefined ? { typeChangeMargin } : {}) };
          expect(comparable(findBreakpoints(name, from, to, book, options))).toEqual(comparable(referenceFindBreakpoints(name, from, to, book, options)));
        },
      ),
      { numRuns: 12, seed: 17 },
    );
  }, 300_000);

  it('agrees over the default ladder 1 … 10M for every profile, continuing from a ladder state', () => {
    for (const name of profileNames) {
      const start = { nodeType: 'm5.large', leftTypes: ['t3.medium'] };
      const options = { tiers: [1, 1_000, 10_000_000], ladderContext: start };
      expect(comparable(findBreakpoints(name, 1, 10_000_000, book, options))).toEqual(comparable(referenceFindBreakpoints(name, 1, 10_000_000, book, options)));
    }
  }, 300_000);
});
