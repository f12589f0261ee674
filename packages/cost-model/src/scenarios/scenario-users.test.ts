import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/index.js';
import { resolveWorkload } from '../workload/assumptions.js';
import { deriveDemand } from '../workload/derive-demand.js';
import { getScenario, listScenarios, scenarioProblems } from './index.js';
import { scenarioUsers } from './scenario-users.js';

const DAYS = 730 / 24;
const MAX = 10_000_000_000;

describe('scenarioUsers', () => {
  it("seed 001's target is concurrency-bound under nextjs-nestjs-postgres (300 s sessions, 200 requests a day)", () => {
    const s = getScenario('seed-001-load-test');
    expect([s.profile, s.peakRps, s.concurrentUsers]).toEqual(['nextjs-nestjs-postgres', 1000, 10_000]);
    const { values } = resolveWorkload(getProfile(s.profile).workload);
    const c = scenarioUsers(s, values, DAYS, MAX);
    // one user: 0.2 DAU × 200 / 86,400 × 3 req/s at the peak; 0.2 / 86,400 × 3 × 300 s concurrent
    expect(c.usersFor).toEqual({ peakRps: 720_000, concurrentUsers: 4_800_000 });
    expect(c.binding).toBe('concurrent-users');
    expect(c.planned.users).toBe(4_800_000);
    expect(c.planned.concurrentUsers).toBeCloseTo(10_000, 6);
    expect(c.planned.peakRps).toBeCloseTo(6666.667, 2);
    expect(c.why).toMatch(/^concurrency-bound: .*1,000 req\/s needs 720,000 users; 10,000 concurrent users need 4,800,000 users \(300 s sessions\)/);
  });

  it('turns rps-bound when sessions are long enough to hold the concurrency', () => {
    const s = getScenario('seed-001-load-test');
    const { values } = resolveWorkload(getProfile(s.profile).workload, { sessionSeconds: 3000 });
    const c = scenarioUsers(s, values, DAYS, MAX);
    expect(c.binding).toBe('peak-rps');
    expect(c.planned.users).toBe(720_000);
  });

  it('property: the planned users meet every target, and one user fewer misses the binding one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 10, max: 10_000, noNaN: true }),
        fc.double({ min: 10, max: 2000, noNaN: true }),
        (peakRps, concurrentUsers, sessionSeconds, requests) => {
          const { values } = resolveWorkload({ sessionSeconds, requestsPerActiveUserPerDay: requests });
          const c = scenarioUsers({ name: 't', title: 't', profile: 'eks-web-app', peakRps, concurrentUsers, source: 'test' }, values, DAYS, MAX);
          const at = deriveDemand(c.planned.users, values, DAYS);
          expect(at.peakRps).toBeGreaterThanOrEqual(peakRps * (1 - 1e-9));
          expect(at.peakConcurrentUsers).toBeGreaterThanOrEqual(concurrentUsers * (1 - 1e-9));
          const fewer = deriveDemand(c.planned.users - 1, values, DAYS);
          if (c.planned.users > 1) {
            const missed = c.binding === 'peak-rps' ? fewer.peakRps < peakRps : fewer.peakConcurrentUsers < concurrentUsers;
            expect(missed).toBe(true);
          }
        },
      ),
    );
  });

  it('refuses a scenario with no target or an impossible one', () => {
    const { values } = resolveWorkload({});
    expect(() => scenarioUsers({ name: 'x', title: 'x', profile: 'eks-web-app', source: 's' }, values, DAYS, MAX)).toThrow(/sets no target/);
    expect(() => scenarioUsers({ name: 'x', title: 'x', profile: 'eks-web-app', peakRps: 1e12, source: 's' }, values, DAYS, MAX)).toThrow(/more than 10,000,000,000/);
  });

  it('every built-in scenario names a built-in profile and a source', () => {
    for (const s of listScenarios()) {
      expect(() => getProfile(s.profile)).not.toThrow();
      expect(s.source).toMatch(/seed \d{3}/);
    }
    expect(() => getScenario('nope')).toThrow(/known: seed-001-load-test/);
  });

  it('checks scenario data: names, a built-in profile, a target above 0', () => {
    expect(scenarioProblems({ ...getScenario('seed-001-load-test') })).toEqual([]);
    expect(scenarioProblems({ name: 'x', title: '', profile: 'nope', peakRps: -1, source: 's', colour: 1 })).toEqual([
      'colour: unknown field',
      'title: must be a non-empty string',
      'profile: no built-in profile "nope"',
      'peakRps: must be a number above 0',
    ]);
    expect(scenarioProblems({ name: 'x', title: 'x', profile: 'eks-web-app', source: 's' })).toEqual(['needs a target: peakRps, concurrentUsers or both']);
  });
});
