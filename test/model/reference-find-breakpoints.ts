// The breakpoint search as it was before it searched on shapes: a full priced plan at every
// user count it visits. Kept as the reference the shape search must equal, result for result.
// Where to split an interval is the search's own rule (splitPoint), so the two visit the same
// counts and differ only in how a count is planned.
import type { PriceBook } from '../../packages/cost-model/src/pricing/price-book.js';
import type { Profile } from '../../packages/cost-model/src/profiles/profile-types.js';
import { PlanningError } from '../../packages/cost-model/src/capacity/capacity-types.js';
import type { Decimal } from '../../packages/cost-model/src/cost/money.js';
import { ladderContextKey, nextLadderContext, type LadderContext } from '../../packages/cost-model/src/plan/ladder-context.js';
import { checkUsers, planTier, resolveProfile } from '../../packages/cost-model/src/plan/plan-tier.js';
import { changedAspects, planShape, shapeChanges, type PlanShape } from '../../packages/cost-model/src/plan/plan-shape.js';
import { splitPoint } from '../../packages/cost-model/src/plan/split-point.js';
import type { Plan, PlanOptions } from '../../packages/cost-model/src/plan/plan-types.js';

interface Breakpoint {
  /** The first user count with the new plan. */
  readonly users: number;
  readonly changes: readonly string[];
  readonly monthlyBefore: Decimal;
  readonly monthlyAfter: Decimal;
  /** The ladder state both sides were planned from: planTier at users − 1 and at users with it gives them back. */
  readonly ladderContext: LadderContext;
}

interface BreakpointSearch {
  readonly breakpoints: readonly Breakpoint[];
  /** True when more changes exist than `max` allowed to report. */
  readonly truncated: boolean;
  /** The ladder's state after the last user count: pass it on to continue the ladder. */
  readonly ladderContext: LadderContext;
  /** The plans at the `tiers` asked for, as the walk planned them (in the order asked). */
  readonly tiers: readonly Plan[];
}

const GRID_PER_DECADE = 24;

interface Point {
  readonly shape: PlanShape;
  readonly key: string;
  readonly total: Decimal;
  /** The ladder's state after this plan. */
  readonly next: LadderContext;
  /** Kept only at the tiers asked for (plans are large; the search makes hundreds). */
  readonly plan?: Plan;
}

/**
 * The user counts between `fromUsers` and `toUsers` where the plan changes shape (a node added,
 * an instance type switched, HA or Multi-AZ on, a replica or cache added). Samples a log grid
 * (24 points a decade, plus any `tiers`), then bisects every interval whose ends differ down to
 * adjacent counts. The search is one ladder walked upwards: every plan is planned with the
 * ladder state of the plan before it in user order (options.ladderContext before the first), so
 * a node type is kept within the type-change margin and never returns once left, as in planLadder.
 * A change that reverts within one grid step can be missed; docs/methodology.md says so.
 */
export function referenceFindBreakpoints(
  profileOrName: Profile | string,
  fromUsers: number,
  toUsers: number,
  book: PriceBook,
  options: PlanOptions & { readonly max?: number; readonly tiers?: readonly number[] } = {},
): BreakpointSearch {
  checkUsers(fromUsers);
  checkUsers(toUsers);
  const profile = resolveProfile(profileOrName, options);
  const { max: maxOption, tiers: tierUsers = [], ...planOptions } = options;
  const opts = { ...planOptions, samples: 0 };
  const max = maxOption ?? 50;
  const tierSet = new Set(tierUsers);
  const cache = new Map<string, Point>();
  const at = (users: number, context: LadderContext): Point => {
    const cacheKey = `${users}|${ladderContextKey(context)}`;
    let hit = cache.get(cacheKey);
    if (!hit) {
      const plan = planTier({ users, profile }, book, { ...opts, ladderContext: context });
      const shape = planShape(plan);
      hit = { shape, key: JSON.stringify(shape), total: plan.monthly.total, next: nextLadderContext(plan, context), ...(tierSet.has(users) ? { plan } : {}) };
      cache.set(cacheKey, hit);
    }
    return hit;
  };
  const lo = Math.min(fromUsers, toUsers);
  const hi = Math.max(fromUsers, toUsers);
  for (const t of tierUsers) {
    checkUsers(t);
    if (t < lo || t > hi) throw new PlanningError('BAD_INPUT', `tier ${t.toLocaleString('en-US')} users is outside the search from ${lo.toLocaleString('en-US')} to ${hi.toLocaleString('en-US')}`);
  }
  const grid = logGrid(lo, hi, tierUsers);
  const found: Breakpoint[] = [];
  const walked = new Map<number, Plan | undefined>();
  let truncated = false;
  // The plan at b following the one at a; bisects when they differ. Returns b's plan as walked.
  const walk = (a: number, pa: Point, b: number): Point => {
    const pb = at(b, pa.next);
    if (truncated || pa.key === pb.key) return pb;
    if (b - a === 1) {
      if (found.length >= max) {
        truncated = true;
        return pb;
      }
      found.push({ users: b, changes: shapeChanges(pa.shape, pb.shape), monthlyBefore: pa.total, monthlyAfter: pb.total, ladderContext: pa.next });
      return pb;
    }
    const mid = splitPoint(a, b, changedAspects(pa.shape, pb.shape), found);
    return walk(mid, walk(a, pa, mid), b);
  };
  let point = at(grid[0]!, planOptions.ladderContext ?? {});
  walked.set(grid[0]!, point.plan);
  for (let i = 1; i < grid.length; i++) {
    point = walk(grid[i - 1]!, point, grid[i]!);
    walked.set(grid[i]!, point.plan);
  }
  return { breakpoints: found, truncated, ladderContext: point.next, tiers: tierUsers.map((t) => walked.get(t)!) };
}

function logGrid(lo: number, hi: number, tiers: readonly number[]): number[] {
  const points = new Set<number>([lo, hi]);
  const steps = Math.ceil(Math.log10(hi / lo) * GRID_PER_DECADE);
  for (let i = 1; i < steps; i++) points.add(Math.round(lo * Math.pow(hi / lo, i / steps)));
  for (const t of tiers) points.add(t);
  return [...points].sort((a, b) => a - b);
}
