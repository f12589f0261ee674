import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { PlanningError } from './capacity-types.js';
import { LEFT_IN_LADDER, chooseNodeGroup, type NodeGroupRequest } from './choose-node-group.js';
import type { SustainedCpuUse } from './cpu-credits.js';
import { nodeAllocatable } from './node-allocatable.js';
import { nodeCountWithFloors, packedNodeCount, type PodGroup } from './pod-packing.js';

const book = loadPriceBook({ region: 'us-east-1' });
const gp3 = Number(book.price('ebs/gp3/storage')!.usd);
const HOURS = 730;

const daemonSets: SystemPod[] = [
  { name: 'kube-proxy', cpuMillicores: 100, memoryMiB: 0 },
  { name: 'aws-node', cpuMillicores: 25, memoryMiB: 0 },
  { name: 'ebs-csi-node', cpuMillicores: 10, memoryMiB: 40 },
];

const credit = Number(book.price('ec2/cpu-credits/t3')!.usd);

/** The pods use `share` of their CPU requests all day (services, add-ons and DaemonSets alike). */
function cpuUseAt(groups: readonly PodGroup[], share: number): SustainedCpuUse {
  return {
    podsMillicores: groups.reduce((sum, g) => sum + g.cpuMillicores * g.replicas, 0) * share,
    perNodeMillicores: daemonSets.reduce((sum, d) => sum + d.cpuMillicores, 0) * share,
  };
}

function request(groups: PodGroup[], constraints: NodeConstraints = {}, ha = false, azs = 3, cpuShare = 0.1): NodeGroupRequest {
  return { book, constraints, groups, groupsAtMax: groups, daemonSets, cpuUse: cpuUseAt(groups, cpuShare), ha, azs, hoursPerMonth: HOURS };
}

/** Every type, no pruning: the reference the fast path must agree with. */
function bruteForce(req: NodeGroupRequest): { name: string; count: number; monthly: number } {
  const c = req.constraints;
  const ds = req.daemonSets.reduce((s, d) => ({ cpu: s.cpu + d.cpuMillicores, mem: s.mem + d.memoryMiB }), { cpu: 0, mem: 0 });
  const allowBurstable = c.allowBurstable ?? (c.families ?? []).some((f) => /^t\d/.test(f));
  const allowPrevious = c.allowPreviousGeneration ?? (c.families ?? []).length > 0;
  let best: { name: string; count: number; monthly: number } | undefined;
  for (const t of book.instanceTypes) {
    if (c.families?.length && !c.families.includes(t.family)) continue;
    if (c.architectures && !c.architectures.includes(t.arch)) continue;
    if (t.burstable && !allowBurstable) continue;
    if (!t.currentGeneration && !allowPrevious) continue;
    if (t.vcpu > (c.maxVcpu ?? Infinity) || t.gpus > 0 || t.bareMetal) continue;
    const a = nodeAllocatable(t, c.maxPodsPolicy);
    if (!a) continue;
    const factor = c.throughputFactors?.[t.family] ?? 1;
    const room = { cpuMillicores: a.cpuMillicores * factor - ds.cpu, memoryMiB: a.memoryMiB - ds.mem, pods: a.pods - req.daemonSets.length };
    const live = req.groups.filter((g) => g.replicas > 0);
    if (room.pods < 1 || live.some((g) => g.cpuMillicores > room.cpuMillicores || g.memoryMiB > room.memoryMiB)) continue;
    const withFloors = (groups: readonly PodGroup[], afterLoss: readonly PodGroup[] | undefined) =>
      nodeCountWithFloors(packedNodeCount(groups, room), req.ha, req.azs, req.ha && req.azs >= 2 && afterLoss ? packedNodeCount(afterLoss, room) : packedNodeCount(groups, room));
    const count = withFloors(req.groups, req.groupsAfterAzLoss);
    // Over the day: each level's count with the same floors, capped by the peak's, kept from rising
    // as the load falls; billed for its hours (the peak runs the rest of the month).
    const levels = req.offPeak ?? [];
    const counts = levels.map((l) => Math.min(count, withFloors(l.groups, l.groupsAfterAzLoss)));
    for (let l = counts.length - 2; l >= 0; l--) counts[l] = Math.max(counts[l]!, counts[l + 1]!);
    const nodeHours = count * (HOURS - levels.reduce((h, l) => h + l.hoursPerMonth, 0)) + counts.reduce((h, n, l) => h + n * levels[l]!.hoursPerMonth, 0);
    // Unlimited mode: the 24-hour average above the baseline bills surplus credits per vCPU-hour.
    const perNode = req.cpuUse.podsMillicores / count + req.cpuUse.perNodeMillicores;
    const baseline = t.burst ? t.vcpu * t.burst.baselinePerVcpuPct * 10 : Infinity;
    const credits = t.burstable ? ((count * Math.max(0, perNode - baseline) * HOURS) / 1000) * credit : 0;
    const monthly = nodeHours * (Number(t.onDemandUsd) + ((c.rootVolumeGb ?? 20) * gp3) / HOURS) + credits;
    const tie = best && Math.abs(monthly - best.monthly) <= 1e-9 * monthly;
    if (!best || (!tie && monthly < best.monthly) || (tie && (count < best.count || (count === best.count && t.name < best.name)))) {
      best = { name: t.name, count, monthly };
    }
  }
  return best!;
}

const web: PodGroup[] = [
  { name: 'api', cpuMillicores: 500, memoryMiB: 1024, replicas: 6 },
  { name: 'web', cpuMillicores: 250, memoryMiB: 512, replicas: 4 },
  { name: 'coredns', cpuMillicores: 100, memoryMiB: 70, replicas: 2 },
];

describe('chooseNodeGroup', () => {
  it.each<[string, PodGroup[], NodeConstraints, boolean]>([
    ['small web app, any type', web, {}, false],
    ['small web app, HA', web, {}, true],
    ['x86 general purpose', web, { families: ['m5', 'm6i', 'm7i', 'c6i', 'r6i'], architectures: ['x86_64'] }, true],
    ['burstable allowed', web, { families: ['t3', 't3a', 'm5'] }, false],
    ['memory-heavy at scale', [{ name: 'cache', cpuMillicores: 200, memoryMiB: 6000, replicas: 400 }], { maxVcpu: 16 }, true],
    ['many replicas, ENI pod limit', [{ name: 'tiny', cpuMillicores: 10, memoryMiB: 16, replicas: 20_000 }], { maxPodsPolicy: 'eni' }, false],
  ])('picks the cheapest type over the catalog: %s', (_label, groups, constraints, ha) => {
    const req = request(groups, constraints, ha);
    const plan = chooseNodeGroup(req);
    const expected = bruteForce(req);
    expect({ type: plan.instanceType, count: plan.count }).toEqual({ type: expected.name, count: expected.count });
  });

  /** Up to five pod groups of random shape: what the brute-force checks pack. */
  const podGroups = fc.array(
    fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      cpuMillicores: fc.integer({ min: 10, max: 6000 }),
      memoryMiB: fc.integer({ min: 16, max: 24_000 }),
      replicas: fc.integer({ min: 1, max: 3000 }),
    }),
    { minLength: 1, maxLength: 5 },
  );

  it('agrees with brute force for random workloads', () => {
    fc.assert(
      fc.property(
        podGroups,
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.record({ allowBurstable: fc.boolean(), allowPreviousGeneration: fc.boolean() }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (groups, ha, azs, constraints, cpuShare) => {
          const req = request(groups, constraints, ha, azs, cpuShare);
          const plan = chooseNodeGroup(req);
          const expected = bruteForce(req);
          expect(plan.instanceType).toBe(expected.name);
          expect(plan.count).toBe(expected.count);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees with brute force over a day of several levels (the bill over the day, not the peak)', () => {
    /** Replicas a level keeps: the load's share of the peak's, at least one. */
    const atShare = (groups: readonly PodGroup[], share: number, keep: (n: number) => number = (n) => n) =>
      groups.map((g) => ({ ...g, replicas: keep(Math.max(1, Math.ceil(g.replicas * share))) }));
    fc.assert(
      fc.property(
        podGroups,
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.uniqueArray(fc.double({ min: 0.02, max: 0.98, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (groups, ha, azs, shares, peakHours) => {
          const afterLoss = (n: number) => n - n / azs;
          const offHours = ((24 - peakHours) * HOURS) / 24 / shares.length;
          const req: NodeGroupRequest = {
            ...request(groups, {}, ha, azs),
            ...(ha && azs >= 2 ? { groupsAfterAzLoss: atShare(groups, 1, afterLoss) } : {}),
            offPeak: [...shares]
              .sort((a, b) => b - a)
              .map((share) => ({ groups: atShare(groups, share), ...(ha && azs >= 2 ? { groupsAfterAzLoss: atShare(groups, share, afterLoss) } : {}), hoursPerMonth: offHours })),
          };
          const plan = chooseNodeGroup(req);
          const expected = bruteForce(req);
          expect({ type: plan.instanceType, count: plan.count }).toEqual({ type: expected.name, count: expected.count });
          expect(Number(plan.monthlyUsd)).toBeCloseTo(expected.monthly, 1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('ranks by the bill over the day: a type that scales in further can win with more nodes at the peak', () => {
    // 40 pods at the peak, 1 for 20 hours a day: the small type's nodes leave as the load falls.
    const pods = (n: number): PodGroup[] => [{ name: 'api', cpuMillicores: 900, memoryMiB: 1800, replicas: n }];
    const flat = request(pods(40), { families: ['m5'] });
    const day: NodeGroupRequest = { ...flat, offPeak: [{ groups: pods(1), hoursPerMonth: (20 * HOURS) / 24 }] };
    const atPeak = chooseNodeGroup(flat);
    const overDay = chooseNodeGroup(day);
    expect(overDay.instanceType).toBe(bruteForce(day).name);
    expect(overDay.instanceType).not.toBe(atPeak.instanceType);
    expect(overDay.count).toBeGreaterThan(atPeak.count);
    expect(Number(overDay.monthlyUsd)).toBeLessThan(Number(atPeak.monthlyUsd));
    expect(overDay.why).toMatch(/the month's bill over the day, as the nodes follow the load from [\d,]+ at the peak down to 1;/);
  });

  it('reports a runner-up of another family that is not cheaper, and why it lost', () => {
    const plan = chooseNodeGroup(request(web));
    const runnerUp = plan.runnerUp!;
    expect(runnerUp).toBeDefined();
    expect(book.instanceType(runnerUp.instanceType)!.family).not.toBe(book.instanceType(plan.instanceType)!.family);
    expect(Number(runnerUp.monthlyUsd)).toBeGreaterThanOrEqual(Number(plan.monthlyUsd));
    expect(runnerUp.why).toMatch(new RegExp(`^${runnerUp.instanceType} × ${runnerUp.count} at \\$[\\d,.]+/month vs ${plan.instanceType} × ${plan.count} at \\$[\\d,.]+ \\(\\+\\d+\\.\\d%\\)`));
    expect(plan.why).toContain(plan.instanceType);
  });

  it('with a single allowed family, the runner-up is the second-best type of it', () => {
    const plan = chooseNodeGroup(request(web, { families: ['m5'] }));
    expect(plan.instanceType.startsWith('m5.')).toBe(true);
    expect(plan.runnerUp!.instanceType.startsWith('m5.')).toBe(true);
    expect(plan.runnerUp!.instanceType).not.toBe(plan.instanceType);
  });

  it('matches families exactly: t3 is not t3a', () => {
    const plan = chooseNodeGroup(request(web, { families: ['t3'] }));
    expect(plan.instanceType).toMatch(/^t3\./);
    expect(plan.excludedTypes!['family not allowed']).toBeGreaterThan(0);
  });

  it('leaves burstable types out unless the profile allows them', () => {
    expect(book.instanceType(chooseNodeGroup(request(web)).instanceType)!.burstable).toBe(false);
    expect(book.instanceType(chooseNodeGroup(request(web, { allowBurstable: true })).instanceType)!.burstable).toBe(true);
  });

  it('respects architectures and maxVcpu', () => {
    const heavy: PodGroup[] = [{ name: 'api', cpuMillicores: 1000, memoryMiB: 2048, replicas: 500 }];
    const plan = chooseNodeGroup(request(heavy, { architectures: ['x86_64'], maxVcpu: 4 }));
    const t = book.instanceType(plan.instanceType)!;
    expect(t.arch).toBe('x86_64');
    expect(t.vcpu).toBeLessThanOrEqual(4);
  });

  it('counts min, desired and max: floor, load, and the load at maxReplicas', () => {
    const atMax = web.map((g) => (g.name === 'api' ? { ...g, replicas: 60 } : g));
    const plan = chooseNodeGroup({ ...request(web, {}, true, 3), groupsAtMax: atMax });
    expect(plan.min).toBe(3);
    expect(plan.desired).toBe(plan.count);
    expect(plan.count % 3).toBe(0);
    expect(plan.max).toBeGreaterThan(plan.desired);
  });

  it('fits the requests: Σ requests (with a DaemonSet per node) ≤ Σ allocatable', () => {
    const plan = chooseNodeGroup(request(web));
    expect(plan.requested.cpuMillicores).toBeLessThanOrEqual(plan.count * plan.allocatable.cpuMillicores);
    expect(plan.requested.memoryMiB).toBeLessThanOrEqual(plan.count * plan.allocatable.memoryMiB);
    expect(plan.requested.pods).toBeLessThanOrEqual(plan.count * plan.allocatable.pods);
  });

  it('names an unknown family', () => {
    const attempt = () => chooseNodeGroup(request(web, { families: ['m5', 'zz9'] }));
    expect(attempt).toThrow(PlanningError);
    expect(attempt).toThrow(/"zz9"/);
    try {
      attempt();
    } catch (e) {
      expect((e as PlanningError).code).toBe('UNKNOWN_FAMILY');
    }
  });

  it('fails with NO_INSTANCE_FITS naming a pod larger than any allowed instance', () => {
    const huge: PodGroup[] = [...web, { name: 'giant', cpuMillicores: 9000, memoryMiB: 1024, replicas: 1 }];
    const attempt = () => chooseNodeGroup(request(huge, { families: ['m5'], maxVcpu: 8 }));
    expect(attempt).toThrow(/pod giant requests 9000m CPU \/ 1024 MiB.*m5\.2xlarge/);
    try {
      attempt();
    } catch (e) {
      expect((e as PlanningError).code).toBe('NO_INSTANCE_FITS');
    }
  });

  it('costs the same time at 10 and 10 million users (analytic counting)', () => {
    const scaled = (n: number) => web.map((g) => ({ ...g, replicas: g.replicas * n }));
    const small = request(scaled(1), {}, true);
    const large = request(scaled(1_000_000), {}, true);
    const batch = (req: typeof small) => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) chooseNodeGroup(req);
      return (performance.now() - t0) / 20;
    };
    // Interleaved batches, the fastest of each: a busy machine slows some batches, never all.
    // Pod-by-pod simulation would take ~10^6 times longer at 10M users, far beyond the 5× allowed.
    let fastestSmall = Infinity;
    let fastestLarge = Infinity;
    for (let round = 0; round < 8; round++) {
      fastestSmall = Math.min(fastestSmall, batch(small));
      fastestLarge = Math.min(fastestLarge, batch(large));
    }
    expect(fastestLarge).toBeLessThan(Math.max(5, 5 * fastestSmall));
  });
});

describe('chooseNodeGroup in a ladder', () => {
  const cheap = ['t3.small', 't3.medium', 't3a.small', 't3a.medium', 'm5.large', 'm6i.large', 'm7i.large', 'c6i.large'];
  const families = { families: ['t3', 't3a', 'm5', 'm6i', 'm7i', 'c6i'] };

  it('never picks a type left; keeps the current one only within the margin of the cheapest allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.subarray(cheap), fc.constantFrom(...cheap), fc.double({ min: 0, max: 0.3, noNaN: true }), (replicas, left, current, margin) => {
        const groups = [{ ...web[0]!, replicas }, web[1]!, web[2]!];
        const base = request(groups, families, true, 2);
        const context = { nodeType: current, leftTypes: left.filter((t) => t !== current) };
        const g = chooseNodeGroup({ ...base, ladder: { context, typeChangeMargin: margin } });
        expect(context.leftTypes).not.toContain(g.instanceType);
        const cheapest = chooseNodeGroup({ ...base, ladder: { context: { leftTypes: context.leftTypes }, typeChangeMargin: 0 } });
        if (g.instanceType !== cheapest.instanceType) {
          expect(g.instanceType).toBe(current);
          expect(Number(g.monthlyUsd)).toBeLessThanOrEqual(Number(cheapest.monthlyUsd) * (1 + margin) + 0.01);
          expect(g.why).toContain('is kept from the previous tier');
        }
        expect(g.excludedTypes?.[LEFT_IN_LADDER] ?? 0).toBe(context.leftTypes.length);
      }),
      { numRuns: 150 },
    );
  });

  it('returns to a left type only when nothing else fits, and says so', () => {
    const g = chooseNodeGroup({ ...request(web, { families: ['m5'] }), ladder: { context: { leftTypes: book.instanceTypes.filter((t) => t.family === 'm5').map((t) => t.name) }, typeChangeMargin: 0.05 } });
    expect(g.instanceType).toMatch(/^m5\./);
    expect(g.why).toContain('every type that fits was left earlier in the ladder');
  });
});
