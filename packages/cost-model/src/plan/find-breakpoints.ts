import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import { PlanningError } from '../capacity/capacity-types.js';
import type { Decimal } from '../cost/money.js';
import { ladderContextKey, nextLadderContext, nextLadderContextOf, type LadderContext } from './ladder-context.js';
import { checkUsers, planTier, pricedCapacity, probeCapacity, resolveProfile, settleCapacity, type ProbedCapacity } from './plan-tier.js';
import { capacityShape, changedAspects, planShape, shapeChanges, type PlanShape } from './plan-shape.js';
import type { Plan, PlanOptions } from './plan-types.js';
import { numberText } from '../number-text.js';
import { splitPoint } from './split-point.js';
import { lineItemMemo } from './line-item-memo.js';

export interface Breakpoint {
  /** The first user count with the new plan. */
  readonly users: number;
  readonly changes: readonly string[];
  readonly monthlyBefore: Decimal;
  readonly monthlyAfter: Decimal;
  /** The ladder state both sides were planned from: planTier at users − 1 and at users with it gives them back. */
  readonly ladderContext: LadderContext;
}

export interface BreakpointSearch {
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
  readonly users: number;
  /** The ladder's state this point was planned from. */
  readonly from: LadderContext;
  readonly shape: PlanShape;
  readonly key: string;
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
 * The search compares shapes from the capacity stage alone and prices a plan only where it must:
 * both sides of each breakpoint, the tiers asked for, and the first decision of a step where a
 * sizing pass left a type (the second decision weighs its priced total), each priced without the
 * plan around it (pricedCapacity, settleCapacity); full plans only at the tiers and the first count.
 * Every shape and total is the one planTier gives at that count and ladder state.
 * A change that reverts within one grid step can be missed; docs/methodology.md says so.
 */
export function findBreakpoints(
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
  const totals = new Map<string, Decimal>();
  // Each probe's settled capacity, so pricing a probed count does not plan its capacity again.
  const probes = new Map<string, ProbedCapacity>();
  // The search's options are the same at every count: a resource priced once is taken again.
  const memo = lineItemMemo();
  const full = (users: number, context: LadderContext): Plan => {
    const plan = planTier({ users, profile }, book, { ...opts, ladderContext: context });
    totals.set(`${users}|${ladderContextKey(context)}`, plan.monthly.total);
    return plan;
  };
  const priced = (users: number, context: LadderContext, probed?: ProbedCapacity) =>
    pricedCapacity(users, profile, book, { ...opts, ladderContext: context }, probed, memo).total;
  const point = (users: number, context: LadderContext, shape: PlanShape, next: LadderContext, plan?: Plan): Point =>
    ({ users, from: context, shape, key: JSON.stringify(shape), next, ...(plan ? { plan } : {}) });
  // A probe's capacity, settled: a switch is decided again as planTier decides it, and only what
  // that had to price is priced (the final capacity's total waits until a breakpoint asks for it).
  const settled = (users: number, context: LadderContext, cacheKey: string): ProbedCapacity => {
    const stepOptions = { ...opts, ladderContext: context };
    const probe = probeCapacity(users, profile, book, stepOptions);
    if (probe.settled) return probe;
    const decided = settleCapacity(users, profile, book, stepOptions, probe, memo);
    if (decided.total) totals.set(cacheKey, decided.total);
    return decided;
  };
  const at = (users: number, context: LadderContext): Point => {
    const cacheKey = `${users}|${ladderContextKey(context)}`;
    let hit = cache.get(cacheKey);
    if (!hit) {
      if (tierSet.has(users)) {
        const plan = full(users, context);
        hit = point(users, context, planShape(plan), nextLadderContext(plan, context), plan);
      } else {
        const probe = settled(users, context, cacheKey);
        probes.set(cacheKey, probe);
        hit = point(users, context, capacityShape(probe.ha, probe.azs, probe.capacity), nextLadderContextOf(probe.capacity.nodeGroups[0]?.instanceType, context));
      }
      cache.set(cacheKey, hit);
    }
    return hit;
  };
  // The priced total of a point, priced only the first time it is asked for.
  const totalOf = (p: Point): Decimal => {
    const key = `${p.users}|${ladderContextKey(p.from)}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = priced(p.users, p.from, probes.get(key))));
    return total;
  };
  const lo = Math.min(fromUsers, toUsers);
  const hi = Math.max(fromUsers, toUsers);
  for (const t of tierUsers) {
    checkUsers(t);
    if (t < lo || t > hi) throw new PlanningError('BAD_INPUT', `tier ${numberText(t)} users is outside the search from ${numberText(lo)} to ${numberText(hi)}`);
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
      found.push({ users: b, changes: shapeChanges(pa.shape, pb.shape), monthlyBefore: totalOf(pa), monthlyAfter: totalOf(pb), ladderContext: pa.next });
      return pb;
    }
    const mid = splitPoint(a, b, changedAspects(pa.shape, pb.shape), found);
    return walk(mid, walk(a, pa, mid), b);
  };
  // The first count is planned in full: it checks the options as planTier does, once.
  const first = grid[0]!;
  const firstContext = planOptions.ladderContext ?? {};
  const firstPlan = full(first, firstContext);
  let last = point(first, firstContext, planShape(firstPlan), nextLadderContext(firstPlan, firstContext), tierSet.has(first) ? firstPlan : undefined);
  cache.set(`${first}|${ladderContextKey(firstContext)}`, last);
  walked.set(first, last.plan);
  for (let i = 1; i < grid.length; i++) {
    last = walk(grid[i - 1]!, last, grid[i]!);
    walked.set(grid[i]!, last.plan);
  }
  return { breakpoints: found, truncated, ladderContext: last.next, tiers: tierUsers.map((t) => walked.get(t)!) };
}

function logGrid(lo: number, hi: number, tiers: readonly number[]): number[] {
  const points = new Set<number>([lo, hi]);
  const steps = Math.ceil(Math.log10(hi / lo) * GRID_PER_DECADE);
  for (let i = 1; i < steps; i++) points.add(Math.round(lo * Math.pow(hi / lo, i / steps)));
  for (const t of tiers) points.add(t);
  return [...points].sort((a, b) => a - b);
}
