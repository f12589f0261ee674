import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../cost/money.js';
import type { LineItem } from '../cost/line-item.js';
import { BomError, priceResources } from '../bom/price-resources.js';
import { planTier } from '../plan/plan-tier.js';
import type { Plan } from '../plan/plan-types.js';
import { getProfile, listProfiles } from '../profiles/index.js';
import type { Profile } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';

const book = loadPriceBook({ embeddedOnly: true });

/** 4 h at the peak, 8 h at half of it, 12 h at a tenth: peak ÷ mean = 10 ÷ (92 ÷ 24). */
const HOURLY = [...Array(12).fill(1), ...Array(8).fill(5), ...Array(4).fill(10)];

/**
 * One service of 1,000m that serves 100 req/s at 100% of its request, on m5.large nodes (one such
 * pod per node) pinned at a minimum of 1 node, every user making 86,400 requests a day: the
 * average rate is the user count, and every count below follows by hand.
 */
function worked(over: Partial<Profile> = {}, shape: object = { hourly: HOURLY }): Profile {
  const p = getProfile('eks-web-app');
  return {
    ...p,
    workload: { dauPerMau: 1, requestsPerActiveUserPerDay: 86_400, dailyShape: shape },
    targetUtilization: 1,
    services: [{ name: 'api', cpuMillicores: 1000, memoryMiB: 512, rpsPerReplica: 100, requestShare: 1 }],
    systemPods: [],
    daemonSets: [],
    features: [],
    storage: { ...p.storage, prometheus: undefined, logs: { sink: 'cloudwatch', retentionDays: 7 } },
    nodes: { fixed: { instanceType: 'm5.large', count: 1 } },
    ha: { fromUsers: 1e12, azs: 2 },
    ...over,
  } as Profile;
}

const items = (plan: Plan, resource: string) => plan.lineItems.filter((i) => i.resource === resource);
const quantity = (list: readonly LineItem[]) => list.reduce((q, i) => q.plus(i.quantity), dec(0));
// Instance-hours of one node group, or of all (a CPU-credit line counts vCPU-hours, not instance-hours).
const nodeHours = (plan: Plan, group?: string) =>
  quantity(plan.lineItems.filter((i) => (group ? i.resource === `node group ${group}` : plan.nodes.some((g) => i.resource === `node group ${g.name}`)) && i.unit === 'hours')).toNumber();

describe('load over the day: a worked curve', () => {
  // 364 users: average 364 req/s, peak 364 × 10 ÷ (92 ÷ 24) = 949.6 req/s → 10, 5 and 1 replicas.
  const plan = planTier({ users: 364, profile: worked() }, book, { hoursPerMonth: 720 });

  it('scales replicas and nodes per level and bills exact node-hours', () => {
    expect(plan.demand.dailyLevels.map((l) => l.hoursPerDay)).toEqual([4, 8, 12]);
    expect(plan.replicas[0]).toMatchObject({ desired: 10, floor: 1, byLevel: [10, 5, 1] });
    const g = plan.nodes[0]!;
    expect(g.allocatable.cpuMillicores).toBeLessThan(2000); // one 1,000m pod per m5.large
    expect(g).toMatchObject({ instanceType: 'm5.large', count: 10, desired: 10, floor: 1, byLevel: [10, 5, 1], nodeHoursPerDay: 10 * 4 + 5 * 8 + 1 * 12 });
    // 30 days × 92 node-hours = 2,760: the floor's 720 and 2,040 of burst.
    const ec2 = items(plan, 'node group workers');
    expect(ec2.map((i) => [i.component, i.load, i.quantity.toNumber()])).toEqual([
      ['Instance usage (Linux/UNIX, on-demand, m5.large)', 'floor', 720],
      ['Burst instance usage (Linux/UNIX, on-demand, m5.large)', 'burst', 2040],
    ]);
    expect(plan.floor.nodes).toBe(1);
    expect(plan.burst.nodeHours).toBe(2040);
  });

  it('bills root volumes of scaled-in nodes only for their hours', () => {
    const root = items(plan, 'node root volumes');
    const gb = plan.storage.nodeRootVolumes!.sizeGb;
    expect(root.map((i) => i.load)).toEqual(['floor', 'burst']);
    expect(root[0]!.quantity.toNumber()).toBe(gb);
    expect(root[1]!.quantity.toNumber()).toBeCloseTo((gb * 2040) / 720, 10);
  });

  it('prices the floor and the burst from their line items, and they are part of the total', () => {
    const sum = (load: 'floor' | 'burst') => plan.lineItems.filter((i) => i.load === load).reduce((t, i) => t.plus(i.monthly!), dec(0));
    expect(plan.floor.monthlyUsd.eq(sum('floor'))).toBe(true);
    expect(plan.burst.monthlyUsd.eq(sum('burst'))).toBe(true);
    const price = dec(book.instanceType('m5.large')!.onDemandUsd);
    expect(items(plan, 'node group workers')[1]!.monthly!.eq(price.times(2040))).toBe(true);
  });

  it('keeps a fixed group at its size and a chosen HA group at its floors', () => {
    const pinned = planTier({ users: 364, profile: worked({ nodes: { fixed: { instanceType: 'm5.large', count: 3 } } }) }, book, { hoursPerMonth: 720 });
    expect(pinned.nodes[0]!.byLevel).toEqual([10, 5, 3]);
    const ha = planTier({ users: 364, profile: worked({ nodes: { families: ['m5'] }, ha: { fromUsers: 1, azs: 3 } }) }, book);
    for (const n of ha.nodes[0]!.byLevel) expect(n % 3 === 0 && n >= 3).toBe(true);
    expect(ha.replicas[0]!.floor).toBe(3); // HA over 3 AZs keeps one replica per AZ at the trough
  });

  it('scales Fargate tasks per level and bills task-hours', () => {
    const fargate = getProfile('trading-fargate');
    const base = worked();
    // ECS sizes tasks in CPU units (1 vCPU = 1024).
    const services = base.services.map(({ cpuMillicores, ...s }) => ({ ...s, cpuUnits: (cpuMillicores! * 1024) / 1000 }));
    const p = { ...base, services, platform: 'ecs-fargate', nodes: undefined, fargate: fargate.fargate, ci: fargate.ci } as Profile;
    const f = planTier({ users: 364, profile: p }, book, { hoursPerMonth: 720 });
    expect(f.fargate[0]).toMatchObject({ count: 10, floor: 1, byLevel: [10, 5, 1], taskHoursPerDay: 92 });
    const vcpu = items(f, 'service api').filter((i) => i.unit === 'vCPU-hours');
    expect(vcpu.map((i) => [i.load, i.quantity.toNumber()])).toEqual([
      ['floor', 720 * f.fargate[0]!.vcpu],
      ['burst', 2040 * f.fargate[0]!.vcpu],
    ]);
    expect(f.floor.tasks).toBe(1);
    expect(f.burst.taskHours).toBe(2040);
  });
});

describe('bill of materials: floor and burst hours', () => {
  it('prices an explicit resource with a floor and burst hours as two line items, and one without as before', () => {
    const priced = priceResources(
      {
        hoursPerMonth: 720,
        resources: [
          { type: 'ec2_instance', name: 'web', instanceType: 'm5.large', count: 4, floor: 1, burstHours: 100 },
          { type: 'ec2_instance', name: 'old', instanceType: 'm5.large', count: 4 },
          { type: 'ebs_volume', name: 'disks', sizeGb: 20, count: 4, floor: 1, burstHours: 360 },
        ],
      },
      book,
    );
    const of = (name: string) => priced.lineItems.filter((i) => i.resource === name).map((i) => [i.load, i.quantity.toNumber()]);
    expect(of('web')).toEqual([['floor', 720], ['burst', 100]]);
    expect(of('old')).toEqual([[undefined, 2880]]);
    expect(of('disks')).toEqual([['floor', 20], ['burst', 10]]);
  });

  it('refuses a floor above the count, burst hours without a floor, and more burst hours than the others can run', () => {
    const problems = (r: object) => {
      try {
        priceResources({ hoursPerMonth: 720, resources: [{ type: 'ec2_instance', name: 'web', instanceType: 'm5.large', count: 4, ...r }] }, book);
        return [];
      } catch (e) {
        return (e as BomError).problems;
      }
    };
    expect(problems({ floor: 5 })).toEqual(['$.resources[0].floor: 5 is above the count 4']);
    expect(problems({ burstHours: 10 })).toEqual(['$.resources[0].burstHours: only with a floor (the instances that run all month)']);
    expect(problems({ floor: 1, burstHours: 2161 })).toEqual(['$.resources[0].burstHours: 2161 is more than the 3 above the floor can run in 720 h (2160)']);
    expect(problems({ floor: 1, burstHours: 2160 })).toEqual([]);
  });
});

describe('load over the day: properties', () => {
  const profiles = listProfiles().map((p) => p.name);
  // Up to 8M users: every built-in profile's datastores fit their class lists there.

  it('a flat curve bills the peak for every hour, as a plan without a shape would', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.integer({ min: 1, max: 8_000_000 }), (name, users) => {
        const p = getProfile(name);
        const flat = { ...p, workload: { ...p.workload, peakToAverage: 1, dailyShape: { peakHours: 24 } } } as Profile;
        const f = planTier({ users, profile: flat }, book);
        expect(f.lineItems.some((i) => i.load === 'burst')).toBe(false);
        expect(f.burst.monthlyUsd.isZero()).toBe(true);
        for (const g of f.nodes) {
          expect(g.floor).toBe(g.count);
          expect(nodeHours(f, g.name)).toBe(g.count * f.hoursPerMonth);
        }
        for (const t of f.fargate) {
          expect(quantity(items(f, `service ${t.service}`).filter((i) => i.unit === 'vCPU-hours')).toNumber()).toBeCloseTo(t.count * f.hoursPerMonth * t.vcpu, 6);
        }
      }),
      { numRuns: 30, seed: 20261201 },
    );
  });

  it('node-hours lie between the floor and the peak for every hour, for every profile and user count', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.integer({ min: 1, max: 8_000_000 }), (name, users) => {
        const plan = planTier({ users, profile: name }, book);
        for (const g of plan.nodes) {
          const h = nodeHours(plan, g.name);
          expect(h).toBeLessThanOrEqual(g.count * plan.hoursPerMonth + 1e-6);
          expect(h).toBeGreaterThanOrEqual(g.floor * plan.hoursPerMonth - 1e-6);
          expect(g.byLevel[0]).toBe(g.count);
          for (let l = 1; l < g.byLevel.length; l++) expect(g.byLevel[l]!).toBeLessThanOrEqual(g.byLevel[l - 1]!);
        }
        for (const t of plan.fargate) expect(t.floor).toBeLessThanOrEqual(t.count);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('node-hours and task-hours never fall as users grow (on the same node type)', () => {
    const onM5 = worked({ workload: { dauPerMau: 1, requestsPerActiveUserPerDay: 86_400 }, nodes: { fixed: { instanceType: 'm5.xlarge', count: 1 } }, services: getProfile('eks-web-app').services });
    const fargate = getProfile('trading-fargate');
    const taskHours = (plan: Plan) => plan.fargate.reduce((h, t) => h + t.taskHoursPerDay, 0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(nodeHours(planTier({ users: hi, profile: onM5 }, book))).toBeGreaterThanOrEqual(nodeHours(planTier({ users: lo, profile: onM5 }, book)));
        expect(taskHours(planTier({ users: hi, profile: fargate }, book))).toBeGreaterThanOrEqual(taskHours(planTier({ users: lo, profile: fargate }, book)));
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
