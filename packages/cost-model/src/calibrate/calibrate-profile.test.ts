import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningError } from '../capacity/capacity-types.js';
import { planTier } from '../plan/plan-tier.js';
import { getProfile, listProfiles } from '../profiles/index.js';
import { parseProfile } from '../profiles/parse-profile.js';
import type { Assumed, Profile } from '../profiles/profile-types.js';
import { serviceCpuMillicores } from '../profiles/service-cpu.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { WORKLOAD_DEFAULTS } from '../workload/assumptions.js';
import { calibrateProfile } from './calibrate-profile.js';
import { MEMORY_HEADROOM } from './calibrate-services.js';
import type { Calibration } from './calibration-types.js';
import type { Measurement, MeasurementConfidence, Measurements, ServiceMeasurements } from './measurements.js';

const book = loadPriceBook({ region: 'us-east-1' });
const SEED = 20261201;
const WINDOW = { start: '2026-11-17T00:00:00Z', end: '2026-12-01T00:00:00Z', stepSeconds: 30 } as const;
const PROFILE_NAMES = listProfiles().map((p) => p.name);

const point = (a: Assumed | undefined): number | undefined => (a === undefined ? undefined : typeof a === 'number' ? a : a.value);
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
const measured = <T,>(value: T, query: string, confidence: MeasurementConfidence = 'high'): Measurement<T> => ({ value, query, samples: 40_320, confidence, note: confidence === 'low' ? 'a window shorter than a day' : '14 days at 30 s' });

/** A true workload: what a running system does, which the measurements are synthesised from. */
interface Truth {
  readonly users: number;
  readonly dauPerMau: number;
  readonly gauge: boolean;
  readonly requestsPerActiveUserPerDay: number;
  readonly hourly?: readonly number[];
  readonly peakToAverage: number;
  readonly services: readonly { readonly cpuSecondsPerRequest: number; readonly memoryP95MiB: number; readonly requestShare: number; readonly replicas: number }[];
  readonly confidence: MeasurementConfidence;
}

const truthFor = (profile: Profile): fc.Arbitrary<Truth> =>
  fc.record({
    users: fc.integer({ min: 1_000, max: 10_000_000 }),
    dauPerMau: fc.double({ min: 0.01, max: 1, noNaN: true }),
    gauge: fc.boolean(),
    requestsPerActiveUserPerDay: fc.double({ min: 1, max: 5_000, noNaN: true }),
    hourly: fc.option(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 24, maxLength: 24 }), { nil: undefined }),
    peakToAverage: fc.double({ min: 1, max: 10, noNaN: true }),
    services: fc.array(
      fc.record({
        cpuSecondsPerRequest: fc.double({ min: 1e-4, max: 2, noNaN: true }),
        // Up to 1.5 GiB: larger pods fit no node of a profile with a fixed t3.medium group (a real plan error, not a calibration one).
        memoryP95MiB: fc.double({ min: 8, max: 1_536, noNaN: true }),
        requestShare: fc.double({ min: 0.01, max: 3, noNaN: true }),
        replicas: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: profile.services.length, maxLength: profile.services.length },
    ),
    confidence: fc.constantFrom<MeasurementConfidence>('high', 'medium'),
  });

/**
 * What the adapter would read from a system running the true workload. Without a DAU gauge the
 * system's users are the plan's users × the profile's dauPerMau (the only active users the
 * calibration can know of), so that is the truth it must recover against.
 */
function synthesise(profile: Profile, t: Truth): Measurements {
  const dauPerMau = t.gauge ? t.dauPerMau : (point(profile.workload.dauPerMau) ?? WORKLOAD_DEFAULTS.dauPerMau.value);
  const activeUsers = t.users * dauPerMau;
  const requestsPerDay = activeUsers * t.requestsPerActiveUserPerDay;
  const entryRps = requestsPerDay / 86_400;
  const ratio = t.hourly ? Math.max(...t.hourly) / (t.hourly.reduce((a, b) => a + b, 0) / 24) : t.peakToAverage;
  const services: ServiceMeasurements[] = profile.services.map((s, i) => {
    const ts = t.services[i]!;
    const averageRps = entryRps * ts.requestShare;
    return {
      name: s.name,
      selector: `{container="${s.name}"}`,
      averageRps: measured(averageRps, `sum(rate(requests{service="${s.name}"}[5m]))`, t.confidence),
      peakRps: measured(averageRps * ratio, `max_over_time(sum(rate(requests{service="${s.name}"}[1h]))[14d:1h])`, t.confidence),
      cpuSecondsPerRequest: measured(ts.cpuSecondsPerRequest, `cpu{container="${s.name}"} / requests{service="${s.name}"}`, t.confidence),
      memoryP95MiB: measured(ts.memoryP95MiB, `quantile_over_time(0.95, container_memory_working_set_bytes{container="${s.name}"}[14d]) / 2^20`, t.confidence),
      averageReplicas: measured(ts.replicas, `avg_over_time(kube_deployment_status_replicas{deployment="${s.name}"}[14d])`, t.confidence),
      peakReplicas: measured(ts.replicas + 1, `max_over_time(kube_deployment_status_replicas{deployment="${s.name}"}[14d])`, t.confidence),
    };
  });
  return {
    window: WINDOW,
    ...(t.gauge ? { activeUsers: measured(activeUsers, 'avg_over_time(app_daily_active_users[14d])', t.confidence) } : {}),
    requestsPerDay: measured(requestsPerDay, 'sum(increase(requests[14d])) / 14', t.confidence),
    peakToAverage: measured(ratio, 'max(hourly rate) / avg(rate)', t.confidence),
    ...(t.hourly ? { hourlyShape: measured(t.hourly, 'avg by (hour) (rate(requests[1h]))', t.confidence) } : {}),
    services,
    missing: [],
  };
}

const changeOf = (c: Calibration, path: string) => c.changes.find((x) => x.assumption === path);
const keptOf = (c: Calibration, path: string) => c.keptDefaults.find((x) => x.assumption === path);

describe('calibrateProfile recovers a true workload from the measurements it produces', () => {
  it('every built-in profile: the calibrated figures are the true ones, valid, and plan at the users', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_NAMES).chain((name) => fc.tuple(fc.constant(getProfile(name)), truthFor(getProfile(name)))),
        ([profile, t]) => {
          const m = synthesise(profile, t);
          const c = calibrateProfile(profile, m, { users: t.users });
          const w = c.profile.workload;
          expect(() => parseProfile(JSON.parse(JSON.stringify(c.profile)), 'round trip')).not.toThrow();

          // Workload: exact up to floating-point rounding (relative 1e-9).
          expect(close(point(w.requestsPerActiveUserPerDay)!, t.requestsPerActiveUserPerDay)).toBe(true);
          if (t.gauge) expect(close(point(w.dauPerMau)!, t.dauPerMau)).toBe(true);
          else expect(w.dauPerMau).toEqual(profile.workload.dauPerMau);
          const ratio = m.peakToAverage!.value;
          expect(close(point(w.peakToAverage)!, ratio)).toBe(true);
          if (t.hourly) {
            const peak = Math.max(...t.hourly);
            w.dailyShape!.hourly!.forEach((level, h) => expect(close(level, t.hourly![h]! / peak)).toBe(true));
          } else expect(w.dailyShape).toEqual(profile.workload.dailyShape);

          // Services: rpsPerReplica and requestShare exact; memory in whole MiB at or above p95 × headroom.
          c.profile.services.forEach((s, i) => {
            const ts = t.services[i]!;
            const cores = serviceCpuMillicores(profile.services[i]!) / 1000;
            expect(close(s.rpsPerReplica, cores / ts.cpuSecondsPerRequest)).toBe(true);
            expect(close(s.requestShare, ts.requestShare)).toBe(true);
            expect(Number.isInteger(s.memoryMiB)).toBe(true);
            expect(s.memoryMiB).toBeGreaterThanOrEqual(ts.memoryP95MiB * MEMORY_HEADROOM - 1e-6);
            expect(s.memoryMiB).toBeLessThan(ts.memoryP95MiB * MEMORY_HEADROOM + 1);
            // Replicas running are reported, never written.
            expect(s.minReplicas).toBe(profile.services[i]!.minReplicas);
            expect(s.maxReplicas).toBe(profile.services[i]!.maxReplicas);
            expect(c.replicas[i]!.averageRunning!.value).toBe(ts.replicas);
          });

          // Nothing measured is kept; every change names its measurement and the window.
          const unmeasured = [...(t.gauge ? [] : ['workload.dauPerMau']), ...(t.hourly ? [] : ['workload.dailyShape.hourly'])];
          expect(c.keptDefaults.map((k) => k.assumption)).toEqual(unmeasured);
          expect(c.keptDefaults.every((k) => k.kind === 'not-measured')).toBe(true);
          expect(c.changes).toHaveLength(4 + 3 * profile.services.length - unmeasured.length);
          for (const ch of c.changes) {
            expect(ch.window).toEqual(WINDOW);
            expect(ch.query).toBe(ch.measuredFrom[0]!.query);
            expect(ch.confidence).toBe(t.confidence);
            expect(ch.why.length).toBeGreaterThan(0);
          }
          expect(point(w.requestsPerActiveUserPerDay)).not.toBeUndefined();
          const rpau = w.requestsPerActiveUserPerDay as Exclude<Assumed, number>;
          expect(rpau.source).toContain(m.requestsPerDay!.query);
          expect(rpau.why).toContain('calibrated');
          const memWhy = c.profile.why!['services[0].memoryMiB']!;
          expect(memWhy).toContain(m.services[0]!.memoryP95MiB!.query);
          expect(memWhy).toContain('tier-planner assumption');

          // The plan at the same users serves the measured requests, at the measured peak ÷ average.
          const plan = planTier({ profile: c.profile, users: t.users }, book);
          expect(close(plan.demand.requestsPerDay, m.requestsPerDay!.value)).toBe(true);
          expect(close(plan.demand.peakRps / plan.demand.averageRps, ratio)).toBe(true);
          expect(plan.assumptions.find((a) => a.name === 'requestsPerActiveUserPerDay')!.why).toBe(rpau.why);
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
  });
});

type State = 'present' | 'missing' | 'low';
const STATE = fc.constantFrom<State>('present', 'missing', 'low');

/** The synthesised measurements with each one kept, dropped (with the adapter's reason) or marked low confidence. */
function degrade(m: Measurements, workload: Record<'activeUsers' | 'requestsPerDay' | 'peakToAverage' | 'hourlyShape', State>, services: readonly Record<'cpuSecondsPerRequest' | 'memoryP95MiB' | 'averageRps', State>[]): Measurements {
  const missing: { what: string; reason: string }[] = [];
  const apply = <T,>(what: string, state: State, v: Measurement<T> | undefined): Measurement<T> | undefined => {
    if (state === 'missing') return void missing.push({ what, reason: `series missing for ${what}` });
    return state === 'low' && v ? { ...v, confidence: 'low', note: 'a window shorter than a day' } : v;
  };
  const out: Record<string, unknown> = { window: m.window, services: [], missing };
  for (const [k, state] of Object.entries(workload)) {
    const v = apply(k, state, (m as unknown as Record<string, Measurement<unknown> | undefined>)[k]);
    if (v) out[k] = v;
  }
  out.services = m.services.map((s, i) => {
    const copy: Record<string, unknown> = { ...s };
    for (const [k, state] of Object.entries(services[i]!)) {
      const v = apply(`services.${s.name}.${k}`, state, (s as unknown as Record<string, Measurement | undefined>)[k]);
      if (v) copy[k] = v;
      else delete copy[k];
    }
    return copy;
  });
  return out as unknown as Measurements;
}

const FIELD_OF = { rpsPerReplica: 'cpuSecondsPerRequest', memoryMiB: 'memoryP95MiB', requestShare: 'averageRps' } as const;

describe('calibrateProfile keeps what it cannot trust', () => {
  it('missing or low-confidence measurements keep the assumption, with the reason; acceptLowConfidence applies low ones', () => {
    const profile = getProfile('microservices-mysql');
    const services = profile.services.length;
    const states = fc.record({ activeUsers: STATE, requestsPerDay: STATE, peakToAverage: STATE, hourlyShape: STATE });
    const serviceStates = fc.array(fc.record({ cpuSecondsPerRequest: STATE, memoryP95MiB: STATE, averageRps: STATE }), { minLength: services, maxLength: services });
    fc.assert(
      fc.property(truthFor(profile), states, serviceStates, fc.boolean(), (t, ws, ss, acceptLow) => {
        const m = degrade(synthesise(profile, { ...t, gauge: true, hourly: t.hourly ?? Array.from({ length: 24 }, (_, h) => 1 + (h % 5)) }), ws, ss);
        const c = calibrateProfile(profile, m, { users: t.users, acceptLowConfidence: acceptLow });
        const applied = (s: State) => s === 'present' || (s === 'low' && acceptLow);
        const expectKept = (path: string, s: State, original: unknown, actual: unknown) => {
          expect(changeOf(c, path)).toBeUndefined();
          const kept = keptOf(c, path)!;
          expect(kept, path).toBeDefined();
          expect(actual).toEqual(original);
          if (s === 'missing') {
            expect(kept.kind).toBe('not-measured');
            expect(kept.reason).toContain('series missing');
          }
          if (s === 'low') {
            expect(kept.kind).toBe('low-confidence');
            expect(kept.measured![0]!.confidence).toBe('low');
          }
        };
        const check = (path: string, on: boolean, s: State, original: unknown, actual: unknown) => {
          if (on) {
            expect(changeOf(c, path), path).toBeDefined();
            expect(keptOf(c, path)).toBeUndefined();
          } else expectKept(path, s, original, actual);
        };
        const w = c.profile.workload;
        check('workload.dauPerMau', applied(ws.activeUsers), ws.activeUsers, profile.workload.dauPerMau, w.dauPerMau);
        check('workload.requestsPerActiveUserPerDay', applied(ws.requestsPerDay), ws.requestsPerDay, profile.workload.requestsPerActiveUserPerDay, w.requestsPerActiveUserPerDay);
        check('workload.dailyShape.hourly', applied(ws.hourlyShape), ws.hourlyShape, profile.workload.dailyShape, w.dailyShape);
        const ratioOn = applied(ws.hourlyShape) || applied(ws.peakToAverage);
        check('workload.peakToAverage', ratioOn, applied(ws.hourlyShape) ? 'present' : ws.peakToAverage, profile.workload.peakToAverage, w.peakToAverage);
        profile.services.forEach((s, i) => {
          for (const [field, measure] of Object.entries(FIELD_OF) as [keyof typeof FIELD_OF, (typeof FIELD_OF)[keyof typeof FIELD_OF]][]) {
            const state = ss[i]![measure];
            const path = `services.${s.name}.${field}`;
            if (field === 'requestShare' && applied(state) && !applied(ws.requestsPerDay)) {
              expectKept(path, 'present', s.requestShare, c.profile.services[i]!.requestShare);
              expect(keptOf(c, path)!.reason).toContain('entry request rate');
            } else check(path, applied(state), state, s[field], c.profile.services[i]![field]);
          }
        });
        // Every assumption looked at is either changed or kept, never both, never neither.
        const paths = [...c.changes.map((x) => x.assumption), ...c.keptDefaults.map((x) => x.assumption)];
        expect(new Set(paths).size).toBe(paths.length);
        expect(paths.length).toBe(4 + 3 * services);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a service with no traffic keeps its defaults, and so does the workload when nothing was requested', () => {
    const profile = getProfile('microservices-mysql');
    fc.assert(
      fc.property(truthFor(profile), fc.integer({ min: 0, max: profile.services.length - 1 }), (truth, idle) => {
        // Up to 50,000 users: enough to plan real replicas, quick enough to plan every run.
        const t = { ...truth, users: Math.min(truth.users, 50_000) };
        const m = synthesise(profile, t);
        const services = m.services.map((s, i) => (i === idle ? { ...s, averageRps: { ...s.averageRps!, value: 0 } } : s));
        const c = calibrateProfile(profile, { ...m, services }, { users: t.users });
        expect(c.profile.services[idle]).toEqual(profile.services[idle]);
        for (const field of Object.keys(FIELD_OF)) {
          const kept = keptOf(c, `services.${profile.services[idle]!.name}.${field}`)!;
          expect(kept.kind).toBe('no-traffic');
          expect(kept.reason).toContain('no requests');
        }
        // The other services are calibrated as usual.
        c.profile.services.forEach((s, i) => i !== idle && expect(changeOf(c, `services.${s.name}.rpsPerReplica`)).toBeDefined());
        expect(() => planTier({ profile: c.profile, users: t.users }, book)).not.toThrow();
      }),
      { seed: SEED, numRuns: 30 },
    );
    const m = synthesise(profile, fc.sample(truthFor(profile), { seed: SEED, numRuns: 1 })[0]!);
    const silent = calibrateProfile(profile, { ...m, requestsPerDay: { ...m.requestsPerDay!, value: 0 } }, { users: 1000 });
    expect(keptOf(silent, 'workload.requestsPerActiveUserPerDay')!.kind).toBe('no-traffic');
    expect(keptOf(silent, 'services.frontend.requestShare')!.reason).toContain('no traffic');
  });

  it('a service the measurements do not have keeps its figures; a measured service the profile lacks is a warning', () => {
    const profile = getProfile('nextjs-nestjs-postgres');
    const m = synthesise(profile, fc.sample(truthFor(profile), { seed: SEED, numRuns: 1 })[0]!);
    const stranger = { ...m.services[0]!, name: 'batch', selector: '{container="batch"}' };
    const c = calibrateProfile(profile, { ...m, services: [m.services[1]!, stranger] }, { users: 5000 });
    expect(c.profile.services[0]).toEqual(profile.services[0]);
    expect(keptOf(c, 'services.frontend.memoryMiB')).toMatchObject({ kind: 'not-measured' });
    expect(changeOf(c, 'services.backend.memoryMiB')).toBeDefined();
    expect(c.warnings).toEqual(['measured service batch ({container="batch"}) is not in the profile: its measurements are not used']);
  });
});

describe('calibrateProfile rules at the edges', () => {
  const profile = getProfile('eks-web-app');
  const base = synthesise(profile, fc.sample(truthFor(profile), { seed: SEED, numRuns: 1 })[0]!);
  const { hourlyShape: _unused, ...flat } = base;

  it('a measured peakToAverage shortens a profile peakHours it leaves no room for', () => {
    const withPeak = { ...profile, workload: { ...profile.workload, peakToAverage: 2, dailyShape: { peakHours: 10 } } };
    const c = calibrateProfile(withPeak, { ...flat, peakToAverage: measured(6, 'ratio') }, { users: 1000 });
    expect(c.profile.workload.dailyShape!.peakHours).toBe(4);
    expect(changeOf(c, 'workload.dailyShape.peakHours')).toMatchObject({ old: 10, new: 4 });
    expect(() => parseProfile(c.profile, 'x')).not.toThrow();
  });

  it("keeps peakToAverage when the profile's own curve fixes it and no curve was measured", () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0.25));
    const curved = { ...profile, workload: { ...profile.workload, peakToAverage: undefined, dailyShape: { hourly } } };
    const c = calibrateProfile(curved, { ...flat, peakToAverage: measured(5, 'ratio') }, { users: 1000 });
    expect(keptOf(c, 'workload.peakToAverage')).toMatchObject({ kind: 'fixed-by-profile', value: 2 });
    expect(c.profile.workload.dailyShape).toEqual({ hourly });
  });

  it("a measured curve decides peakToAverage, and the window's busier single hour is named in the why", () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h < 6 ? 4 : 1));
    const c = calibrateProfile(profile, { ...base, hourlyShape: measured(hourly, 'curve'), peakToAverage: measured(3.5, 'ratio') }, { users: 1000 });
    const ratio = 4 / ((6 * 4 + 18) / 24);
    expect(point(c.profile.workload.peakToAverage)).toBeCloseTo(ratio, 12);
    expect(changeOf(c, 'workload.peakToAverage')!.why).toContain('busiest hour measured 3.5');
    expect(c.profile.workload.dailyShape!.hourly![0]).toBe(1);
  });

  it('refuses values that cannot be right, with the reason', () => {
    const bad = calibrateProfile(profile, {
      ...flat,
      peakToAverage: measured(0.5, 'ratio'),
      activeUsers: measured(5000, 'dau'),
      services: [{ ...base.services[0]!, cpuSecondsPerRequest: measured(-1, 'cpu'), averageRps: measured(1e12, 'rps'), memoryP95MiB: measured(Number.NaN, 'mem') }],
    }, { users: 1000 });
    expect(keptOf(bad, 'workload.peakToAverage')).toMatchObject({ kind: 'unusable' });
    expect(keptOf(bad, 'workload.dauPerMau')!.reason).toContain('more than the plan');
    expect(keptOf(bad, 'services.web-api.rpsPerReplica')).toMatchObject({ kind: 'unusable' });
    expect(keptOf(bad, 'services.web-api.memoryMiB')).toMatchObject({ kind: 'unusable' });
    expect(keptOf(bad, 'services.web-api.requestShare')!.reason).toContain('above 10');
    expect(bad.profile.services).toEqual(profile.services);
  });

  it('needs the plan users as a positive number', () => {
    for (const users of [0, -5, Number.NaN]) expect(() => calibrateProfile(profile, base, { users })).toThrow(PlanningError);
  });
});
