import { DEFAULT_HOURS_PER_MONTH, daysPerMonth } from '../cost/calendar.js';
import type { PriceBook } from '../pricing/price-book.js';
import { getScenario } from '../scenarios/index.js';
import { scenarioUsers } from '../scenarios/scenario-users.js';
import type { Scenario } from '../scenarios/scenario-types.js';
import { resolveWorkload } from '../workload/assumptions.js';
import { MAX_USERS, planTier, resolveProfile } from './plan-tier.js';
import type { Plan, PlanOptions } from './plan-types.js';

/**
 * A scenario's plan: its targets converted to users under the profile's point workload (with the
 * caller's overrides), then planned as any tier. The plan carries the conversion and the target that binds.
 */
export function planScenario(scenario: Scenario | string, book: PriceBook, options: PlanOptions = {}): Plan {
  const s = typeof scenario === 'string' ? getScenario(scenario) : scenario;
  const profile = resolveProfile(s.profile, options);
  const { values } = resolveWorkload(profile.workload, options.workload);
  const conversion = scenarioUsers(s, values, daysPerMonth(options.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH), MAX_USERS);
  const plan = planTier({ users: conversion.planned.users, profile }, book, options);
  return { ...plan, scenario: conversion };
}
