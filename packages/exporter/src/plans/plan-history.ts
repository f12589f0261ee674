import { dec, type Decimal } from '@tier-planner/cost-model';
import { HOUR_MS, monthStart } from '../actuals/calendar.js';
import type { LoadedPlan } from './loaded-plan.js';

/** One version of a plan and since when it has been in force. */
export interface PlanPeriod {
  /** Unix ms; undefined = in force since before anything was recorded (so all of this month). */
  readonly since?: number;
  readonly hoursPerMonth: number;
  readonly monthlyByService: ReadonlyMap<string, Decimal>;
}

const fingerprint = (p: Omit<PlanPeriod, 'since'>): string => JSON.stringify([p.hoursPerMonth, [...p.monthlyByService].map(([s, v]) => [s, v.toString()])]);

export const periodOf = (p: LoadedPlan): Omit<PlanPeriod, 'since'> => ({ hoursPerMonth: p.plan.hoursPerMonth, monthlyByService: p.plan.monthly.byService });

/**
 * Which version of each plan was in force when, this month: a plan replaced mid-month is
 * expected to cost the old plan's rate until the replacement and the new one's after it.
 */
export class PlanHistory {
  private readonly periods = new Map<string, PlanPeriod[]>();
  private recorded = false;

  /**
   * Records the plans in force at `now` (those not configured any more are forgotten); true if
   * anything changed. Only the first record of an empty history (a first start, nothing known)
   * takes its plans as in force all month; a plan added later (reload, or a restart with history)
   * is new from `now`.
   */
  record(plans: readonly LoadedPlan[], now: number): boolean {
    const allMonth = !this.recorded && this.periods.size === 0;
    this.recorded = true;
    let changed = false;
    for (const name of [...this.periods.keys()]) {
      if (!plans.some((p) => p.name === name)) changed = this.periods.delete(name) || changed;
    }
    for (const p of plans) {
      const list = this.periods.get(p.name) ?? [];
      const current = periodOf(p);
      const last = list.at(-1);
      if (last === undefined) list.push(allMonth ? current : { ...current, since: now });
      else if (fingerprint(last) !== fingerprint(current)) list.push({ ...current, since: now });
      else continue;
      this.periods.set(p.name, list);
      changed = true;
    }
    return this.prune(now) || changed;
  }

  periodsOf(plan: string): readonly PlanPeriod[] {
    return this.periods.get(plan) ?? [];
  }

  /** Periods that ended before this month began matter no more. */
  private prune(now: number): boolean {
    const start = monthStart(now);
    let changed = false;
    for (const [name, list] of this.periods) {
      const firstInForce = list.findLastIndex((p) => p.since === undefined || p.since <= start);
      if (firstInForce > 0) {
        this.periods.set(name, list.slice(firstInForce));
        changed = true;
      }
    }
    return changed;
  }

  toJson(): StateDocument['plans'] {
    return Object.fromEntries(
      [...this.periods].map(([name, list]) => [
        name,
        list.map((p) => ({ since: p.since === undefined ? null : new Date(p.since).toISOString(), hoursPerMonth: p.hoursPerMonth, monthlyUsd: Object.fromEntries([...p.monthlyByService].map(([s, v]) => [s, v.toString()])) })),
      ]),
    );
  }

  /** Reads what toJson wrote; throws an Error saying what is wrong with anything else. */
  static fromJson(plans: unknown): PlanHistory {
    const h = new PlanHistory();
    if (typeof plans !== 'object' || plans === null || Array.isArray(plans)) throw new Error('"plans" is not a mapping');
    for (const [name, list] of Object.entries(plans)) {
      if (!Array.isArray(list) || list.length === 0) throw new Error(`plans.${name} is not a non-empty list`);
      let previous: number | undefined;
      h.periods.set(
        name,
        list.map((raw: unknown, i) => {
          const e = raw as { since?: unknown; hoursPerMonth?: unknown; monthlyUsd?: unknown };
          const where = `plans.${name}[${i}]`;
          // null ("before anything was recorded") can only be the first version; the others follow
          // one another in time, or hours would be counted twice.
          if (e.since === null && i > 0) throw new Error(`${where}.since is null, which only the first version may be`);
          const since = e.since === null ? undefined : typeof e.since === 'string' ? Date.parse(e.since) : Number.NaN;
          if (since !== undefined && !Number.isFinite(since)) throw new Error(`${where}.since is not a date`);
          if (since !== undefined && previous !== undefined && since <= previous) throw new Error(`${where}.since is not after plans.${name}[${i - 1}].since`);
          previous = since;
          if (typeof e.hoursPerMonth !== 'number' || !(e.hoursPerMonth > 0)) throw new Error(`${where}.hoursPerMonth is not a positive number`);
          if (typeof e.monthlyUsd !== 'object' || e.monthlyUsd === null) throw new Error(`${where}.monthlyUsd is not a mapping`);
          const monthlyByService = new Map<string, Decimal>();
          for (const [service, v] of Object.entries(e.monthlyUsd)) {
            if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) throw new Error(`${where}.monthlyUsd.${service} is not an amount`);
            monthlyByService.set(service, dec(v));
          }
          return { ...(since !== undefined ? { since } : {}), hoursPerMonth: e.hoursPerMonth, monthlyByService };
        }),
      );
    }
    return h;
  }
}

export interface StateDocument {
  readonly version: 1;
  readonly plans: Record<string, { since: string | null; hoursPerMonth: number; monthlyUsd: Record<string, string> }[]>;
}

/**
 * Expected month-to-date cost per service at `now`: each version's monthly cost, pro-rated by the
 * hours it was in force this month over the plan's hours per month (730 by default). The plan's
 * monthly cost is for hoursPerMonth hours, so a calendar month of 744 hours expects more than it.
 */
export function expectedToDate(periods: readonly PlanPeriod[], now: number): Map<string, Decimal> {
  const start = monthStart(now);
  const out = new Map<string, Decimal>();
  periods.forEach((p, i) => {
    const from = Math.max(p.since ?? start, start);
    const to = Math.min(periods[i + 1]?.since ?? now, now);
    for (const [service, monthly] of p.monthlyByService) {
      const share = to > from ? monthly.times(to - from).div(p.hoursPerMonth * HOUR_MS) : dec(0);
      out.set(service, (out.get(service) ?? dec(0)).plus(share));
    }
  });
  return out;
}
