import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningError } from '../capacity/capacity-types.js';
import { dec, sum, type Decimal } from '../cost/money.js';
import { planTier } from '../plan/plan-tier.js';
import type { Plan } from '../plan/plan-types.js';
import { listProfiles } from '../profiles/index.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { explainVariance } from './explain-variance.js';

const book = loadPriceBook({ region: 'us-east-1' });
const SEED = 20261201;
const PROFILES = listProfiles().map((p) => p.name);
const USERS = [1_000, 30_000, 250_000, 1_000_000, 4_000_000];
const plans = new Map<string, Plan>();
const planOf = (profile: string, users: number): Plan => {
  const key = `${profile}@${users}`;
  if (!plans.has(key)) plans.set(key, planTier({ users, profile }, book));
  return plans.get(key)!;
};
const asActuals = (m: ReadonlyMap<string, Decimal>) => Object.fromEntries([...m].map(([s, v]) => [s, v.toString()]));
/** The compute service a request-bound app's replicas bill on, and that service. */
const computeOf = (plan: Plan) => (plan.profile.platform === 'ecs-fargate' ? 'Fargate' : 'EC2');

describe('explainVariance', () => {
  it('explains every plan service: their forecasts sum to the plan total, services only the actuals name come after', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILES), fc.constantFrom(...USERS), fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 20, maxLength: 20 }), (profile, users, factors) => {
        const plan = planOf(profile, users);
        const actual = new Map([...plan.monthly.byService].map(([s, v], i) => [s, v.times(factors[i % factors.length]!)]));
        actual.set('Other', dec(factors[0]! * 10));
        const e = explainVariance(plan, actual);
        const planned = e.services.filter((s) => plan.monthly.byService.has(s.service));
        expect(planned.map((s) => s.service)).toEqual([...plan.monthly.byService.keys()]);
        expect(sum(planned.map((s) => s.forecastUsd)).eq(plan.monthly.total)).toBe(true);
        expect(e.forecastUsd.eq(plan.monthly.total)).toBe(true);
        expect(e.actualUsd.eq(sum(actual.values()))).toBe(true);
        expect(e.services.at(-1)!.service).toBe('Other');
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('blames nothing for a service whose actual equals its forecast, and something for one that differs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILES), fc.constantFrom(...USERS), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.double({ min: 1.05, max: 2, noNaN: true }), (profile, users, onPlan, factor) => {
        const plan = planOf(profile, users);
        const services = [...plan.monthly.byService];
        const actual = new Map(services.map(([s, v], i) => [s, onPlan[i]! ? v : v.times(factor)]));
        const e = explainVariance(plan, asActuals(actual));
        services.forEach(([service, forecast], i) => {
          const v = e.services.find((s) => s.service === service)!;
          if (onPlan[i]) {
            expect(v.status).toBe('on-plan');
            expect(v.drivers).toEqual([]);
          } else if (forecast.gt('0.2')) {
            // 5% of more than 20 cents is past the cent a rounded bill may differ by.
            expect(v.status).toBe('over');
            expect(v.summary.startsWith(`${service} +`)).toBe(true);
          }
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('with CPU per request measured at r × the profile, the compute line names that assumption first', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.constantFrom(...USERS),
        fc.oneof(fc.double({ min: 1.05, max: 2.5, noNaN: true }), fc.double({ min: 0.3, max: 0.95, noNaN: true })),
        fc.nat(),
        (profile, users, r, pick) => {
          const plan = planOf(profile, users);
          const compute = computeOf(plan);
          const forecast = plan.monthly.byService.get(compute);
          const bound = plan.replicas.filter((x) => x.binding === 'rps');
          fc.pre(forecast !== undefined && forecast.gt(1) && bound.length > 0);
          const service = bound[pick % bound.length]!;
          const rps = 40;
          const changes = [
            // Requests a replica serves fall as CPU per request rises: rpsPerReplica new = old ÷ r.
            { path: `services.${service.name}.rpsPerReplica`, oldValue: rps, newValue: rps / r, query: 'sum(rate(container_cpu_usage_seconds_total[5m]))', samples: 40_320, confidence: 'high' },
            // Measured as the profile has it: not a cause.
            { path: 'workload.requestsPerActiveUserPerDay', oldValue: 200, newValue: 200 },
          ];
          const actual = new Map([...plan.monthly.byService]);
          actual.set(compute, forecast!.times(r));
          const e = explainVariance(plan, actual, { calibration: { changes } });
          const line = e.services.find((s) => s.service === compute)!;
          const first = line.drivers[0]!;
          expect(first.key).toBe(`services.${service.name}.cpuSecondsPerRequest`);
          expect(first.measured!.ratio.toNumber()).toBeCloseTo(r, 9);
          expect(first.measured!.samples).toBe(40_320);
          expect(line.summary).toContain(`CPU per request (${service.name}) measured`);
          expect(line.status).toBe(r > 1 ? 'over' : 'under');
          expect(line.drivers.at(-1)!.key).toBe('workload.requestsPerActiveUserPerDay');
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('names the measured ratio and what it implies ("EC2 +30%: CPU per request measured 1.3× the profile\'s")', () => {
    const plan = planOf('eks-web-app', 1_000_000);
    const ec2 = plan.monthly.byService.get('EC2')!;
    const e = explainVariance(plan, { ...asActuals(plan.monthly.byService), EC2: ec2.times('1.3').toString() }, {
      calibration: { changes: [{ path: 'services[web-api].rpsPerReplica', oldValue: 50, newValue: 50 / 1.3 }] },
    });
    const line = e.services.find((s) => s.service === 'EC2')!;
    expect(line.summary).toMatch(/^EC2 \+30\.0% \(\+\$[\d,.]+\): CPU per request \(web-api\) measured 1\.3× the profile's \(≈ \+\d+\.\d%\)$/);
    expect(e.unmatchedChanges).toEqual([]);
  });

  it('without a calibration says what to measure, led by the assumption that scales most of the cost', () => {
    const plan = planOf('eks-web-app', 1_000_000);
    const dt = plan.monthly.byService.get('Data Transfer')!;
    const e = explainVariance(plan, { 'Data Transfer': dt.times('0.8').toString() });
    const line = e.services.find((s) => s.service === 'Data Transfer')!;
    expect(line.status).toBe('under');
    expect(line.drivers[0]!.key).toBe('workload.egressKiBPerRequest');
    expect(line.summary).toContain('measure egress per request');
    // A service the actuals leave out is billed nothing.
    const eks = e.services.find((s) => s.service === 'EKS')!;
    expect(eks.actualGiven).toBe(false);
    expect(eks.actualUsd.isZero()).toBe(true);
    expect(eks.summary).toContain('no actual given, counted as $0');
    const fixed = explainVariance(plan, { EKS: '80' }).services.find((s) => s.service === 'EKS')!;
    expect(fixed.summary).toContain('no load assumption drives it');
  });

  it('ranks a measured driver that points the gap\'s way above one that points the other way', () => {
    const plan = planOf('eks-web-app', 1_000_000);
    const ec2 = plan.monthly.byService.get('EC2')!;
    const changes = [
      { path: 'workload.peakToAverage', oldValue: 3, newValue: 2.4 },
      { path: 'services.web-api.memoryMiB', oldValue: 512, newValue: 700 },
    ];
    const e = explainVariance(plan, { EC2: ec2.times('1.25').toString() }, { calibration: { changes } });
    const keys = e.services.find((s) => s.service === 'EC2')!.drivers.map((d) => d.key);
    expect(keys[0]).toBe('services.web-api.memoryMiB');
    expect(keys.at(-1)).toBe('workload.peakToAverage');
  });

  it('lists a change no modelled cost moves with, and reads the plan\'s drivers for data stores', () => {
    const plan = planOf('microservices-mysql', 1_000_000);
    const e = explainVariance(plan, asActuals(plan.monthly.byService), { calibration: { changes: [{ path: 'workload.sessionSeconds', oldValue: 300, newValue: 600 }] } });
    expect(e.unmatchedChanges.map((c) => c.path)).toEqual(['workload.sessionSeconds']);
    const rds = explainVariance(plan, { RDS: '1' }).services.find((s) => s.service === 'RDS')!;
    expect(rds.drivers.some((d) => d.key.startsWith('rds.'))).toBe(true);
    expect(rds.drivers.some((d) => d.key === 'workload.dbMiBPerUser')).toBe(true);
  });

  it('reads actuals spelled as a person writes them, and refuses ones that are not money', () => {
    const plan = planOf('eks-web-app', 30_000);
    const e = explainVariance(plan, { ec2: '10', 'data transfer': '5', Other: '2' });
    expect(e.services.find((s) => s.service === 'EC2')!.actualUsd.toString()).toBe('10');
    expect(e.services.find((s) => s.service === 'Data Transfer')!.actualGiven).toBe(true);
    expect(e.services.find((s) => s.service === 'Other')!.status).toBe('not-in-plan');
    expect(() => explainVariance(plan, { EC2: 'lots' })).toThrow(PlanningError);
    expect(() => explainVariance(plan, { EC2: 'Infinity' })).toThrow(/finite/);
    expect(() => explainVariance(plan, {}, { onPlanWithinUsd: -1 })).toThrow(/0 or more/);
  });
});
