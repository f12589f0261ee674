// A scenario is a load target to plan for: a profile plus a peak request rate and/or a number of
// concurrent users, with where the target comes from. Scenarios are data, like profiles.

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** The built-in profile the target is planned with. */
  readonly profile: string;
  /** Peak requests per second to serve. */
  readonly peakRps?: number;
  /** Users in a session at the same time, at the peak. */
  readonly concurrentUsers?: number;
  /** Where the target comes from (the seed and its words). */
  readonly source: string;
}

export type ScenarioTarget = 'peak-rps' | 'concurrent-users';

/** How a scenario became a user count, reported on the plan. */
export interface ScenarioPlan {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly targets: { readonly peakRps?: number; readonly concurrentUsers?: number };
  /** Users each target needs on its own under the profile's workload assumptions. */
  readonly usersFor: { readonly peakRps?: number; readonly concurrentUsers?: number };
  /** The target that needs the most users: the one the plan is sized by. */
  readonly binding: ScenarioTarget;
  /** Always "users-from-targets": the targets are converted to users, then planned as any tier. */
  readonly method: 'users-from-targets';
  /** What the planned users give, against the targets. */
  readonly planned: { readonly users: number; readonly peakRps: number; readonly concurrentUsers: number };
  readonly why: string;
}
