import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../cost/money.js';
import { planTier } from '../plan/plan-tier.js';
import { getProfile } from '../profiles/index.js';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { chooseNodeGroup, type NodeGroupRequest } from './choose-node-group.js';
import { sustainedCpuUse, type SustainedCpuUse } from './cpu-credits.js';
import type { PodGroup } from './pod-packing.js';

const book = loadPriceBook({ region: 'us-east-1' });
const HOURS = 730;
const daemonSets: SystemPod[] = [{ name: 'kube-proxy', cpuMillicores: 100, memoryMiB: 0 }];
const api: PodGroup[] = [{ name: 'api', cpuMillicores: 250, memoryMiB: 512, replicas: 40 }];

function request(constraints: NodeConstraints, cpuUse: SustainedCpuUse): NodeGroupRequest {
  return { book, constraints, groups: api, groupsAtMax: api, daemonSets, cpuUse, ha: false, azs: 1, hoursPerMonth: HOURS };
}

/** The pods use this share of their CPU requests around the clock. */
const busy = (share: number): SustainedCpuUse => ({ podsMillicores: 250 * 40 * share, perNodeMillicores: 100 * share });

describe('sustainedCpuUse', () => {
  it('counts the load at the peak scaled to the day, not the replicas kept by a minimum', () => {
    const use = sustainedCpuUse({
      services: [
        { cpuMillicores: 500, rpsPerReplica: 100, requestShare: 1 },
        { cpuMillicores: 1000, rpsPerReplica: 50, requestShare: 0 }, // idle: only its minimum runs
      ],
      peakRps: 300,
      averageRps: 100,
      addOns: [{ name: 'coredns', cpuMillicores: 100, memoryMiB: 70, replicas: 2 }],
      daemonSetMillicores: 125,
      systemPodCpuShare: 0.5,
    });
    // 300 req/s ÷ 100 per replica = 3 requests' worth of 500m at the peak; a third of that over the day.
    expect(use.podsMillicores).toBeCloseTo(3 * 500 * (100 / 300) + 2 * 100 * 0.5, 9);
    expect(use.perNodeMillicores).toBe(62.5);
  });
});

describe('CPU credits of burstable node groups', () => {
  it('a t3 group above its baseline bills the surplus vCPU-hours at the credit price, exactly', () => {
    const plan = chooseNodeGroup(request({ families: ['t3'] }, busy(0.9)));
    const type = book.instanceType(plan.instanceType)!;
    const baseline = type.vcpu * type.burst!.baselinePerVcpuPct * 10;
    const perNode = (250 * 40 * 0.9) / plan.count + 90;
    expect(perNode).toBeGreaterThan(baseline);
    const surplus = (plan.count * (perNode - baseline) * HOURS) / 1000;
    expect(plan.cpuCredits).toEqual({ sustainedMillicoresPerNode: perNode, baselineMillicoresPerNode: baseline, surplusVcpuHours: surplus });
    const gp3 = book.price('ebs/gp3/storage')!.usd!;
    const nodes = dec(type.onDemandUsd).times(HOURS).plus(dec(gp3).times(20)).times(plan.count);
    expect(plan.monthlyUsd).toBe(nodes.plus(dec(book.price('ec2/cpu-credits/t3')!.usd!).times(surplus)).toFixed(2));
  });

  it('a lightly loaded t3 group stays within its baseline and bills no credits', () => {
    const plan = chooseNodeGroup(request({ families: ['t3'] }, busy(0.05)));
    expect(plan.cpuCredits!.surplusVcpuHours).toBe(0);
    expect(plan.cpuCredits!.sustainedMillicoresPerNode).toBeLessThan(plan.cpuCredits!.baselineMillicoresPerNode);
  });

  it('prefers a non-burstable type once the credits make the T type dearer', () => {
    const light = chooseNodeGroup(request({ families: ['t3', 'm7i'] }, busy(0.05)));
    const heavy = chooseNodeGroup(request({ families: ['t3', 'm7i'] }, busy(1)));
    expect(light.instanceType).toMatch(/^t3\./);
    expect(heavy.instanceType).toMatch(/^m7i\./);
    // The t3 group it passed over: same pods, its credits priced in.
    const t3 = chooseNodeGroup(request({ families: ['t3'] }, busy(1)));
    expect(Number(t3.monthlyUsd)).toBeGreaterThan(Number(heavy.monthlyUsd));
    expect(t3.cpuCredits!.surplusVcpuHours).toBeGreaterThan(0);
  });

  it('never bills credits for a non-burstable type, and credits never fall as the load rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const m = chooseNodeGroup(request({ families: ['m7i'] }, busy(high)));
        expect(m.cpuCredits).toBeUndefined();
        const lo = chooseNodeGroup(request({ families: ['t3'], maxVcpu: 2 }, busy(low)));
        const hi = chooseNodeGroup(request({ families: ['t3'], maxVcpu: 2 }, busy(high)));
        if (lo.instanceType === hi.instanceType && lo.count === hi.count) {
          expect(hi.cpuCredits!.surplusVcpuHours).toBeGreaterThanOrEqual(lo.cpuCredits!.surplusVcpuHours);
        }
      }),
      { numRuns: 30, seed: 20261201 },
    );
  });

  it('puts the surplus on the bill as a priced "CPU credits" line item with its source', () => {
    // The first built-in tier whose T nodes run above their baseline (which one depends on sizing).
    const plans = ['eks-web-app', 'microservices-mysql', 'nextjs-nestjs-postgres'].flatMap((name) =>
      [1_000, 10_000, 100_000, 1_000_000, 10_000_000].map((users) => planTier({ users, profile: getProfile(name) }, book)),
    );
    const plan = plans.find((p) => (p.nodes[0]?.cpuCredits?.surplusVcpuHours ?? 0) > 0)!;
    expect(plan).toBeDefined();
    const group = plan.nodes[0]!;
    const item = plan.lineItems.find((l) => l.component.startsWith('CPU credits'))!;
    expect(item.quantity.toNumber()).toBeCloseTo(group.cpuCredits!.surplusVcpuHours, 9);
    expect(item.unit).toBe('vCPU-hours');
    expect(item.monthly!.eq(item.quantity.times(book.price('ec2/cpu-credits/t3')!.usd!))).toBe(true);
    expect(item.provenance?.key).toBe('ec2/cpu-credits/t3');
    expect(plan.assumptions.find((a) => a.name === 'systemPodCpuShare')?.value).toBe(0.5);
  });
});
