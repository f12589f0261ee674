import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile, ServiceSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import type { Demand } from '../workload/demand.js';
import { PlanningError, type CapacityInput, type CapacityPlan } from './capacity-types.js';
import { planCapacity } from './plan-capacity.js';

const book = loadPriceBook({ region: 'us-east-1' });

function profile(over: Partial<Profile> = {}): Profile {
  return {
    name: 'test',
    title: 'Test profile',
    description: 'built inline for the capacity tests',
    platform: 'eks',
    workload: {},
    services: [
      { name: 'api', cpuMillicores: 500, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1, maxReplicas: 50 },
      { name: 'web', cpuMillicores: 250, memoryMiB: 512, rpsPerReplica: 200, requestShare: 0.6 },
    ],
    systemPods: [
      { name: 'coredns', cpuMillicores: 100, memoryMiB: 70, replicas: 2 },
      { name: 'metrics-server', cpuMillicores: 100, memoryMiB: 200, replicas: 1 },
      { name: 'prometheus', cpuMillicores: 500, memoryMiB: 2048, replicas: 1, when: 'monitoring-in-cluster' },
    ],
    daemonSets: [
      { name: 'kube-proxy', cpuMillicores: 100, memoryMiB: 0 },
      { name: 'aws-node', cpuMillicores: 25, memoryMiB: 0 },
      { name: 'node-exporter', cpuMillicores: 112, memoryMiB: 200, when: 'monitoring-in-cluster' },
    ],
    features: [],
    nodes: { rootVolumeGb: 20 },
    ha: { fromUsers: 1000, azs: 3 },
    network: { loadBalancer: 'alb', nat: 'per-az-when-ha' },
    rds: { engine: 'postgresql', memoryGiBBase: 1, memoryGiBPerMillionUsers: 4, classFamilies: ['db.t4g', 'db.r6g'], minStorageGb: 20 },
    cache: { engine: 'redis', fromUsers: 50_000, kibPerActiveUser: 32, nodeFamilies: ['cache.t4g', 'cache.r6g'] },
    kafka: { fromUsers: 1_000_000, brokerFamilies: ['kafka.m7g'], bytesPerRequest: 500, retentionHours: 24, replicationFactor: 3 },
    storage: { ecrRetainedImages: 10, s3Lifecycle: { toStandardIaDays: 30, toGlacierIrDays: 90 }, logs: { sink: 'cloudwatch', retentionDays: 30 } },
    ci: { provider: 'github-actions', developers: 5, pushesPerDeveloperPerDay: 4, workingDaysPerMonth: 21, jobs: [{ name: 'test', minutes: 5 }] },
    ...over,
  };
}

/** A simple demand: 30% daily actives, 20 requests each, peak 3× the average. */
function demand(users: number): Demand {
  const dailyActiveUsers = users * 0.3;
  const requestsPerDay = dailyActiveUsers * 20;
  const averageRps = requestsPerDay / 86_400;
  return {
    users,
    dailyActiveUsers,
    requestsPerDay,
    averageRps,
    peakRps: averageRps * 3,
    // Flat over the day: these tests size the peak (daily-capacity.test.ts covers the day's levels).
    dailyLevels: [{ rps: averageRps * 3, hoursPerDay: 24 }],
    peakConcurrentUsers: 0,
    egressGbPerMonth: 0,
    databaseGb: 0,
    objectStorageGb: 0,
    logGbPerMonth: 0,
  };
}

function input(users: number, p: Profile = profile(), over: Partial<CapacityInput> = {}): CapacityInput {
  const ha = users >= p.ha.fromUsers;
  return { demand: demand(users), profile: p, book, ha, azs: p.ha.azs, targetUtilization: 0.7, hoursPerMonth: 730, ...over };
}

/** Each pod must fit one node's room after DaemonSets; Σ requests must fit Σ allocatable. */
function expectEverythingFits(plan: CapacityPlan, p: Profile): void {
  const group = plan.nodeGroups[0]!;
  const features = p.features ?? [];
  const active = <T extends { when?: string }>(xs: readonly T[] | undefined) => (xs ?? []).filter((x) => !x.when || features.includes(x.when as never));
  const ds = active(p.daemonSets);
  const room = {
    cpu: group.allocatable.cpuMillicores - ds.reduce((s, d) => s + d.cpuMillicores, 0),
    mem: group.allocatable.memoryMiB - ds.reduce((s, d) => s + d.memoryMiB, 0),
    pods: group.allocatable.pods - ds.length,
  };
  const pods = [...plan.replicas.map((r) => ({ ...r, n: r.desired })), ...active(p.systemPods).map((s) => ({ ...s, n: s.replicas ?? 1 }))];
  expect(room.pods).toBeGreaterThanOrEqual(1);
  for (const pod of pods) {
    expect(pod.cpuMillicores).toBeLessThanOrEqual(room.cpu);
    expect(pod.memoryMiB).toBeLessThanOrEqual(room.mem);
  }
  const sum = (f: (x: (typeof pods)[number]) => number) => pods.reduce((s, x) => s + f(x) * x.n, 0);
  // Over every part of a group split at the managed node group quota (each part its share).
  const count = plan.nodeGroups.reduce((n, g) => n + g.count, 0);
  const requested = (k: keyof CapacityPlan['nodeGroups'][number]['requested']) => plan.nodeGroups.reduce((n, g) => n + g.requested[k], 0);
  const expected = {
    cpuMillicores: sum((x) => x.cpuMillicores) + count * ds.reduce((s, d) => s + d.cpuMillicores, 0),
    memoryMiB: sum((x) => x.memoryMiB) + count * ds.reduce((s, d) => s + d.memoryMiB, 0),
    pods: sum(() => 1) + count * ds.length,
  };
  for (const k of ['cpuMillicores', 'memoryMiB', 'pods'] as const) expect(requested(k)).toBeCloseTo(expected[k], 3);
  expect(requested('cpuMillicores')).toBeLessThanOrEqual(count * group.allocatable.cpuMillicores);
  expect(requested('memoryMiB')).toBeLessThanOrEqual(count * group.allocatable.memoryMiB);
  expect(requested('pods')).toBeLessThanOrEqual(count * group.allocatable.pods);
}

const services = fc.array(
  fc.record<ServiceSpec>({
    name: fc.constantFrom('api', 'web', 'worker', 'auth', 'search'),
    cpuMillicores: fc.integer({ min: 10, max: 4000 }),
    memoryMiB: fc.integer({ min: 16, max: 16_384 }),
    rpsPerReplica: fc.double({ min: 1, max: 500, noNaN: true }),
    requestShare: fc.double({ min: 0, max: 1, noNaN: true }),
    minReplicas: fc.integer({ min: 1, max: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);
const users = fc.integer({ min: 1, max: 10_000_000 });

describe('planCapacity on EKS', () => {
  it('plans replicas, one node group and the datastores', () => {
    const plan = planCapacity(input(200_000));
    expect(plan.replicas.map((r) => r.name)).toEqual(['api', 'web']);
    expect(plan.nodeGroups).toHaveLength(1);
    expect(plan.fargateTasks).toEqual([]);
    expect(plan.rds).toMatchObject({ engine: 'postgresql', deployment: 'multi-az' });
    expect(plan.cache).toBeDefined();
    expect(plan.kafka).toBeUndefined();
    expect(planCapacity(input(2_000_000)).kafka).toBeDefined();
    expect(planCapacity(input(10_000)).cache).toBeUndefined();
  });

  it('counts feature-gated add-ons only when the feature is on', () => {
    const off = planCapacity(input(100));
    const on = planCapacity(input(100, profile({ features: ['monitoring-in-cluster'] })));
    expect(on.nodeGroups[0]!.requested.memoryMiB).toBeGreaterThan(off.nodeGroups[0]!.requested.memoryMiB + 2048);
  });

  it('HA: ≥ 2 replicas per service, nodes a multiple of the AZs with a spare', () => {
    const plan = planCapacity(input(5_000));
    expect(plan.replicas.every((r) => r.desired >= 2)).toBe(true);
    const g = plan.nodeGroups[0]!;
    expect(g.count % 3).toBe(0);
    expect(g.min).toBe(3);
    expect(g.max).toBeGreaterThanOrEqual(g.desired);
  });

  it('warns when the load needs more replicas than the profile max', () => {
    const plan = planCapacity(input(10_000_000));
    // 3M daily actives × 20 requests, peak 3× average ≈ 2,083 rps: api needs ceil(2083 / 70) = 30
    expect(plan.replicas[0]).toMatchObject({ needed: 30, maxReplicas: 50 });
    expect(plan.warnings).toEqual([]);
    const capped = profile({ services: [{ name: 'api', cpuMillicores: 500, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1, maxReplicas: 10 }] });
    const over = planCapacity(input(10_000_000, capped));
    // HA over 3 AZs: ceil(30 / 2) = 15 per AZ, so losing one AZ leaves 30.
    expect(over.replicas[0]).toMatchObject({ desired: 45, maxReplicas: 45 });
    expect(over.warnings).toEqual(['service api: maxReplicas 10 raised to 45 because the peak load needs 30 and 45 spread over 3 AZs keep that many after losing one']);
  });

  it('a fixed node group bypasses the choice, and grows with a warning when the load outgrows it', () => {
    const fixed = profile({ platform: 'kubernetes-ec2', nodes: { fixed: { instanceType: 't3.medium', count: 3 } } });
    const small = planCapacity(input(100, fixed));
    expect(small.nodeGroups[0]).toMatchObject({ instanceType: 't3.medium', count: 3, min: 3, desired: 3, max: 3, binding: 'minimum' });
    expect(small.warnings).toEqual([]);
    const big = planCapacity(input(3_000_000, fixed));
    const g = big.nodeGroups[0]!;
    expect(g.count).toBeGreaterThan(3);
    expect(g.requested.cpuMillicores).toBeLessThanOrEqual(g.allocatable.cpuMillicores * g.count);
    expect(big.warnings.some((w) => new RegExp(`${g.count} to survive losing one of 3 AZs, but the profile fixes 3: planned at ${g.count} nodes`).test(w))).toBe(true);
  });

  it('fails with NO_INSTANCE_FITS for a pod larger than any allowed instance', () => {
    const p = profile({ nodes: { families: ['t3'] }, services: [{ name: 'giant', cpuMillicores: 500, memoryMiB: 64_000, rpsPerReplica: 10, requestShare: 1 }] });
    expect(() => planCapacity(input(10, p))).toThrow(expect.objectContaining({ code: 'NO_INSTANCE_FITS', message: expect.stringContaining('pod giant') }));
  });

  it('fails with UNKNOWN_FAMILY for a family the catalog does not have', () => {
    expect(() => planCapacity(input(10, profile({ nodes: { families: ['m5', 'q9x'] } })))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FAMILY', message: expect.stringContaining('"q9x"') }),
    );
  });

  it('rejects nonsense inputs with BAD_INPUT', () => {
    expect(() => planCapacity(input(10, profile(), { azs: 0 }))).toThrow(PlanningError);
    expect(() => planCapacity(input(10, profile(), { targetUtilization: 1.5 }))).toThrow(/targetUtilization/);
  });

  it('property: every pod fits a node and Σ requests ≤ Σ allocatable', () => {
    fc.assert(
      fc.property(services, users, fc.boolean(), (s, u, monitoring) => {
        const p = profile({ services: s, features: monitoring ? ['monitoring-in-cluster'] : [] });
        expectEverythingFits(planCapacity(input(u, p)), p);
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it('property: the same input gives the same plan', () => {
    fc.assert(
      fc.property(services, users, (s, u) => {
        const p = profile({ services: s });
        expect(planCapacity(input(u, p))).toEqual(planCapacity(input(u, structuredClone(p))));
      }),
      { numRuns: 50, seed: 20261201 },
    );
  });

  it('property: more users never means fewer nodes of a given type, nor a cheaper cluster', () => {
    // With the type pinned (m5 up to 2 vCPUs is m5.large only) the count is monotone. Over the
    // whole catalog the count may drop when a larger type becomes cheaper, but the cost may not.
    const pinned = { families: ['m5'], maxVcpu: 2, rootVolumeGb: 20 };
    fc.assert(
      fc.property(services.map((s) => s.map((x) => ({ ...x, cpuMillicores: Math.min(x.cpuMillicores ?? 0, 1500), memoryMiB: Math.min(x.memoryMiB, 6000) }))), users, users, (s, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const onM5 = profile({ services: s, nodes: pinned });
        const ha = { ha: true };
        // Over every part of a group split at the managed node group quota.
        const nodes = (p: CapacityPlan) => p.nodeGroups.reduce((n, g) => n + g.count, 0);
        const monthly = (p: CapacityPlan) => p.nodeGroups.reduce((n, g) => n + Number(g.monthlyUsd), 0);
        expect(nodes(planCapacity(input(high, onM5, ha)))).toBeGreaterThanOrEqual(nodes(planCapacity(input(low, onM5, ha))));
        const any = profile({ services: s });
        expect(monthly(planCapacity(input(high, any, ha)))).toBeGreaterThanOrEqual(monthly(planCapacity(input(low, any, ha))) - 0.01);
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });
});

describe('planCapacity on ECS Fargate', () => {
  it('plans tasks, no nodes', () => {
    const p = profile({
      platform: 'ecs-fargate',
      fargate: { arch: 'arm64' },
      services: [
        { name: 'api', cpuUnits: 512, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1, maxReplicas: 50 },
        { name: 'web', cpuUnits: 256, memoryMiB: 512, rpsPerReplica: 200, requestShare: 0.6 },
      ],
    });
    const plan = planCapacity(input(50_000, p));
    expect(plan.nodeGroups).toEqual([]);
    expect(plan.fargateTasks.map((t) => t.service)).toEqual(['api', 'web']);
    expect(plan.fargateTasks[0]).toMatchObject({ vcpu: 0.5, memoryGb: 1, arch: 'arm64', spot: false });
    expect(plan.fargateTasks.map((t) => t.count)).toEqual(plan.replicas.map((r) => r.desired));
  });

  it('reads ECS CPU units as ECS does (1 vCPU = 1024): 512 units is a 0.5 vCPU task, 256 a 0.25 one', () => {
    const p = profile({ platform: 'ecs-fargate', services: [{ name: 'api', cpuUnits: 512, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1 }, { name: 'web', cpuUnits: 256, memoryMiB: 512, rpsPerReplica: 100, requestShare: 1 }] });
    const plan = planCapacity(input(1, p));
    expect(plan.replicas.map((r) => r.cpuMillicores)).toEqual([500, 250]);
    expect(plan.fargateTasks.map((t) => [t.vcpu, t.memoryGb])).toEqual([[0.5, 1], [0.25, 0.5]]);
  });

  it('refuses millicores on Fargate and ECS units on Kubernetes, even past parseProfile', () => {
    const fargate = profile({ platform: 'ecs-fargate', services: [{ name: 'api', cpuMillicores: 512, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1 }] });
    expect(() => planCapacity(input(1, fargate))).toThrow(/service api cpuMillicores: ecs-fargate sizes tasks in ECS CPU units/);
    const eks = profile({ services: [{ name: 'api', cpuUnits: 512, memoryMiB: 1024, rpsPerReplica: 100, requestShare: 1 }] });
    expect(() => planCapacity(input(1, eks))).toThrow(PlanningError);
  });
});
