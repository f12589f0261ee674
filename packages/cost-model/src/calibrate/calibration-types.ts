// What calibrateProfile returns: the calibrated profile, and for every assumption it looked at
// either the change it made (old, new, and the measurement behind it) or why it kept the old value.
import type { Profile } from '../profiles/profile-types.js';
import type { Measurement, MeasurementConfidence, Measurements } from './measurements.js';

export interface CalibrateOptions {
  /** The plan's users (monthly users, as planTier takes them): active users = users × dauPerMau when no gauge measured them. */
  readonly users: number;
  /** Let low-confidence measurements change the profile too (default: they are reported, not applied). */
  readonly acceptLowConfidence?: boolean;
}

/** A profile value: a number, or the 24 levels of an hourly curve. */
export type CalibratedValue = number | readonly number[];

/** One measurement a change or a kept value rests on, named as in Measurements ("requestsPerDay", "services.web-api.cpuSecondsPerRequest"). */
export interface MeasurementUsed {
  readonly what: string;
  readonly value: CalibratedValue;
  readonly query: string;
  readonly samples: number;
  readonly confidence: MeasurementConfidence;
  readonly note?: string;
}

/** An assumption the calibration changed. */
export interface CalibrationChange {
  /** Path of the assumption: "workload.requestsPerActiveUserPerDay", "services.web-api.memoryMiB". */
  readonly assumption: string;
  /** The value the plan used before (absent when there was none: the default daily shape). */
  readonly old?: CalibratedValue;
  /** True when the old value was a tier-planner default, not the profile's. */
  readonly oldWasDefault: boolean;
  readonly new: CalibratedValue;
  /** The main measurement's query, samples and confidence (the lowest of every measurement used). */
  readonly query: string;
  readonly window: Measurements['window'];
  readonly samples: number;
  readonly confidence: MeasurementConfidence;
  /** The rule and the figures: "requests per day 1,200,000 ÷ 20,000 active users". */
  readonly why: string;
  /** Every measurement the new value was computed from, main one first. */
  readonly measuredFrom: readonly MeasurementUsed[];
}

/** Why an assumption stayed as it was. */
export const KEPT_REASONS = ['not-measured', 'low-confidence', 'no-traffic', 'unusable', 'fixed-by-profile'] as const;
export type KeptReason = (typeof KEPT_REASONS)[number];

/** An assumption the calibration left as the profile (or the default) had it. */
export interface KeptDefault {
  readonly assumption: string;
  /** The value kept (absent for the default daily shape). */
  readonly value?: CalibratedValue;
  readonly kind: KeptReason;
  readonly reason: string;
  /** What was measured but not applied (low confidence, unusable), so the report can still show it. */
  readonly measured?: readonly MeasurementUsed[];
}

/** Replicas actually running against what the plan runs: reported, never written to the profile. */
export interface MeasuredReplicas {
  readonly service: string;
  readonly averageRunning?: Measurement;
  readonly peakRunning?: Measurement;
}

export interface Calibration {
  /** Valid for parseProfile and planTier. */
  readonly profile: Profile;
  readonly changes: readonly CalibrationChange[];
  readonly keptDefaults: readonly KeptDefault[];
  readonly replicas: readonly MeasuredReplicas[];
  readonly window: Measurements['window'];
  /** Measured services the profile does not have, and other things worth a line in the report. */
  readonly warnings: readonly string[];
}
