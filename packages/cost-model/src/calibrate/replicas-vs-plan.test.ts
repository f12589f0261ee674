import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import type { MeasuredReplicas } from './calibration-types.js';
import { replicasVsPlan } from './replicas-vs-plan.js';

const book = loadPriceBook({ region: 'us-east-1' });
const running = (value: number) => ({ value, query: 'kube_deployment_status_replicas', samples: 40_320, confidence: 'high' as const });

describe('replicasVsPlan', () => {
  it('sets the running replicas beside the plan: its peak count and its hours-weighted day', () => {
    fc.assert(
      fc.property(fc.constantFrom('microservices-mysql', 'fintech-fargate-jenkins'), fc.integer({ min: 10, max: 2_000_000 }), fc.integer({ min: 1, max: 40 }), (name, users, seen) => {
        const plan = planTier({ profile: name, users }, book);
        const counts = plan.capacity.replicas.length ? plan.capacity.replicas.map((r) => ({ name: r.name, byLevel: r.byLevel, floor: r.floor })) : plan.capacity.fargateTasks.map((t) => ({ name: t.service, byLevel: t.byLevel, floor: t.floor }));
        const measured: MeasuredReplicas[] = [...counts.map((c) => ({ service: c.name, averageRunning: running(seen), peakRunning: running(seen + 2) })), { service: 'not-planned', averageRunning: running(1) }];
        const rows = replicasVsPlan(measured, plan);
        expect(rows.map((r) => r.service)).toEqual(counts.map((c) => c.name));
        rows.forEach((row, i) => {
          const c = counts[i]!;
          expect(row).toMatchObject({ runningAverage: seen, runningPeak: seen + 2, planPeak: c.byLevel[0] });
          const hours = plan.demand.dailyLevels.map((l) => l.hoursPerDay);
          expect(row.planAverage).toBeCloseTo(c.byLevel.reduce((t, n, j) => t + n * hours[j]!, 0) / 24, 9);
          expect(row.planAverage).toBeGreaterThanOrEqual(c.floor - 1e-9);
          expect(row.planAverage).toBeLessThanOrEqual(row.planPeak + 1e-9);
        });
      }),
      { seed: 20261201, numRuns: 20 },
    );
  });
});
