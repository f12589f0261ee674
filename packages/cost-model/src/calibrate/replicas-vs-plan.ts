// Replicas actually running beside what a plan runs (replicas on Kubernetes, tasks on ECS), at the
// peak and averaged over the day. Reported only: the plan derives its counts from the load.
import type { Plan } from '../plan/plan-types.js';
import type { MeasuredReplicas } from './calibration-types.js';

export interface ReplicasVsPlan {
  readonly service: string;
  readonly runningAverage?: number;
  readonly runningPeak?: number;
  /** The plan's count at its busiest level, and averaged over the day's levels (hours-weighted). */
  readonly planPeak: number;
  readonly planAverage: number;
}

export function replicasVsPlan(measured: readonly MeasuredReplicas[], plan: Plan): ReplicasVsPlan[] {
  const levels = plan.demand.dailyLevels;
  const counts = new Map<string, readonly number[]>();
  for (const r of plan.capacity.replicas) counts.set(r.name, r.byLevel);
  for (const t of plan.capacity.fargateTasks) counts.set(t.service, t.byLevel);
  return measured.flatMap((m) => {
    const byLevel = counts.get(m.service);
    if (!byLevel) return [];
    const planAverage = byLevel.reduce((total, n, i) => total + n * (levels[i]?.hoursPerDay ?? 0), 0) / 24;
    return [{
      service: m.service,
      ...(m.averageRunning ? { runningAverage: m.averageRunning.value } : {}),
      ...(m.peakRunning ? { runningPeak: m.peakRunning.value } : {}),
      planPeak: byLevel[0] ?? 0,
      planAverage,
    }];
  });
}
