// A breakpoint probe's capacity, settled and priced, is the plan planTier makes at that count and
// ladder state: the probe never plans a switch that the whole plan's margin would have kept.
import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { capacityShape, planShape } from './plan-shape.js';
import { planTier, pricedCapacity, probeCapacity, settleCapacity } from './plan-tier.js';
import type { LadderContext } from './ladder-context.js';

const book = loadPriceBook({ region: 'us-east-1' });
// eks-web-app keeps t3a.large from 1,000 users on, and a cheaper type saves more than the margin
// of the node group's cost (not of the plan's) over part of the range: unsettled probes.
const context: LadderContext = { nodeType: 't3a.large', leftTypes: ['t3.small'] };
const counts = [27_416, 31_623, 42_170, 51_090, 61_897, 90_852, 150_000, 400_000];

describe('probe, settle and price', () => {
  it('gives planTier’s shape and total at every count, settled or not, and some counts need settling', () => {
    let unsettled = 0;
    for (const users of counts) {
      const options = { ladderContext: context };
      const plan = planTier({ users, profile: 'eks-web-app' }, book, options);
      const probe = probeCapacity(users, 'eks-web-app', book, options);
      if (!probe.settled) unsettled++;
      const settled = probe.settled ? probe : settleCapacity(users, 'eks-web-app', book, options, probe);
      expect(settled.settled).toBe(true);
      expect(capacityShape(settled.ha, settled.azs, settled.capacity), `${users} users`).toEqual(planShape(plan));
      const total = 'total' in settled && settled.total ? settled.total : pricedCapacity(users, 'eks-web-app', book, options, settled).total;
      expect(total.toString(), `${users} users`).toBe(plan.monthly.total.toString());
    }
    expect(unsettled).toBeGreaterThan(0);
  });

  it('a settled probe priced again is not decided again: its capacity stands', () => {
    const users = 42_170;
    const options = { ladderContext: context };
    const probe = probeCapacity(users, 'eks-web-app', book, options);
    const settled = probe.settled ? probe : settleCapacity(users, 'eks-web-app', book, options, probe);
    expect(pricedCapacity(users, 'eks-web-app', book, options, settled).capacity).toBe(settled.capacity);
  });
});
