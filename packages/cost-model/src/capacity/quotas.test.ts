import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { MANAGED_NODE_GROUPS_PER_CLUSTER, NAT_GATEWAY_MAX_GBPS, NODES_PER_MANAGED_NODE_GROUP } from './aws-quotas.js';
import type { NodeGroupPlan } from './capacity-types.js';
import { splitNodeGroup } from './quotas.js';

const book = loadPriceBook({ region: 'us-east-1' });
const LIMIT = NODES_PER_MANAGED_NODE_GROUP.defaultValue;
const huge = planTier({ users: 10_000_000_000, profile: 'eks-web-app' }, book);

function group(desired: number, max: number, min: number): NodeGroupPlan {
  return {
    name: 'workers',
    instanceType: 'm7i.large',
    count: desired,
    monthlyUsd: '0',
    binding: 'cpu',
    arch: 'x86_64',
    min,
    desired,
    max,
    rootVolumeGb: 20,
    allocatable: { cpuMillicores: 1930, memoryMiB: 6000, pods: 29 },
    requested: { cpuMillicores: desired * 1500, memoryMiB: desired * 4000, pods: desired * 20 },
    why: 'test.',
  };
}

describe('node groups at the managed node group quota', () => {
  it('keeps every group within the default nodes per managed node group, preserving the totals and the AZ spread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (azs, rows, extraRows) => {
        const desired = rows * azs;
        const max = (rows + extraRows) * azs;
        const split = splitNodeGroup(book, group(desired, max, azs), azs, 730);
        expect(split.reduce((n, g) => n + g.count, 0)).toBe(desired);
        expect(split.reduce((n, g) => n + g.min, 0)).toBe(azs);
        for (const g of split) {
          expect(g.count).toBeGreaterThanOrEqual(1);
          expect(g.max).toBeLessThanOrEqual(LIMIT);
          expect(g.max).toBeGreaterThanOrEqual(g.count);
          expect(g.count % azs).toBe(0);
        }
        expect(split.length).toBe(desired <= LIMIT && max <= LIMIT ? 1 : Math.ceil(rows / Math.floor(LIMIT / azs)));
        expect(new Set(split.map((g) => g.name)).size).toBe(split.length);
        if (split.length === 1) expect(split[0]!.split).toBeUndefined();
        else expect(split.map((g) => g.split)).toEqual(split.map((_, i) => ({ group: 'workers', part: i + 1, parts: split.length })));
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('at 10 billion users splits the nodes over managed node groups of at most 450, priced one by one', () => {
    const nodes = huge.nodes.reduce((n, g) => n + g.count, 0);
    expect(huge.nodes.length).toBe(Math.ceil(nodes / huge.azs / Math.floor(LIMIT / huge.azs)));
    expect(huge.nodes.length).toBeGreaterThan(MANAGED_NODE_GROUPS_PER_CLUSTER.defaultValue);
    for (const g of huge.nodes) expect(g.max).toBeLessThanOrEqual(LIMIT);
    // Every group is its own BOM resource and line item, and the instance hours add up to every node.
    const instances = huge.bom.resources.filter((r) => r.type === 'ec2_instance' && r.name.startsWith('node group '));
    expect(instances.map((r) => r.name)).toEqual(huge.nodes.map((g) => `node group ${g.name}`));
    const hours = huge.lineItems.filter((l) => l.resource.startsWith('node group ') && l.unit === 'hours').reduce((n, l) => n + l.quantity.toNumber(), 0);
    // Nodes follow the day's load: each group bills its node-hours over the day's levels.
    const nodeHours = huge.nodes.reduce((n, g) => n + (g.nodeHoursPerDay * huge.hoursPerMonth) / 24, 0);
    expect(hours).toBeCloseTo(nodeHours, 3);
    const hourly = Number(book.instanceType(huge.nodes[0]!.instanceType)!.onDemandUsd);
    const usage = huge.lineItems.filter((l) => l.resource.startsWith('node group ') && l.unit === 'hours').reduce((sum, l) => sum + l.monthly!.toNumber(), 0);
    expect(usage).toBeCloseTo(nodeHours * hourly, 0);
  });

  it('at 10 billion users warns of the node groups per cluster, the subnet addresses and plans NAT gateways for the bandwidth', () => {
    const quota = huge.warnings.find((w) => w.includes(`"${MANAGED_NODE_GROUPS_PER_CLUSTER.name}"`))!;
    expect(quota).toContain(`${huge.nodes.length} managed node groups`);
    expect(quota).toContain('default 30');
    expect(quota).toContain('service-quotas');
    expect(quota).toContain(`run ${Math.ceil(huge.nodes.length / 30)} clusters`);
    expect(huge.warnings.some((w) => w.includes('IPv4 addresses per AZ') && w.includes('/19'))).toBe(true);
    const nat = huge.capacity.natGateways;
    expect(nat.count).toBe(Math.ceil(nat.peakGbps / NAT_GATEWAY_MAX_GBPS.defaultValue));
    expect(nat.count).toBeGreaterThan(1);
    const bomNat = huge.bom.resources.find((r) => r.type === 'nat_gateway');
    expect(bomNat && bomNat.type === 'nat_gateway' && bomNat.count).toBe(nat.count);
    expect(huge.capacity.quotas.map((q) => q.outcome)).toContain('exceeds');
  });

  it('at 10 million users stays in one node group with no quota warning', () => {
    const plan = planTier({ users: 10_000_000, profile: 'eks-web-app' }, book);
    expect(plan.nodes).toHaveLength(1);
    expect(plan.warnings.filter((w) => w.startsWith('quota:'))).toEqual([]);
    expect(plan.capacity.quotas.every((q) => q.outcome === 'within')).toBe(true);
  });
});
