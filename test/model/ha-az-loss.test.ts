import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook, planTier, type Plan } from '@tier-planner/cost-model';
import { activeDaemonSets, activeSystemPods } from '../../packages/cost-model/src/capacity/cluster-add-ons.js';
import { daemonSetLoad, roomAfterDaemonSets } from '../../packages/cost-model/src/capacity/node-group-plan.js';
import { packedNodeCount, type PodGroup } from '../../packages/cost-model/src/capacity/pod-packing.js';
import { getProfile, listProfiles } from '../../packages/cost-model/src/profiles/index.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const profileNames = listProfiles().map((p) => p.name);
/** 1 … 10M users, spread evenly over the decades. */
const users = fc.integer({ min: 0, max: 700 }).map((e) => Math.max(1, Math.round(10 ** (e / 100))));

/** What must keep running when one AZ is lost: each service's replicas outside it, every add-on. */
function survivingPods(plan: Plan): PodGroup[] {
  const profile = getProfile(plan.profile.name);
  return [
    ...plan.replicas.map((r) => ({ name: r.name, cpuMillicores: r.cpuMillicores, memoryMiB: r.memoryMiB, replicas: r.desired - r.desired / plan.azs })),
    ...activeSystemPods(profile).map((p) => ({ name: p.name, cpuMillicores: p.cpuMillicores, memoryMiB: p.memoryMiB, replicas: p.replicas ?? 1 })),
  ];
}

describe('HA survives the loss of any one AZ (every profile, HA forced on)', () => {
  it('the nodes and replicas left after losing one AZ carry the peak', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profileNames), users, (name, u) => {
        const plan = planTier({ users: u, profile: name }, book, { ha: true });
        const azs = plan.azs;
        expect(azs).toBeGreaterThanOrEqual(2);
        expect(plan.resilience.survives).toBe(`loss of 1 of ${azs} AZs`);
        // Replicas (pods or Fargate tasks): the same in every AZ, and those left run what the peak needs.
        for (const r of plan.replicas) {
          expect(r.desired % azs, r.name).toBe(0);
          expect(r.desired - r.desired / azs, r.name).toBeGreaterThanOrEqual(r.needed);
        }
        for (const t of plan.fargate) expect(t.count - t.count / azs, t.service).toBeGreaterThanOrEqual(plan.replicas.find((r) => r.name === t.service)!.needed);
        const ds = daemonSetLoad(activeDaemonSets(getProfile(name)));
        const surviving = survivingPods(plan);
        for (const g of plan.nodes) {
          expect(g.count % azs).toBe(0);
          const left = g.count - g.count / azs;
          const room = roomAfterDaemonSets(g.allocatable, ds);
          // Σ requests of what keeps running ≤ the room on the nodes left, per resource ...
          let cpu = 0;
          let memory = 0;
          let pods = 0;
          for (const p of surviving) {
            cpu += p.cpuMillicores * p.replicas;
            memory += p.memoryMiB * p.replicas;
            pods += p.replicas;
          }
          expect(cpu).toBeLessThanOrEqual(room.cpuMillicores * left);
          expect(memory).toBeLessThanOrEqual(room.memoryMiB * left);
          expect(pods).toBeLessThanOrEqual(room.pods * left);
          // ... and the pods really pack onto them.
          expect(packedNodeCount(surviving, room)).toBeLessThanOrEqual(left);
        }
        expect(plan.resilience.headroomMonthly.gte(0)).toBe(true);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('without the AZ rule the 10M eks-web-app plan would not survive: the headroom is real', () => {
    const plan = planTier({ users: 10_000_000, profile: 'eks-web-app' }, book);
    const g = plan.nodes[0]!;
    const withoutHeadroom = plan.capacity.withoutAzHeadroom!.nodes[g.name]!;
    expect(plan.resilience.extraNodes).toBe(g.count - withoutHeadroom);
    // N+1 over 2 AZs leaves half the nodes for more than half the pods.
    const ds = daemonSetLoad(activeDaemonSets(getProfile('eks-web-app')));
    expect(packedNodeCount(survivingPods(plan), roomAfterDaemonSets(g.allocatable, ds))).toBeGreaterThan(withoutHeadroom / 2);
    expect(plan.resilience.headroomMonthly.gt(0)).toBe(true);
  });

  it('the summary reads the datastore plans: Multi-AZ RDS, cache replicas', () => {
    const plan = planTier({ users: 1_000_000, profile: 'microservices-mysql' }, book);
    const { rds, cache } = plan.datastores;
    expect(rds?.deployment).toBe('multi-az');
    expect(plan.resilience.datastores.some((d) => d.startsWith('RDS Multi-AZ'))).toBe(true);
    if (cache) expect(plan.resilience.datastores.some((d) => d.startsWith(`ElastiCache: ${cache.nodes} nodes`))).toBe(true);
    const single = planTier({ users: 1_000_000, profile: 'microservices-mysql' }, book, { ha: false });
    expect(single.resilience.datastores.some((d) => d.startsWith('RDS single-AZ'))).toBe(true);
  });

  it('without HA the plan says it survives nothing and costs no headroom', () => {
    const plan = planTier({ users: 100, profile: 'eks-web-app' }, book, { ha: false });
    expect(plan.resilience).toMatchObject({ survives: 'none (single AZ)', extraNodes: 0, extraReplicas: 0 });
    expect(plan.resilience.headroomMonthly.isZero()).toBe(true);
  });
});
