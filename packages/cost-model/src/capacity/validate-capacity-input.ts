import type { SystemPod, ServiceSpec } from '../profiles/profile-types.js';
import { serviceCpuMillicores, serviceCpuProblem } from '../profiles/service-cpu.js';
import { PlanningError, type CapacityInput } from './capacity-types.js';

function nonNegative(what: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0)) throw new PlanningError('BAD_INPUT', `${what} must be a finite number ≥ 0, got ${v}`);
}

function checkPod(kind: string, p: SystemPod): void {
  nonNegative(`${kind} ${p.name} cpuMillicores`, p.cpuMillicores);
  nonNegative(`${kind} ${p.name} memoryMiB`, p.memoryMiB);
}

/** Rejects inputs whose arithmetic would silently produce NaN or nonsense counts. */
export function validateCapacityInput(input: CapacityInput): void {
  const { profile, demand } = input;
  if (!(Number.isInteger(input.azs) && input.azs >= 1)) throw new PlanningError('BAD_INPUT', `azs must be a whole number ≥ 1, got ${input.azs}`);
  if (!(input.targetUtilization > 0 && input.targetUtilization <= 1)) {
    throw new PlanningError('BAD_INPUT', `targetUtilization must be in (0, 1], got ${input.targetUtilization}`);
  }
  if (!(input.hoursPerMonth > 0 && Number.isFinite(input.hoursPerMonth))) {
    throw new PlanningError('BAD_INPUT', `hoursPerMonth must be > 0, got ${input.hoursPerMonth}`);
  }
  nonNegative('demand.users', demand.users);
  nonNegative('demand.peakRps', demand.peakRps);
  nonNegative('demand.dailyActiveUsers', demand.dailyActiveUsers);
  checkProfile(profile);
}

/** Profiles already checked: a profile is read-only data, and every plan and sample of it comes through here. */
const checkedProfiles = new WeakSet<CapacityInput['profile']>();

function checkProfile(profile: CapacityInput['profile']): void {
  if (checkedProfiles.has(profile)) return;
  for (const s of profile.services) {
    const unit = serviceCpuProblem(profile.platform, s);
    if (unit) throw new PlanningError('BAD_INPUT', `service ${s.name} ${unit}`);
    nonNegative(`service ${s.name} cpu`, serviceCpuMillicores(s));
    nonNegative(`service ${s.name} memoryMiB`, s.memoryMiB);
    if (s.connectionsPerReplica !== undefined && !(s.connectionsPerReplica > 0)) {
      throw new PlanningError('BAD_INPUT', `service ${s.name} connectionsPerReplica must be > 0, got ${s.connectionsPerReplica}`);
    }
    if (s.concurrentShare !== undefined) nonNegative(`service ${s.name} concurrentShare`, s.concurrentShare);
    nonNegative(`service ${s.name} requestShare`, s.requestShare);
    nonNegative(`service ${s.name} rpsPerReplica`, s.rpsPerReplica);
  }
  for (const p of profile.systemPods ?? []) {
    checkPod('system pod', p);
    if (p.replicas !== undefined) nonNegative(`system pod ${p.name} replicas`, p.replicas);
  }
  for (const d of profile.daemonSets ?? []) checkPod('DaemonSet', d);
  checkedProfiles.add(profile);
}
