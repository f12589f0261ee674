import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook, planTier, type Plan } from '@tier-planner/cost-model';
import { listProfiles } from '../../packages/cost-model/src/profiles/index.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const clusterProfiles = listProfiles()
  .filter((p) => p.platform !== 'ecs-fargate')
  .map((p) => p.name);

/** What the node groups' monthlyUsd add up to, and what the plan's line items bill for them and their root volumes. */
function nodeFigures(plan: Plan): { ranked: number; billed: number } {
  const ranked = plan.nodes.reduce((s, g) => s + Number(g.monthlyUsd), 0);
  const billed = plan.lineItems
    .filter((i) => (i.resource.startsWith('node group ') || i.resource === 'node root volumes') && i.monthly)
    .reduce((s, i) => s + i.monthly!.toNumber(), 0);
  return { ranked, billed };
}

describe("a node group's monthlyUsd is the month's bill over the day", () => {
  it('equals what the line items bill for the nodes and their root volumes (every cluster profile)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...clusterProfiles), fc.integer({ min: 0, max: 7000 }), (profile, e) => {
        const plan = planTier({ users: Math.max(1, Math.round(10 ** (e / 1000))), profile }, book);
        const { ranked, billed } = nodeFigures(plan);
        // Each group's figure is rounded to cents; the line items round per item.
        expect(Math.abs(ranked - billed), `${profile}`).toBeLessThanOrEqual(0.01 * (plan.nodes.length + plan.lineItems.length));
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('holds for a group split at the managed node group quota: each part bills its share of the day', () => {
    const plan = planTier({ users: 10_000_000_000, profile: 'eks-web-app' }, book);
    expect(plan.nodes.length).toBeGreaterThan(1);
    const { ranked, billed } = nodeFigures(plan);
    expect(Math.abs(ranked - billed) / billed).toBeLessThan(1e-6);
  });
});
