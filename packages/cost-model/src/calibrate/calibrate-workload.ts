// The workload's measured assumptions: requests per active user (and DAU/MAU when a gauge counts
// the active users), peak ÷ average and the day's curve. docs/calibrate.md gives each rule's reasoning.
import type { Assumed, DailyShape, WorkloadAssumptions } from '../profiles/profile-types.js';
import { WORKLOAD_DEFAULTS, type WorkloadKey } from '../workload/assumptions.js';
import { agreesWith, curvePeakToAverage, HOURS_PER_DAY } from '../workload/daily-shape.js';
import type { CalibrateOptions, MeasurementUsed } from './calibration-types.js';
import type { CalibrationLedger } from './calibration-ledger.js';
import { num } from './format-number.js';
import { judge, positiveProblem, type JudgeContext, type Verdict } from './judge-measurement.js';
import type { Measurements } from './measurements.js';

const SECONDS_PER_DAY = 86_400;

type MutableWorkload = { -readonly [K in keyof WorkloadAssumptions]: WorkloadAssumptions[K] };

const pointOf = (a: Assumed | undefined): number | undefined => (a === undefined ? undefined : typeof a === 'number' ? a : a.value);

/** The value the plan used before: the profile's, else the tier-planner default. */
function before(w: WorkloadAssumptions, key: WorkloadKey): { value: number; defaulted: boolean } {
  const given = pointOf(w[key]);
  return given === undefined ? { value: WORKLOAD_DEFAULTS[key].value, defaulted: true } : { value: given, defaulted: false };
}

const nonNegativeProblem = (v: number): string | undefined => (Number.isFinite(v) && v >= 0 ? undefined : `${num(v)}, not a number of requests`);
const ratioProblem = (v: number): string | undefined => (Number.isFinite(v) && v >= 1 ? undefined : `${num(v)}, below 1 (the busiest hour cannot be quieter than the average)`);
function hourlyProblem(v: readonly number[]): string | undefined {
  if (v.length !== HOURS_PER_DAY) return `${v.length} hourly levels, not 24`;
  if (!v.every((x) => Number.isFinite(x) && x >= 0)) return 'a level that is negative or not a number';
  return Math.max(...v) > 0 ? undefined : 'no load in any hour';
}

/** The entry services' request rate, for the services' requestShare: used, or why it is not. */
export type EntryRate = { readonly use: true; readonly rps: number; readonly used: MeasurementUsed } | { readonly use: false; readonly reason: string };

export interface CalibratedWorkload {
  readonly workload: WorkloadAssumptions;
  readonly entry: EntryRate;
}

export function calibrateWorkload(w: WorkloadAssumptions, m: Measurements, options: CalibrateOptions, ctx: JudgeContext, ledger: CalibrationLedger): CalibratedWorkload {
  const out: MutableWorkload = { ...w };
  const requests = judge('requestsPerDay', m.requestsPerDay, ctx, nonNegativeProblem);
  calibrateRequests(w, out, m, options, ctx, ledger, requests);
  calibrateShape(w, out, m, ctx, ledger);
  const entry: EntryRate =
    !requests.use ? { use: false, reason: requests.kept.reason }
    : requests.value === 0 ? { use: false, reason: 'requestsPerDay measured 0: no traffic in the window' }
    : { use: true, rps: requests.value / SECONDS_PER_DAY, used: requests.used };
  return { workload: out, entry };
}

/**
 * requestsPerActiveUserPerDay = requests per day ÷ daily active users. The active users are the
 * gauge's when measured (and then dauPerMau = those users ÷ the plan's users), else the plan's
 * users × dauPerMau: the same product deriveDemand forms, so the plan at those users serves the
 * measured requests per day.
 */
function calibrateRequests(w: WorkloadAssumptions, out: MutableWorkload, m: Measurements, options: CalibrateOptions, ctx: JudgeContext, ledger: CalibrationLedger, requests: Verdict<number>): void {
  const users = options.users;
  const dauPerMau = before(w, 'dauPerMau');
  const gauge = judge('activeUsers', m.activeUsers, ctx, positiveProblem);
  let activeUsers = users * dauPerMau.value;
  let activeText = `${num(users)} users × dauPerMau ${num(dauPerMau.value)} (${dauPerMau.defaulted ? 'tier-planner default' : "the profile's"})`;
  const activeUsed: MeasurementUsed[] = [];
  if (gauge.use) {
    activeUsers = gauge.value;
    activeText = `${num(gauge.value)} daily active users measured`;
    activeUsed.push(gauge.used);
    if (gauge.value <= users) {
      const ratio = gauge.value / users;
      const why = `${num(gauge.value)} daily active users measured ÷ the plan's ${num(users)} users`;
      out.dauPerMau = ledger.assumed(ratio, why, [gauge.used]);
      ledger.change('workload.dauPerMau', dauPerMau.value, dauPerMau.defaulted, ratio, why, [gauge.used]);
    } else {
      ledger.keep('workload.dauPerMau', dauPerMau.value, { kind: 'unusable', reason: `${num(gauge.value)} daily active users measured are more than the plan's ${num(users)} users (DAU/MAU would exceed 1): check the users given`, measured: [gauge.used] });
    }
  } else {
    ledger.keep('workload.dauPerMau', dauPerMau.value, gauge.kept);
  }
  const rpau = before(w, 'requestsPerActiveUserPerDay');
  if (!requests.use) return ledger.keep('workload.requestsPerActiveUserPerDay', rpau.value, requests.kept);
  if (requests.value === 0) {
    return ledger.keep('workload.requestsPerActiveUserPerDay', rpau.value, { kind: 'no-traffic', reason: 'requestsPerDay measured 0: no traffic in the window', measured: [requests.used] });
  }
  const value = requests.value / activeUsers;
  const why = `${num(requests.value)} requests per day measured ÷ ${activeText}`;
  const used = [requests.used, ...activeUsed];
  out.requestsPerActiveUserPerDay = ledger.assumed(value, why, used);
  ledger.change('workload.requestsPerActiveUserPerDay', rpau.value, rpau.defaulted, value, why, used);
}

/**
 * The day's curve and peak ÷ average. A measured hourly curve replaces the profile's shape and, as
 * in the model, fixes peakToAverage (its peak ÷ mean). Without one, a measured peakToAverage is
 * applied unless the profile's own curve fixes it; a peakHours too long for it is shortened.
 */
function calibrateShape(w: WorkloadAssumptions, out: MutableWorkload, m: Measurements, ctx: JudgeContext, ledger: CalibrationLedger): void {
  const hourly = judge('hourlyShape', m.hourlyShape, ctx, hourlyProblem);
  const ratio = judge('peakToAverage', m.peakToAverage, ctx, ratioProblem);
  const fixedByProfile = w.dailyShape ? curvePeakToAverage(w.dailyShape) : undefined;
  const declared = before(w, 'peakToAverage');
  const oldRatio = fixedByProfile ?? declared.value;
  const oldDefaulted = fixedByProfile === undefined && declared.defaulted;
  if (hourly.use) {
    const peak = Math.max(...hourly.value);
    const levels = hourly.value.map((v) => v / peak);
    const curveRatio = curvePeakToAverage({ hourly: levels })!;
    const shape: DailyShape = { hourly: levels, why: `calibrated: the request rate by UTC hour over the window, scaled to its busiest hour (${hourly.used.query})` };
    out.dailyShape = shape;
    ledger.change('workload.dailyShape.hourly', w.dailyShape?.hourly, w.dailyShape === undefined, levels, "the window's request rate by UTC hour of day, scaled to its busiest hour", [hourly.used]);
    const busiest = ratio.use && !agreesWith(curveRatio, ratio.value) ? `; the window's single busiest hour measured ${num(ratio.value)} × the average, above the curve's peak by the swing between days` : '';
    const why = `the measured hourly curve's peak ÷ mean, which the model takes as peakToAverage${busiest}`;
    const used = ratio.use ? [hourly.used, ratio.used] : [hourly.used];
    out.peakToAverage = ledger.assumed(curveRatio, why, used);
    ledger.change('workload.peakToAverage', oldRatio, oldDefaulted, curveRatio, why, used);
    return;
  }
  ledger.keep('workload.dailyShape.hourly', w.dailyShape?.hourly, hourly.kept);
  if (!ratio.use) return ledger.keep('workload.peakToAverage', oldRatio, ratio.kept);
  if (fixedByProfile !== undefined) {
    return ledger.keep('workload.peakToAverage', oldRatio, { kind: 'fixed-by-profile', reason: `the profile's dailyShape fixes peak ÷ mean at ${num(fixedByProfile)}; a measured hourly curve would replace both`, measured: [ratio.used] });
  }
  const why = "the window's busiest hour ÷ its average request rate";
  out.peakToAverage = ledger.assumed(ratio.value, why, [ratio.used]);
  ledger.change('workload.peakToAverage', oldRatio, oldDefaulted, ratio.value, why, [ratio.used]);
  const room = HOURS_PER_DAY / ratio.value;
  const peakHours = w.dailyShape?.peakHours;
  if (peakHours !== undefined && peakHours > room) {
    out.dailyShape = { ...w.dailyShape, peakHours: room };
    ledger.change('workload.dailyShape.peakHours', peakHours, false, room, `peakToAverage ${num(ratio.value)} leaves room for ${num(room)} h at the peak a day, fewer than the profile's ${num(peakHours)} h`, [ratio.used]);
  }
}
