// The built-in scenarios: load targets the seeds state, planned with the profile built from that seed.
import { PlanningError } from '../capacity/capacity-types.js';
import type { Scenario } from './scenario-types.js';

export type * from './scenario-types.js';

export const SCENARIOS: readonly Scenario[] = Object.freeze([
  {
    name: 'seed-001-load-test',
    title: "Seed 001's load-test target: 1,000 req/s and 10k concurrent users",
    profile: 'nextjs-nestjs-postgres',
    peakRps: 1000,
    concurrentUsers: 10_000,
    source: 'seed 001 (001_d27fe2d85d1b6462), PHASE 9 — Load Testing: "Benchmark: 1000 req/sec, 10k concurrent users"',
  },
]);

/** The built-in scenarios, in seed order. */
export function listScenarios(): readonly Scenario[] {
  return SCENARIOS;
}

/** A built-in scenario by name; an unknown name is bad input naming the known ones. */
export function getScenario(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new PlanningError('BAD_INPUT', `no scenario ${JSON.stringify(name)} (known: ${SCENARIOS.map((x) => x.name).join(', ')})`);
  return s;
}
