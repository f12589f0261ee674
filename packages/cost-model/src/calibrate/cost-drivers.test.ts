import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { listProfiles } from '../profiles/index.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { costDrivers } from './cost-drivers.js';

const book = loadPriceBook({ region: 'us-east-1' });
const PROFILES = listProfiles().map((p) => p.name);

describe('costDrivers', () => {
  it('never lets an assumption drive more than its service costs, nor name one twice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILES), fc.integer({ min: 100, max: 8_000_000 }), fc.boolean(), (profile, users, ha) => {
        const plan = planTier({ users, profile }, book, { ha });
        for (const [service, list] of costDrivers(plan)) {
          const forecast = plan.monthly.byService.get(service)!;
          expect(new Set(list.map((d) => d.key)).size, service).toBe(list.length);
          for (const d of list) {
            expect(d.drivenUsd.gt(0), `${service} ${d.key}`).toBe(true);
            expect(d.drivenUsd.lte(forecast.times('1.000000001')), `${service} ${d.key} drives ${d.drivenUsd} of ${forecast}`).toBe(true);
          }
          // Largest first.
          for (let i = 1; i < list.length; i++) expect(list[i - 1]!.drivenUsd.gte(list[i]!.drivenUsd)).toBe(true);
        }
      }),
      { seed: 20261201, numRuns: 40 },
    );
  });

  it('ties memory per pod to node cost only when the nodes run out of memory first', () => {
    for (const profile of PROFILES) {
      for (const users of [10_000, 1_000_000]) {
        const plan = planTier({ users, profile }, book);
        if (plan.profile.platform === 'ecs-fargate') continue;
        const memoryBound = plan.nodes.some((n) => n.binding === 'memory');
        const ec2 = costDrivers(plan).get('EC2') ?? [];
        expect(ec2.some((d) => d.key.endsWith('.memoryMiB')), `${profile}@${users}`).toBe(memoryBound && ec2.length > 0);
      }
    }
  });

  it('puts a service whose replicas sit at their minimum on its minimum, not on its CPU per request', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
    expect(plan.replicas.map((r) => r.binding)).toEqual(['minimum']);
    const keys = (costDrivers(plan).get('EC2') ?? []).map((d) => d.key);
    expect(keys).toContain('services.web-api.minReplicas');
    expect(keys).not.toContain('services.web-api.cpuSecondsPerRequest');
  });
});
