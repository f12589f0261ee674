import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { getProfile } from '../profiles/index.js';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { PlanningError } from './capacity-types.js';
import { chooseNodeGroup, type NodeGroupRequest } from './choose-node-group.js';
import type { PodGroup } from './pod-packing.js';

const book = loadPriceBook({ region: 'us-east-1' });
const daemonSets: SystemPod[] = [{ name: 'kube-proxy', cpuMillicores: 100, memoryMiB: 0 }];
const cpuHeavy: PodGroup[] = [{ name: 'api', cpuMillicores: 1000, memoryMiB: 512, replicas: 60 }];

function request(constraints: NodeConstraints, groups: PodGroup[] = cpuHeavy): NodeGroupRequest {
  return { book, constraints, groups, groupsAtMax: groups, daemonSets, cpuUse: { podsMillicores: 0, perNodeMillicores: 0 }, ha: false, azs: 1, hoursPerMonth: 730 };
}

const previousFamilies = new Set(book.instanceTypes.filter((t) => !t.currentGeneration).map((t) => t.family));

describe('previous-generation instance types', () => {
  it('the book marks AWS\'s previous-generation families, with a source', () => {
    for (const f of ['a1', 'm3', 'c3', 'r3', 't2']) expect(previousFamilies.has(f)).toBe(true);
    for (const f of ['m5', 'm7i', 't3', 'c7g']) expect(previousFamilies.has(f)).toBe(false);
    const a1 = book.instanceType('a1.large')!;
    expect(book.source(a1.previousGeneration!.source)!.ref).toContain('instance-types.html#previous-gen-instances');
  });

  it('are left out by default and counted under "previous generation"', () => {
    const on = chooseNodeGroup(request({}));
    const off = chooseNodeGroup(request({ allowPreviousGeneration: true }));
    // Burstable ones (t2) are counted under "burstable not allowed" first.
    const listed = book.instanceTypes.filter((t) => !t.currentGeneration && !t.burstable && t.gpus === 0 && !t.bareMetal && t.maxPods !== null).length;
    expect(on.excludedTypes!['previous generation']).toBe(listed);
    expect(off.excludedTypes!['previous generation']).toBeUndefined();
    expect(book.instanceType(on.instanceType)!.currentGeneration).toBe(true);
  });

  it('come back when the profile opts in or names the family', () => {
    // a1 (first-generation Graviton) is the cheapest Arm CPU per dollar in this book for this load.
    const named = chooseNodeGroup(request({ families: ['a1'] }));
    expect(named.instanceType).toMatch(/^a1\./);
    const optedIn = chooseNodeGroup(request({ allowPreviousGeneration: true, architectures: ['arm64'] }));
    const byDefault = chooseNodeGroup(request({ architectures: ['arm64'] }));
    expect(book.instanceType(byDefault.instanceType)!.currentGeneration).toBe(true);
    expect(Number(optedIn.monthlyUsd)).toBeLessThanOrEqual(Number(byDefault.monthlyUsd));
  });
});

describe('throughput per vCPU', () => {
  it('is equal across families unless the profile gives factors, and the plan says so', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
    const a = plan.assumptions.find((x) => x.name === 'throughputPerVcpu')!;
    expect(a).toMatchObject({ value: 1, defaulted: true });
    expect(a.why).toContain('equal throughput per vCPU across families (tier-planner assumption)');
    const base = getProfile('eks-web-app');
    const tuned = planTier({ users: 10_000, profile: { ...base, nodes: { ...base.nodes, throughputFactors: { m7i: 1.2 } } } }, book);
    expect(tuned.assumptions.find((x) => x.name === 'throughputPerVcpu')).toMatchObject({ defaulted: false });
    expect(tuned.assumptions.find((x) => x.name === 'throughputPerVcpu')!.why).toContain('m7i × 1.2');
  });

  it('scales the CPU room of the family it names', () => {
    const plain = chooseNodeGroup(request({ families: ['m7i'], maxVcpu: 4 }));
    const faster = chooseNodeGroup(request({ families: ['m7i'], maxVcpu: 4, throughputFactors: { m7i: 2 } }));
    expect(plain.binding).toBe('cpu');
    expect(faster.instanceType).toBe(plain.instanceType);
    // Twice the requests per vCPU: each node holds the pods twice its CPU allows (after DaemonSets).
    const perNode = (a: number, factor: number) => Math.floor((a * factor - 100) / 1000);
    expect(plain.count).toBe(Math.ceil(60 / perNode(plain.allocatable.cpuMillicores, 1)));
    expect(faster.count).toBe(Math.ceil(60 / perNode(faster.allocatable.cpuMillicores, 2)));
    expect(faster.count).toBeLessThan(plain.count);
    // A factor for another family leaves this one alone.
    expect(chooseNodeGroup(request({ families: ['m7i'], maxVcpu: 4, throughputFactors: { c7i: 2 } })).count).toBe(plain.count);
  });

  it('rejects an unknown family or a factor out of range', () => {
    expect(() => chooseNodeGroup(request({ throughputFactors: { zz9: 1.1 } }))).toThrow(PlanningError);
    expect(() => chooseNodeGroup(request({ throughputFactors: { m7i: 0 } }))).toThrow(/throughputFactors\.m7i/);
  });
});
