import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Decimal } from '../cost/money.js';
import { checkUsers, planTier, resolveProfile } from './plan-tier.js';
import { planShape, shapeChanges, type PlanShape } from './plan-shape.js';
import type { PlanOptions } from './plan-types.js';

export interface Breakpoint {
  /** The first user count with the new plan. */
  readonly users: number;
  readonly changes: readonly string[];
  readonly monthlyBefore: Decimal;
  readonly monthlyAfter: Decimal;
}

export interface BreakpointSearch {
  readonly breakpoints: readonly Breakpoint[];
  /** True when more changes exist than `max` allowed to report. */
  readonly truncated: boolean;
}

const GRID_PER_DECADE = 24;

/**
 * The user counts between `fromUsers` and `toUsers` where the plan changes shape (a node added,
 * an instance type switched, HA or Multi-AZ on, a replica or cache added). Samples a log grid
 * (24 points a decade), then bisects every interval whose ends differ down to adjacent counts.
 * A change that reverts within one grid step can be missed; docs/methodology.md says so.
 */
export function findBreakpoints(
  profileOrName: Profile | string,
  fromUsers: number,
  toUsers: number,
  book: PriceBook,
  options: PlanOptions & { readonly max?: number } = {},
): BreakpointSearch {
  checkUsers(fromUsers);
  checkUsers(toUsers);
  const profile = resolveProfile(profileOrName, options);
  const opts = { ...options, samples: 0 };
  const max = options.max ?? 50;
  const cache = new Map<number, { shape: PlanShape; key: string; total: Decimal }>();
  const at = (users: number) => {
    let hit = cache.get(users);
    if (!hit) {
      const plan = planTier({ users, profile }, book, opts);
      const shape = planShape(plan);
      hit = { shape, key: JSON.stringify(shape), total: plan.monthly.total };
      cache.set(users, hit);
    }
    return hit;
  };
  const lo = Math.min(fromUsers, toUsers);
  const hi = Math.max(fromUsers, toUsers);
  const grid = logGrid(lo, hi);
  const found: Breakpoint[] = [];
  let truncated = false;
  const bisect = (a: number, b: number): void => {
    if (truncated || at(a).key === at(b).key) return;
    if (b - a === 1) {
      if (found.length >= max) {
        truncated = true;
        return;
      }
      found.push({ users: b, changes: shapeChanges(at(a).shape, at(b).shape), monthlyBefore: at(a).total, monthlyAfter: at(b).total });
      return;
    }
    const mid = Math.floor((a + b) / 2);
    bisect(a, mid);
    bisect(mid, b);
  };
  for (let i = 1; i < grid.length && !truncated; i++) bisect(grid[i - 1]!, grid[i]!);
  return { breakpoints: found, truncated };
}

function logGrid(lo: number, hi: number): number[] {
  const points = new Set<number>([lo, hi]);
  const steps = Math.ceil(Math.log10(hi / lo) * GRID_PER_DECADE);
  for (let i = 1; i < steps; i++) points.add(Math.round(lo * Math.pow(hi / lo, i / steps)));
  return [...points].sort((a, b) => a - b);
}
