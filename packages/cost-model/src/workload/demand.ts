/** What N users ask of the system, derived from the workload assumptions. Plain numbers: not money. */
export interface Demand {
  readonly users: number;
  readonly dailyActiveUsers: number;
  readonly requestsPerDay: number;
  readonly averageRps: number;
  readonly peakRps: number;
  /** The day's load levels, busiest first (the first is peakRps); the hours add up to 24. */
  readonly dailyLevels: readonly { readonly rps: number; readonly hoursPerDay: number }[];
  /** Users in a session at the peak (Little's law: arrival rate × time in system). */
  readonly peakConcurrentUsers: number;
  readonly egressGbPerMonth: number;
  readonly databaseGb: number;
  readonly objectStorageGb: number;
  readonly logGbPerMonth: number;
}
