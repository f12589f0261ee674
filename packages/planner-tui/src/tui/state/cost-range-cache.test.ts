import { loadPriceBook } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { CostRangeCache } from './cost-range-cache.js';
import type { Scenario } from './scenario.js';

const book = loadPriceBook();
const scenario: Scenario = { users: 10_000, profile: 'eks-web-app', purchase: 'on-demand', ha: 'auto', families: 'auto', workload: {} };

/** Searches segments until the first breakpoint turns up. */
function firstBreakpoint(cache: CostRangeCache, s: Scenario) {
  while (cache.get(s).breakpoints.length === 0 && cache.searchNext(s));
  return cache.get(s).breakpoints[0]!;
}

describe('cost range cache', () => {
  it('says whether the ladder and the breakpoints price every line item', () => {
    const cache = new CostRangeCache(book);
    expect(cache.get(scenario).incomplete).toBe(false);
    expect(firstBreakpoint(cache, scenario)).toMatchObject({ completeBefore: true, completeAfter: true });

    // Spot prices are not in the book: every total of the range leaves the node group out.
    const spot: Scenario = { ...scenario, purchase: 'spot' };
    expect(cache.get(spot).incomplete).toBe(true);
    expect(firstBreakpoint(cache, spot)).toMatchObject({ completeBefore: false, completeAfter: false });
  });
});
