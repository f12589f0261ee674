import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from '../profiles/profile-types.js';
import { PlanningError } from './capacity-types.js';
import { planServiceReplicas } from './service-replicas.js';
import { ceilWholeCount } from './whole-count.js';

const api = (over: Partial<ServiceSpec> = {}): ServiceSpec => ({
  name: 'api',
  cpuMillicores: 500,
  memoryMiB: 512,
  rpsPerReplica: 100,
  requestShare: 1,
  ...over,
});

describe('ceilWholeCount', () => {
  it('absorbs float noise but not real fractions', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(ceilWholeCount((0.1 * 3) / 0.1)).toBe(3);
    expect(ceilWholeCount(3.0000000001)).toBe(3);
    expect(ceilWholeCount(3.01)).toBe(4);
    expect(ceilWholeCount(0)).toBe(0);
    expect(ceilWholeCount(1e-12)).toBe(1);
    expect(ceilWholeCount(2.5)).toBe(3);
  });

  it('never undercounts by more than the tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (x) => {
        const n = ceilWholeCount(x);
        expect(n).toBeGreaterThanOrEqual(x * (1 - 1e-9));
        expect(n).toBeLessThanOrEqual(Math.ceil(x));
      }),
    );
  });
});

describe('planServiceReplicas', () => {
  it('needed = ceil(peak × share ÷ (rps per replica × target))', () => {
    const { replicas } = planServiceReplicas([api({ requestShare: 0.5 })], 1000, false, 0.7);
    // 500 rps ÷ 70 rps per replica = 7.14 → 8
    expect(replicas[0]).toMatchObject({ needed: 8, desired: 8, minReplicas: 1, maxReplicas: 8, rpsPerReplicaAtTarget: 70 });
  });

  it('does not add a replica for float noise at an exact fit', () => {
    // 0.7 × 30 × 100 = 2100.0000000000005 rps: exactly 30 replicas of 70 rps
    const peak = 0.7 * 30 * 100;
    expect(planServiceReplicas([api()], peak, false, 0.7).replicas[0]!.needed).toBe(30);
  });

  it('zero load needs zero replicas but runs the minimum', () => {
    const r = planServiceReplicas([api({ requestShare: 0 })], 5000, false, 0.7).replicas[0]!;
    expect(r).toMatchObject({ needed: 0, desired: 1 });
  });

  it('HA floors the minimum at 2 and keeps a higher profile minimum', () => {
    expect(planServiceReplicas([api()], 1, true, 0.7).replicas[0]).toMatchObject({ needed: 1, minReplicas: 2, desired: 2 });
    expect(planServiceReplicas([api({ minReplicas: 3 })], 1, true, 0.7).replicas[0]).toMatchObject({ minReplicas: 3, desired: 3 });
    expect(planServiceReplicas([api()], 1, false, 0.7).replicas[0]).toMatchObject({ minReplicas: 1, desired: 1 });
  });

  it('raises maxReplicas to what the load needs, with a warning', () => {
    const { replicas, warnings } = planServiceReplicas([api({ maxReplicas: 5 })], 7000, false, 0.7);
    expect(replicas[0]).toMatchObject({ needed: 100, desired: 100, maxReplicas: 100 });
    expect(warnings).toEqual([expect.stringContaining('maxReplicas 5 raised to 100')]);
  });

  it('keeps the profile maximum when the load is below it', () => {
    const { replicas, warnings } = planServiceReplicas([api({ maxReplicas: 20 })], 100, false, 0.7);
    expect(replicas[0]).toMatchObject({ desired: 2, maxReplicas: 20 });
    expect(warnings).toEqual([]);
  });

  it('rejects a service that takes load but serves none', () => {
    expect(() => planServiceReplicas([api({ rpsPerReplica: 0 })], 10, false, 0.7)).toThrow(PlanningError);
  });

  it('desired ≥ needed, ≥ minimum, ≤ max; replicas serve the load at the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.boolean(),
        (peak, share, rps, target, ha) => {
          const r = planServiceReplicas([api({ requestShare: share, rpsPerReplica: rps })], peak, ha, target).replicas[0]!;
          expect(r.desired).toBeGreaterThanOrEqual(Math.max(r.needed, r.minReplicas));
          expect(r.maxReplicas).toBeGreaterThanOrEqual(r.desired);
          expect(r.needed * rps * target).toBeGreaterThanOrEqual(peak * share * (1 - 1e-9));
          if (r.needed > 0) expect((r.needed - 1) * rps * target).toBeLessThan(peak * share);
        },
      ),
    );
  });
});
