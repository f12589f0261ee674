// Concurrent users reach the plan through connection-bound services: session length moves the
// replicas and the total once connections bind, and leaves request-bound profiles alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicasSurvivingOneAz } from '../capacity/az-spread.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planTier } from './plan-tier.js';

const book = loadPriceBook({ region: 'us-east-1' });
const plan = (profile: string, users: number, sessionSeconds: number) => planTier({ users, profile }, book, { workload: { sessionSeconds } });

describe('concurrency in the plan', () => {
  it('trading-fargate: long sessions make the websocket service connection bound and cost more', () => {
    const short = plan('trading-fargate', 1_000_000, 1800);
    const long = plan('trading-fargate', 1_000_000, 7200);
    expect(short.replicas[0]).toMatchObject({ binding: 'rps' });
    expect(long.replicas[0]).toMatchObject({ binding: 'connections' });
    expect(long.replicas[0]!.needed).toBe(Math.ceil(long.demand.peakConcurrentUsers / (500 * 0.7)));
    expect(long.replicas[0]!.desired).toBe(replicasSurvivingOneAz(long.replicas[0]!.needed, long.replicas[0]!.minReplicas, long.azs));
    expect(long.fargate[0]!.count).toBe(long.replicas[0]!.desired);
    expect(long.monthly.total.greaterThan(short.monthly.total)).toBe(true);
  });

  it('a profile with no connection-bound service does not move with session length', () => {
    const a = plan('eks-web-app', 100_000, 60);
    const b = plan('eks-web-app', 100_000, 3600);
    expect(a.monthly.total.toString()).toBe(b.monthly.total.toString());
    expect(a.replicas.every((r) => r.binding !== 'connections')).toBe(true);
  });

  it('property: every trading-fargate plan runs tasks for both its peak requests and its peak connections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 60, max: 20_000, noNaN: true }), (users, sessionSeconds) => {
        const p = plan('trading-fargate', users, sessionSeconds);
        const tasks = p.fargate[0]!.count;
        expect(tasks * 500 * 0.7).toBeGreaterThanOrEqual(p.demand.peakConcurrentUsers * (1 - 1e-9));
        expect(tasks * 100 * 0.7).toBeGreaterThanOrEqual(p.demand.peakRps * (1 - 1e-9));
        const r = p.replicas[0]!;
        expect(tasks).toBe(p.ha ? replicasSurvivingOneAz(r.needed, r.minReplicas, p.azs) : Math.max(r.needed, r.minReplicas));
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
