// Whether one measurement may change the profile: it must be there, make sense as a value, and be
// trusted (low confidence only with acceptLowConfidence). Otherwise the reason it was not used.
import type { CalibratedValue, KeptDefault, MeasurementUsed } from './calibration-types.js';
import { num } from './format-number.js';
import type { Measurement, MeasurementConfidence, Measurements } from './measurements.js';

export interface JudgeContext {
  readonly acceptLowConfidence: boolean;
  readonly missing: Measurements['missing'];
}

export type Verdict<T extends CalibratedValue> =
  | { readonly use: true; readonly value: T; readonly used: MeasurementUsed }
  | { readonly use: false; readonly kept: Pick<KeptDefault, 'kind' | 'reason' | 'measured'> };

export function usedFrom<T extends CalibratedValue>(what: string, m: Measurement<T>): MeasurementUsed {
  return { what, value: m.value, query: m.query, samples: m.samples, confidence: m.confidence, ...(m.note ? { note: m.note } : {}) };
}

/**
 * The adapter's own reason a measurement is missing: an entry of `missing` whose `what` is the
 * measurement's name ("requestsPerDay", "services.web-api.cpuSecondsPerRequest") or a prefix of it
 * ("services.web-api": the whole service).
 */
function missingReason(what: string, missing: Measurements['missing']): string | undefined {
  const hit = missing.find((e) => e.what === what) ?? missing.find((e) => what.startsWith(`${e.what}.`));
  return hit?.reason;
}

/** `problem` says why a present value cannot be used (negative, not finite …), or undefined. */
export function judge<T extends CalibratedValue>(what: string, m: Measurement<T> | undefined, ctx: JudgeContext, problem: (v: T) => string | undefined): Verdict<T> {
  if (m === undefined) {
    const why = missingReason(what, ctx.missing);
    return { use: false, kept: { kind: 'not-measured', reason: `${what} not measured${why ? `: ${why}` : ''}` } };
  }
  const used = usedFrom(what, m);
  const bad = problem(m.value);
  if (bad) return { use: false, kept: { kind: 'unusable', reason: `${what} measured ${bad}`, measured: [used] } };
  if (m.confidence === 'low' && !ctx.acceptLowConfidence) {
    return { use: false, kept: { kind: 'low-confidence', reason: `${what} has low confidence${m.note ? ` (${m.note})` : ''}: reported, not applied (acceptLowConfidence applies it)`, measured: [used] } };
  }
  return { use: true, value: m.value, used };
}

const RANK: Readonly<Record<MeasurementConfidence, number>> = { low: 0, medium: 1, high: 2 };

/** The lowest confidence of the measurements a value rests on. */
export function lowestConfidence(used: readonly MeasurementUsed[]): MeasurementConfidence {
  return used.reduce<MeasurementConfidence>((c, u) => (RANK[u.confidence] < RANK[c] ? u.confidence : c), 'high');
}

/** A number the calibration can divide by or scale: finite and above zero. */
export const positiveProblem = (v: number): string | undefined => (Number.isFinite(v) && v > 0 ? undefined : `${num(v)}, not a positive number`);
