import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook, planTier, profiles, type PlanOptions } from '@tier-planner/cost-model';

const load = () => loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const warm = load();
const profileNames = Object.keys(profiles);
const comparable = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('node choice reusing its scans', () => {
  it('plans a count after its neighbours (scans and packings reused) exactly as on a book that never planned', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profileNames),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<PlanOptions>({}, { ladderContext: { nodeType: 'm5.large', leftTypes: ['m6i.large'] } }, { purchase: 'spot' }, { samples: 20, seed: 3 }),
        (name, users, offsets, options) => {
          // Neighbours within 5% first: often the same pods, other CPU use at every one.
          for (const d of offsets) planTier({ users: Math.max(1, Math.round(users * (1 + d))), profile: name }, warm, options);
          const reused = planTier({ users, profile: name }, warm, options);
          const fresh = planTier({ users, profile: name }, load(), options);
          expect(comparable(reused)).toEqual(comparable(fresh));
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  }, 300_000);
});
