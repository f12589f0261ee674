import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { getProfile, listProfiles } from '../profiles/index.js';
import type { RdsSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import type { ServiceReplicas } from './capacity-types.js';
import { managedClasses } from './managed-classes.js';
import { RDS_DEFAULTS } from './rds-assumptions.js';
import { defaultMaxConnections, exact, fitsMemory, gp3Limits } from './rds-class-limits.js';
import { planRds, type RdsInput } from './rds-plan.js';

const book = loadPriceBook({ region: 'us-east-1' });
const GIB = 1024 ** 3;

const spec: RdsSpec = {
  engine: 'postgresql',
  memoryGiBBase: 1,
  memoryGiBPerMillionUsers: 6,
  classFamilies: ['db.t4g', 'db.m7g', 'db.r7g', 'db.r6g'],
  minStorageGb: 20,
};

const service = (name: string, maxReplicas: number): ServiceReplicas => ({
  name, cpuMillicores: 500, memoryMiB: 512, needed: 1, desired: 1, minReplicas: 1, maxReplicas, rpsPerReplicaAtTarget: 100,
});

const input = (o: Partial<RdsInput> = {}): RdsInput => ({ users: 1000, ha: false, peakRps: 0, averageRps: 0, databaseGb: 1, replicas: [service('api', 2)], ...o });

const hourly = (engine: string, cls: string, deployment: string) => Number(book.price(`rds/${engine}/${cls}/${deployment}`)!.usd);

describe('RDS memory fit', () => {
  it("fits trading-fargate's 4.000006 GiB into the 4 GiB class and prints the need exactly", () => {
    const plan = planTier({ users: 1, profile: 'trading-fargate' }, book);
    const rds = plan.datastores.rds!;
    expect(rds.memoryGiBNeeded).toBeGreaterThan(4);
    expect(rds.instanceClass).toBe('db.t4g.medium');
    expect(rds.why).toContain('4.000006 GiB');
  });

  it('skips a class when the need is clearly above it', () => {
    expect(fitsMemory(4.000006, 4)).toBe(true);
    expect(fitsMemory(4.01, 4)).toBe(false);
    const plan = planRds({ ...spec, memoryGiBBase: 4.01, memoryGiBPerMillionUsers: 0 }, book, input());
    expect(managedClasses(book).find((c) => c.className === plan.instanceClass)!.memoryGiB).toBeGreaterThanOrEqual(8);
    expect(plan.why).toContain('4.01 GiB');
  });

  it('prints figures without a rounding that hides an overshoot', () => {
    expect(exact(4.000006)).toBe('4.000006');
    expect(exact(64)).toBe('64');
  });
});

describe('RDS drivers', () => {
  it('computes default max_connections from the engine formula', () => {
    // PostgreSQL LEAST(DBInstanceClassMemory/9531392, 5000); MySQL DBInstanceClassMemory/12582880.
    expect(defaultMaxConnections('postgresql', 4, 0.9)).toBe(Math.floor(Math.floor(4 * GIB * 0.9) / 9_531_392));
    expect(defaultMaxConnections('postgresql', 512, 0.9)).toBe(5000);
    expect(defaultMaxConnections('mysql', 512, 0.9)).toBe(Math.floor(Math.floor(512 * GIB * 0.9) / 12_582_880));
  });

  it('takes gp3 baselines from the striping threshold', () => {
    expect(gp3Limits(399)).toEqual({ baselineIops: 3000, baselineMiBps: 125, canProvision: false });
    expect(gp3Limits(400)).toEqual({ baselineIops: 12_000, baselineMiBps: 500, canProvision: true });
  });

  it('sizes the writer by CPU: peak rps × queries × CPU ms at the target utilisation', () => {
    // All writes: replicas cannot help, so the writer's class carries the CPU.
    const peakRps = 2000;
    const plan = planRds({ ...spec, readShare: 0 }, book, input({ peakRps, averageRps: peakRps / 3 }));
    const q = peakRps * RDS_DEFAULTS.queriesPerRequest.value;
    const vcpu = (q * RDS_DEFAULTS.cpuMsPerQuery.value) / 1000 / RDS_DEFAULTS.targetCpuUtilization.value;
    expect(plan.drivers.peakQueriesPerSecond).toBe(q);
    expect(plan.readReplicas).toBe(0);
    expect(plan.drivers.vcpuNeeded).toBeCloseTo(vcpu, 9);
    expect(plan.drivers.vcpu).toBeGreaterThanOrEqual(vcpu);
    expect(plan.binding).toBe('cpu');
    // Memory alone would take the cheapest class; CPU moves it up.
    expect(plan.instanceClass).not.toBe(planRds(spec, book, input()).instanceClass);
  });

  it('sizes the writer by pool connections on the services’ max replicas', () => {
    const plan = planRds(spec, book, input({ replicas: [service('api', 60), service('web', 40)] }));
    expect(plan.drivers.connectionsNeeded).toBe(100 * RDS_DEFAULTS.connectionPoolPerReplica.value);
    expect(plan.drivers.maxConnections).toBeGreaterThanOrEqual(1000);
    expect(plan.binding).toBe('connections');
    const only = planRds({ ...spec, connectingServices: ['api'] }, book, input({ replicas: [service('api', 60), service('web', 40)] }));
    expect(only.drivers.connectionsNeeded).toBe(600);
  });

  it('raises storage to the gp3 threshold and provisions IOPS above the baseline', () => {
    const small = planRds(spec, book, input({ peakRps: 1000, averageRps: 300 }));
    expect(small.storageGb).toBe(20);
    expect(small.extraIops).toBe(0);
    const busy = planRds({ ...spec, cpuMsPerQuery: 0.01 }, book, input({ peakRps: 10_000, averageRps: 3000 }));
    // 20,000 q/s: 4,000 writes × 2 + 16,000 reads × 5% = 8,800 IOPS > 3,000.
    expect(busy.drivers.iopsNeeded).toBeCloseTo(8800, 6);
    expect(busy.storageGb).toBe(400);
    expect(busy.extraIops).toBe(0);
    const heavier = planRds({ ...spec, cpuMsPerQuery: 0.01 }, book, input({ peakRps: 20_000, averageRps: 6000 }));
    expect(heavier.extraIops).toBe(Math.ceil(heavier.drivers.iopsNeeded) - 12_000);
  });

  it('prices provisioned IOPS in the bill when the load needs them', () => {
    const plan = planTier({ users: 10_000_000, profile: 'trading-fargate' }, book);
    expect(plan.datastores.rds!.extraIops).toBeGreaterThan(0);
    const item = plan.lineItems.find((l) => l.resource === 'database' && l.component.startsWith('Provisioned IOPS'));
    expect(item).toBeDefined();
    expect(Number(item!.quantity)).toBe(plan.datastores.rds!.extraIops);
  });

  it('adds read replicas when reads exceed one writer; the profile tiers are a minimum', () => {
    const narrow: RdsSpec = { ...spec, classFamilies: ['db.r6g.large'], readReplicas: [{ fromUsers: 0, replicas: 1 }] };
    expect(planRds(narrow, book, input()).readReplicas).toBe(1);
    const plan = planRds(narrow, book, input({ peakRps: 3000, averageRps: 1000 }));
    // 6,000 q/s: 1,200 writes and 4,800 reads at 0.5 ms: 0.6 + 2.4 vCPU; capacity 2 × 0.6 = 1.2 each:
    // the writer keeps the writes, replicas take the reads.
    expect(plan.readReplicas).toBe(Math.ceil(2.4 / 1.2));
    expect(plan.drivers.vcpuNeeded).toBeCloseTo(0.6 / 0.6, 9);
    expect(plan.scaleOut).toBe(false);
    expect(plan.drivers.vcpuNeeded).toBeLessThanOrEqual(2 + 1e-9);
    expect(plan.why).toMatch(/read replicas of the same class take reads/);
  });

  it('never picks a class that misses a driver, and no cheaper allowed writer + replicas carries the load', () => {
    const single = managedClasses(book).filter((c) => c.parts[0] === 'postgresql' && c.parts[2] === 'single-az' && /^db\.(t4g|m7g|r7g|r6g)\./.test(c.className));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 3_000_000 }), (peakRps, maxReplicas, users) => {
        const at = input({ users, peakRps, averageRps: peakRps / 3, replicas: [service('api', maxReplicas)] });
        const plan = planRds(spec, book, at);
        const d = plan.drivers;
        const carries = !plan.scaleOut;
        if (carries) {
          expect(fitsMemory(d.memoryGiBNeeded, d.memoryGiB)).toBe(true);
          expect(d.vcpuNeeded).toBeLessThanOrEqual(d.vcpu + 1e-9);
          expect(d.connectionsNeeded).toBeLessThanOrEqual(d.maxConnections);
        }
        // What the plan ranks by: instance-hours, gp3 storage and provisioned IOPS on every instance.
        const gb = Number(book.price('rds/postgresql/gp3/storage/single-az')!.usd);
        const iops = Number(book.price('rds/postgresql/gp3/iops/single-az')!.usd);
        const cost = (p: ReturnType<typeof planRds>) => (hourly('postgresql', p.instanceClass, 'single-az') * 730 + p.storageGb * gb + p.extraIops * iops) * (1 + p.readReplicas);
        for (const c of single) {
          const alone = planRds({ ...spec, classFamilies: [c.className] }, book, at);
          const usable = !alone.scaleOut && (!c.className.startsWith('db.t') || alone.drivers.sustainedVcpu <= (alone.drivers.baselineVcpu ?? 0));
          if (usable && carries) expect(cost(alone)).toBeGreaterThanOrEqual(cost(plan) - 1e-9);
          if (usable) expect(carries).toBe(true);
        }
      }),
      { numRuns: 80, seed: 20261201 },
    );
  });
});

describe('RDS burstable classes', () => {
  // 1,800 q/s at the peak: 1.5 vCPU at 60%, fits 2 vCPU; a flat day averages 0.8 vCPU, above db.t4g.large's assumed 0.6.
  const load = input({ peakRps: 900, averageRps: 800 });
  const families = ['db.t4g.large', 'db.m7g.large'];

  it('keeps db.t* only while the 24-hour average CPU stays under the assumed baseline', () => {
    expect(hourly('postgresql', 'db.t4g.large', 'single-az')).toBeLessThan(hourly('postgresql', 'db.m7g.large', 'single-az'));
    const plan = planRds({ ...spec, classFamilies: families }, book, load);
    expect(plan.instanceClass).toBe('db.m7g.large');
    expect(plan.why).toMatch(/db\.t\* classes skipped/);
    const quiet = planRds({ ...spec, classFamilies: families }, book, input({ peakRps: 900, averageRps: 300 }));
    expect(quiet.instanceClass).toBe('db.t4g.large');
    expect(quiet.drivers.sustainedVcpu).toBeLessThanOrEqual(quiet.drivers.baselineVcpu!);
  });

  it('keeps db.t* with a surplus-credit warning when the profile allows nothing else', () => {
    const plan = planRds({ ...spec, classFamilies: ['db.t4g.large'] }, book, load);
    expect(plan.instanceClass).toBe('db.t4g.large');
    expect(plan.drivers.sustainedVcpu).toBeGreaterThan(plan.drivers.baselineVcpu!);
    expect(plan.warnings.join('\n')).toMatch(/spends more CPU credits than it earns; RDS T3\/T4g instances run in Unlimited mode .* unpriced here/);
  });
});

describe('RDS at 20 million users', () => {
  const withDatabase = listProfiles().filter((p) => getProfile(p.name).rds);

  it.each(withDatabase.map((p) => p.name))('%s still returns a plan and says one writer cannot carry it', (name) => {
    const plan = planTier({ users: 20_000_000, profile: name }, book);
    const rds = plan.datastores.rds!;
    expect(rds.scaleOut).toBe(true);
    expect(rds.why).toMatch(/one writer cannot carry the load.*scale out/);
    expect(plan.warnings.some((w) => /one writer cannot carry this load/.test(w))).toBe(true);
    expect(plan.monthly.total).toBeDefined();
  });
});

describe('RDS class specs in the price book', () => {
  it('carries max EBS bandwidth for classes in the RDS hardware table and counts specs without a price', () => {
    const r6g = managedClasses(book).find((c) => c.key === 'rds/postgresql/db.r6g.large/single-az')!;
    expect(r6g.maxEbsBandwidthMbps).toBe(4750);
    expect(r6g.ebsBandwidthUpTo).toBe(true);
    const ebsSource = book.price('rds/postgresql/db.r6g.large/single-az')!.spec!.ebsSource!;
    expect(book.source(ebsSource)!.ref).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\//);
    expect(book.missing.find((m) => m.key.includes('specs without a price'))!.reason).toMatch(/^\d+ RDS classes have hardware specs/);
  });

  it('reports every RDS load input as an assumption', () => {
    const names = planTier({ users: 1000, profile: 'nextjs-nestjs-postgres' }, book).assumptions.map((a) => a.name);
    for (const k of Object.keys(RDS_DEFAULTS)) expect(names).toContain(`rds.${k}`);
    expect(names).toContain('rds.memoryFitTolerance');
  });
});
