// Targets → users. Demand is linear in users (deriveDemand), so the users one target needs is the
// target ÷ what one user gives, rounded up to a whole user; the scenario plans the larger count,
// which meets both targets, and names the target that needed it.
import { PlanningError } from '../capacity/capacity-types.js';
import { ceilWholeCount } from '../capacity/whole-count.js';
import type { ResolvedWorkload } from '../workload/assumptions.js';
import { deriveDemand } from '../workload/derive-demand.js';
import type { Scenario, ScenarioPlan, ScenarioTarget } from './scenario-types.js';
import { numberText } from '../number-text.js';

const n = (x: number, digits = 0) => numberText(x, { maximumFractionDigits: digits });

function usersFor(target: number, perUser: number, what: string, maxUsers: number): number {
  if (!(Number.isFinite(target) && target > 0)) throw new PlanningError('BAD_INPUT', `scenario ${what} must be a number above 0, got ${String(target)}`);
  if (!(perUser > 0)) throw new PlanningError('BAD_INPUT', `the profile's workload gives no ${what} per user, so no number of users reaches the target`);
  const users = Math.max(1, ceilWholeCount(target / perUser));
  if (users > maxUsers) throw new PlanningError('BAD_INPUT', `${n(target)} ${what} take ${n(users)} users, more than ${n(maxUsers)}`);
  return users;
}

/** The users a scenario plans for, and which target binds, under a profile's resolved workload. */
export function scenarioUsers(s: Scenario, w: ResolvedWorkload, daysPerMonth: number, maxUsers: number): ScenarioPlan {
  if (s.peakRps === undefined && s.concurrentUsers === undefined) throw new PlanningError('BAD_INPUT', `scenario ${s.name} sets no target (peakRps or concurrentUsers)`);
  const one = deriveDemand(1, w, daysPerMonth);
  const byRps = s.peakRps === undefined ? undefined : usersFor(s.peakRps, one.peakRps, 'req/s at the peak', maxUsers);
  const byConcurrency = s.concurrentUsers === undefined ? undefined : usersFor(s.concurrentUsers, one.peakConcurrentUsers, 'concurrent users', maxUsers);
  const binding: ScenarioTarget = byConcurrency !== undefined && (byRps === undefined || byConcurrency > byRps) ? 'concurrent-users' : 'peak-rps';
  const users = binding === 'concurrent-users' ? byConcurrency! : byRps!;
  const at = deriveDemand(users, w, daysPerMonth);
  return {
    name: s.name,
    title: s.title,
    source: s.source,
    targets: { ...(s.peakRps !== undefined ? { peakRps: s.peakRps } : {}), ...(s.concurrentUsers !== undefined ? { concurrentUsers: s.concurrentUsers } : {}) },
    usersFor: { ...(byRps !== undefined ? { peakRps: byRps } : {}), ...(byConcurrency !== undefined ? { concurrentUsers: byConcurrency } : {}) },
    binding,
    method: 'users-from-targets',
    planned: { users, peakRps: at.peakRps, concurrentUsers: at.peakConcurrentUsers },
    why: scenarioWhy(s, binding, byRps, byConcurrency, at.peakRps, at.peakConcurrentUsers, w),
  };
}

function scenarioWhy(s: Scenario, binding: ScenarioTarget, byRps: number | undefined, byConcurrency: number | undefined, rps: number, concurrent: number, w: ResolvedWorkload): string {
  const rpsPart = byRps !== undefined ? `${n(s.peakRps!)} req/s needs ${n(byRps)} users` : undefined;
  const concPart = byConcurrency !== undefined ? `${n(s.concurrentUsers!)} concurrent users need ${n(byConcurrency)} users (${n(w.sessionSeconds)} s sessions)` : undefined;
  const parts = [rpsPart, concPart].filter((x) => x !== undefined).join('; ');
  const result = `planned for ${n(binding === 'concurrent-users' ? byConcurrency! : byRps!)} users: peak ${n(rps, 1)} req/s and ${n(concurrent)} concurrent users`;
  const bound = binding === 'concurrent-users' ? 'concurrency-bound: the concurrent-user target needs the most users' : 'rps-bound: the request-rate target needs the most users';
  return `${bound} (${parts}); ${result}`;
}
