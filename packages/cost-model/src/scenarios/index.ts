// The built-in scenarios: load targets the seeds state, planned with the profile built from that
// seed. Each JSON file in data/ is checked at import, as the profiles are.
import { PlanningError } from '../capacity/capacity-types.js';
import { profiles } from '../profiles/index.js';
import seed001LoadTest from './data/seed-001-load-test.json' with { type: 'json' };
import type { Scenario } from './scenario-types.js';

export type * from './scenario-types.js';

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isTarget = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v > 0);

/** The problems with a scenario's data: names, a built-in profile, at least one target above 0, a source. */
export function scenarioProblems(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(s)) if (!['name', 'title', 'profile', 'peakRps', 'concurrentUsers', 'source'].includes(key)) problems.push(`${key}: unknown field`);
  for (const key of ['name', 'title', 'profile', 'source'] as const) if (!isText(s[key])) problems.push(`${key}: must be a non-empty string`);
  if (isText(s.profile) && !Object.hasOwn(profiles, s.profile)) problems.push(`profile: no built-in profile ${JSON.stringify(s.profile)}`);
  for (const key of ['peakRps', 'concurrentUsers'] as const) if (!isTarget(s[key])) problems.push(`${key}: must be a number above 0`);
  if (s.peakRps === undefined && s.concurrentUsers === undefined) problems.push('needs a target: peakRps, concurrentUsers or both');
  return problems;
}

function checked(data: Record<string, unknown>): Scenario {
  const problems = scenarioProblems(data);
  if (problems.length) throw new PlanningError('BAD_INPUT', `invalid built-in scenario ${String(data.name)}: ${problems.join('; ')}`);
  return data as unknown as Scenario;
}

export const SCENARIOS: readonly Scenario[] = Object.freeze([seed001LoadTest].map(checked));

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
