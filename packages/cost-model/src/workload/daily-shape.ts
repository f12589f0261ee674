// How demand moves over the day. Capacity is sized at each level of the day's curve, so what is
// billed is the integral over the day (node-hours), not the peak in every hour of the month.
import type { DailyShape } from '../profiles/profile-types.js';

export const HOURS_PER_DAY = 24;

/** tier-planner assumption: without a profile shape, the busiest 2 h of the day run at the peak. */
export const DEFAULT_PEAK_HOURS = 2;

/** A written curve agrees with peakToAverage when peak ÷ mean is within this share of it (hand-typed curves are rounded). */
export const PEAK_TO_AVERAGE_TOLERANCE = 1e-3;

/** `hoursPerDay` hours of the day at `share` × the peak rate. */
export interface DailyLevel {
  readonly share: number;
  readonly hoursPerDay: number;
}

export interface ResolvedDailyShape {
  /** Busiest first; the hours add up to 24; the first level is the peak (share 1). */
  readonly levels: readonly DailyLevel[];
  readonly peakHours: number;
  /** The quietest level as a share of the peak. */
  readonly troughShare: number;
  readonly why: string;
  /** True when the profile gives no shape: the tier-planner default. */
  readonly defaulted: boolean;
  readonly warning?: string;
}

const FLAT: readonly DailyLevel[] = [{ share: 1, hoursPerDay: HOURS_PER_DAY }];

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** peak ÷ mean of an hourly curve, or of peakHours at the peak and the rest at troughRatio. */
export function curvePeakToAverage(shape: DailyShape): number | undefined {
  if (shape.hourly) return Math.max(...shape.hourly) / (sum(shape.hourly) / HOURS_PER_DAY);
  if (shape.peakHours !== undefined && shape.troughRatio !== undefined) {
    return HOURS_PER_DAY / (shape.peakHours + (HOURS_PER_DAY - shape.peakHours) * shape.troughRatio);
  }
  return undefined;
}

/** True when peak ÷ mean `a` agrees with peakToAverage `b` within the stated tolerance. */
export function agreesWith(a: number, b: number): boolean {
  return Math.abs(a - b) <= PEAK_TO_AVERAGE_TOLERANCE * b;
}

/** Equal hours merged into one level, busiest first. */
function levelsOf(hourly: readonly number[]): DailyLevel[] {
  const peak = Math.max(...hourly);
  const hours = new Map<number, number>();
  for (const v of hourly) hours.set(v / peak, (hours.get(v / peak) ?? 0) + 1);
  return [...hours].map(([share, hoursPerDay]) => ({ share, hoursPerDay })).sort((a, b) => b.share - a.share);
}

function twoLevels(peakHours: number, trough: number): DailyLevel[] {
  if (peakHours >= HOURS_PER_DAY || trough >= 1) return [...FLAT];
  return [
    { share: 1, hoursPerDay: peakHours },
    { share: trough, hoursPerDay: HOURS_PER_DAY - peakHours },
  ];
}

// Hours (≤ 24) and percentages (≤ 100) need no thousands separators: plain rounding reads as
// en-US does and keeps Intl formatting out of every plan's hot path.
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const hoursText = (h: number) => `${Math.round(h * 100) / 100} h`;

/**
 * The levels of the day for a profile's shape and the plan's peakToAverage. A curve that fixes its
 * own peak ÷ mean (hourly, or peakHours with troughRatio) is used as written: the workload takes
 * peakToAverage from it. peakHours alone (and the default) keeps peakToAverage and derives the
 * trough: (24 ÷ peakToAverage − peakHours) ÷ (24 − peakHours) of the peak. When peakToAverage
 * leaves room for fewer busy hours than that (24 ÷ peakToAverage < peakHours), the peak runs
 * 24 ÷ peakToAverage hours and the rest of the day carries no load, with a warning.
 */
export function resolveDailyShape(shape: DailyShape | undefined, peakToAverage: number): ResolvedDailyShape {
  const written = shape?.why ? `; ${shape.why}` : '';
  if (shape?.hourly) {
    const levels = levelsOf(shape.hourly);
    return { levels, peakHours: levels[0]!.hoursPerDay, troughShare: levels[levels.length - 1]!.share, why: `the profile's hourly curve (trough ${pct(levels[levels.length - 1]!.share)} of the peak)${written}`, defaulted: false };
  }
  if (shape?.peakHours !== undefined && shape.troughRatio !== undefined) {
    const levels = twoLevels(shape.peakHours, shape.troughRatio);
    return { levels, peakHours: levels[0]!.hoursPerDay, troughShare: levels[levels.length - 1]!.share, why: `set by the profile: ${hoursText(shape.peakHours)} at the peak, the rest at ${pct(shape.troughRatio)} of it${written}`, defaulted: false };
  }
  const defaulted = shape?.peakHours === undefined;
  const wanted = shape?.peakHours ?? DEFAULT_PEAK_HOURS;
  if (!(peakToAverage > 1)) {
    return { levels: [...FLAT], peakHours: HOURS_PER_DAY, troughShare: 1, why: `peakToAverage ${peakToAverage} leaves no peak: the load is flat all day`, defaulted };
  }
  const room = HOURS_PER_DAY / peakToAverage;
  const peakHours = Math.min(wanted, room);
  const trough = peakHours < HOURS_PER_DAY ? (room - peakHours) / (HOURS_PER_DAY - peakHours) : 1;
  const source = defaulted ? `tier-planner assumption: the busiest ${hoursText(wanted)} of the day at the peak` : `set by the profile: ${hoursText(wanted)} at the peak`;
  const why = `${source}, the other hours at ${pct(trough)} of it so that peak ÷ mean is peakToAverage ${peakToAverage}${written}`;
  const warning =
    peakHours < wanted
      ? `peakToAverage ${peakToAverage} leaves room for ${hoursText(room)} at the peak a day, fewer than the ${hoursText(wanted)} of dailyShape.peakHours: the peak runs ${hoursText(room)} and the other hours carry no load`
      : undefined;
  return { levels: twoLevels(peakHours, trough), peakHours, troughShare: trough, why, defaulted, ...(warning ? { warning } : {}) };
}

/** Problems with a profile's shape against its own peakToAverage (point value and range), for parseProfile. */
export function dailyShapeProblems(shape: DailyShape, peakToAverage: { value: number; min?: number; max?: number } | undefined, at: string): string[] {
  const problems: string[] = [];
  if (shape.hourly !== undefined) {
    if (shape.peakHours !== undefined || shape.troughRatio !== undefined) problems.push(`${at}: give either hourly or peakHours (with an optional troughRatio), not both`);
    if (shape.hourly.length !== HOURS_PER_DAY) problems.push(`${at}.hourly: must have 24 values (one per hour), got ${shape.hourly.length}`);
    else if (!(Math.max(...shape.hourly) > 0)) problems.push(`${at}.hourly: at least one hour must carry load`);
  } else if (shape.peakHours === undefined) {
    problems.push(`${at}: needs peakHours (with an optional troughRatio) or hourly (24 values)`);
  }
  if (problems.length) return problems;
  const implied = curvePeakToAverage(shape);
  if (implied !== undefined && peakToAverage !== undefined) {
    if (!agreesWith(implied, peakToAverage.value)) {
      problems.push(`${at}: the curve's peak ÷ mean is ${implied.toFixed(3)} but workload.peakToAverage is ${peakToAverage.value}; make them agree (within ${PEAK_TO_AVERAGE_TOLERANCE * 100}%) or drop peakToAverage to take it from the curve`);
    } else if (peakToAverage.min !== undefined || peakToAverage.max !== undefined) {
      problems.push(`${at}: the curve fixes peakToAverage at ${implied.toFixed(3)}; workload.peakToAverage cannot also have a range`);
    }
  }
  if (implied === undefined && peakToAverage !== undefined) {
    const room = HOURS_PER_DAY / Math.max(peakToAverage.value, peakToAverage.max ?? 0);
    if (shape.peakHours! > room) {
      problems.push(`${at}.peakHours: ${shape.peakHours} h at the peak cannot average out to peakToAverage ${Math.max(peakToAverage.value, peakToAverage.max ?? 0)} (at most ${room.toFixed(2)} h)`);
    }
  }
  return problems;
}
