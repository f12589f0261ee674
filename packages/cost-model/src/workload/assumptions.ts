import { PlanningError } from '../capacity/capacity-types.js';
import type { Assumed, WorkloadAssumptions } from '../profiles/profile-types.js';
import { agreesWith, curvePeakToAverage } from './daily-shape.js';

/** The numeric assumptions (the day's shape is not one number: see daily-shape.ts). */
export type WorkloadKey = Exclude<keyof WorkloadAssumptions, 'dailyShape'>;

/** One input the plan used, reported back so no figure is hidden in code. */
export interface Assumption {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly why: string;
  /** True when neither the caller nor the profile set it: a tier-planner default. */
  readonly defaulted: boolean;
  readonly range?: { readonly min: number; readonly max: number };
}

interface Default {
  readonly value: number;
  readonly unit: string;
  readonly why: string;
}

/**
 * tier-planner's defaults. Each is a rule of thumb, not a measurement: profiles and callers
 * should override them with their own product's figures. docs/methodology.md explains each.
 */
export const WORKLOAD_DEFAULTS: Readonly<Record<WorkloadKey, Default>> = {
  dauPerMau: { value: 0.2, unit: 'ratio', why: 'one in five monthly users active on a given day: a common stickiness figure for consumer web apps' },
  requestsPerActiveUserPerDay: { value: 200, unit: 'requests', why: 'API calls an active user makes in a day (page views × calls per view)' },
  peakToAverage: { value: 3, unit: 'ratio', why: 'busiest hour against the daily average for a single-region audience' },
  egressKiBPerRequest: { value: 20, unit: 'KiB', why: 'a JSON API response; static assets are assumed served by a CDN' },
  dbMiBPerUser: { value: 1, unit: 'MiB', why: 'rows and indexes kept per registered user' },
  objectMiBPerUser: { value: 10, unit: 'MiB', why: 'uploads and generated files per user in S3' },
  logBytesPerRequest: { value: 500, unit: 'bytes', why: 'one structured access-log line plus application logs per request' },
  sessionSeconds: { value: 300, unit: 'seconds', why: 'average time a user stays in a session (for concurrent users)' },
};

export type ResolvedWorkload = Readonly<Record<WorkloadKey, number>>;

export interface WorkloadResolution {
  readonly values: ResolvedWorkload;
  readonly assumptions: readonly Assumption[];
}

/** Per profile workload and overrides object (read-only data): a search or a ladder resolves the same pair hundreds of times. */
const resolved = new WeakMap<WorkloadAssumptions, Map<object | undefined, WorkloadResolution>>();

/** Point values of every workload assumption: override, else profile, else default. */
export function resolveWorkload(profile: WorkloadAssumptions, overrides?: Partial<Record<WorkloadKey, number>>): WorkloadResolution {
  let byOverrides = resolved.get(profile);
  if (!byOverrides) resolved.set(profile, (byOverrides = new Map()));
  let found = byOverrides.get(overrides);
  if (!found) {
    // Bounded: a caller may hand new overrides objects each time.
    if (byOverrides.size >= 16) byOverrides.clear();
    byOverrides.set(overrides, (found = resolveWorkloadAnew(profile, overrides ?? {})));
  }
  return found;
}

function resolveWorkloadAnew(profile: WorkloadAssumptions, overrides: Partial<Record<WorkloadKey, number>>): WorkloadResolution {
  const values = {} as Record<WorkloadKey, number>;
  const assumptions: Assumption[] = [];
  for (const key of Object.keys(WORKLOAD_DEFAULTS) as WorkloadKey[]) {
    const d = WORKLOAD_DEFAULTS[key];
    const given: Assumed | undefined = overrides[key] ?? profile[key];
    const value = given === undefined ? d.value : typeof given === 'number' ? given : given.value;
    const range = typeof given === 'object' && (given.min !== undefined || given.max !== undefined) ? { min: given.min ?? given.value, max: given.max ?? given.value } : undefined;
    const why = typeof given === 'object' && given.why ? given.why : overrides[key] !== undefined ? 'set by the caller' : given !== undefined ? 'set by the profile' : d.why;
    values[key] = value;
    assumptions.push({ name: key, value, unit: d.unit, why, defaulted: given === undefined, ...(range ? { range } : {}) });
  }
  const fromCurve = profile.dailyShape && curvePeakToAverage(profile.dailyShape);
  if (fromCurve !== undefined) {
    // A curve that fixes its own peak ÷ mean decides peakToAverage (parseProfile checked the profile's own figure).
    const asked = overrides.peakToAverage;
    if (asked !== undefined && !agreesWith(fromCurve, asked)) {
      throw new PlanningError('BAD_INPUT', `peakToAverage ${asked} contradicts the profile's dailyShape, whose peak ÷ mean is ${fromCurve.toFixed(3)}: change the curve instead`);
    }
    values.peakToAverage = fromCurve;
    const i = assumptions.findIndex((a) => a.name === 'peakToAverage');
    assumptions[i] = { name: 'peakToAverage', value: fromCurve, unit: WORKLOAD_DEFAULTS.peakToAverage.unit, why: "taken from the profile's dailyShape: the curve's peak ÷ mean", defaulted: false };
  }
  return { values, assumptions };
}
