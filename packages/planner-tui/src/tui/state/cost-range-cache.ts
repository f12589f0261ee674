import { DEFAULT_LADDER, findBreakpoints, nextLadderContext, planTier, type Breakpoint, type LadderContext, type PriceBook } from '@tier-planner/cost-model';
import type { CostPoint } from '../utils/cost-chart.js';
import { rangeKey, scenarioOptions, scenarioProfile, type Scenario } from './scenario.js';

export const RANGE_FROM = 1;
export const RANGE_TO = 10_000_000;
/** About one chart column each: a search stops at a segment's first change, so no step blocks input for long. */
const SEGMENTS_PER_DECADE = 16;
const MAX_ENTRIES = 16;

/** A breakpoint, and whether the totals on either side price every line item. */
export interface PricedBreakpoint extends Breakpoint {
  readonly completeBefore: boolean;
  readonly completeAfter: boolean;
}

export interface CostRange {
  /** Ladder tiers and both sides of every breakpoint found so far. */
  readonly points: readonly CostPoint[];
  readonly breakpoints: readonly PricedBreakpoint[];
  /** True when any of those points leaves unpriced line items out of its total. */
  readonly incomplete: boolean;
  /** Segments searched for breakpoints so far, of `segments`. */
  readonly searched: number;
  readonly segments: number;
  readonly error: string | undefined;
}

interface Entry {
  readonly ladder: CostPoint[];
  readonly breakpoints: PricedBreakpoint[];
  incomplete: boolean;
  next: number;
  /** The ladder's state where the next segment starts: segments continue one sticky ladder. */
  context: LadderContext;
  error: string | undefined;
}

/** User-count segments of equal width on a log scale, as [from, to] pairs without repeats. */
export function logSegments(from: number, to: number, perDecade: number): [number, number][] {
  const steps = Math.ceil(Math.log10(to / from) * perDecade);
  const edges = [...new Set(Array.from({ length: steps + 1 }, (_, i) => Math.round(from * Math.pow(to / from, i / steps))))];
  return edges.slice(1).map((hi, i) => [edges[i]!, hi]);
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The cost-vs-users ladder and its breakpoints, per scenario without its users (profile, purchase,
 * HA, families, workload). The ladder is computed at once (8 plans, a few ms); breakpoints are
 * searched one segment at a time by `searchNext`, which the chart calls between frames: a full
 * search is 0.5–2 s, far over one keystroke's budget.
 */
export class CostRangeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly segments = logSegments(RANGE_FROM, RANGE_TO, SEGMENTS_PER_DECADE);

  constructor(private readonly book: PriceBook) {}

  get(scenario: Scenario): CostRange {
    const e = this.entry(scenario);
    const points = [...e.ladder, ...e.breakpoints.flatMap((b) => [{ users: b.users - 1, monthly: b.monthlyBefore.toNumber() }, { users: b.users, monthly: b.monthlyAfter.toNumber() }])];
    return { points, breakpoints: e.breakpoints, incomplete: e.incomplete, searched: e.next, segments: this.segments.length, error: e.error };
  }

  /** Searches the next segment; false when the whole range is done. */
  searchNext(scenario: Scenario): boolean {
    const e = this.entry(scenario);
    const segment = this.segments[e.next];
    if (!segment) return false;
    try {
      const found = findBreakpoints(scenarioProfile(scenario), segment[0], segment[1], this.book, { ...scenarioOptions(scenario), max: 1, ladderContext: e.context });
      e.context = found.ladderContext;
      for (const b of found.breakpoints) {
        // The search reports totals only; whether they are whole takes a plan on either side.
        const completeBefore = this.complete(scenario, b.users - 1, b.ladderContext);
        const completeAfter = this.complete(scenario, b.users, b.ladderContext);
        e.breakpoints.push({ ...b, completeBefore, completeAfter });
        e.incomplete ||= !completeBefore || !completeAfter;
      }
    } catch (err) {
      // A range the model cannot plan (e.g. no allowed instance fits) is skipped, and said so once.
      e.error ??= `${segment[0].toLocaleString('en-US')}–${segment[1].toLocaleString('en-US')} users: ${message(err)}`;
    }
    e.next += 1;
    return e.next < this.segments.length;
  }

  private complete(scenario: Scenario, users: number, ladderContext: LadderContext): boolean {
    return planTier({ users, profile: scenarioProfile(scenario) }, this.book, { ...scenarioOptions(scenario), ladderContext }).monthly.complete;
  }

  private entry(scenario: Scenario): Entry {
    const key = rangeKey(scenario);
    let e = this.entries.get(key);
    if (!e) {
      e = { ladder: [], breakpoints: [], incomplete: false, next: 0, context: {}, error: undefined };
      // The tiers as planLadder plans them (one sticky ladder), a tier that fails skipped.
      let context: LadderContext = {};
      for (const users of DEFAULT_LADDER) {
        try {
          const plan = planTier({ users, profile: scenarioProfile(scenario) }, this.book, { ...scenarioOptions(scenario), ladderContext: context });
          context = nextLadderContext(plan, context);
          e.ladder.push({ users, monthly: plan.monthly.total.toNumber() });
          e.incomplete ||= !plan.monthly.complete;
        } catch (err) {
          e.error ??= `${users.toLocaleString('en-US')} users: ${message(err)}`;
        }
      }
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, e);
    }
    return e;
  }
}
