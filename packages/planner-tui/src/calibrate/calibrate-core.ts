// The one place the command reaches the core's calibrateProfile, typed by the part of its result
// (Calibration) the command reads.
import * as costModel from '@tier-planner/cost-model';
import type { Measurement, Measurements, Profile } from '@tier-planner/cost-model';

type Value = number | readonly number[];

/** An assumption the calibration changed (workload.peakToAverage, services.web-api.memoryMiB …). */
export interface CalibrationChange {
  readonly assumption: string;
  readonly old?: Value;
  readonly oldWasDefault?: boolean;
  readonly new: Value;
  readonly query: string;
  readonly window: Measurements['window'];
  readonly samples: number;
  readonly confidence: string;
  readonly why: string;
}

export interface CalibrationResult {
  readonly profile: Profile;
  readonly changes: readonly CalibrationChange[];
  readonly keptDefaults: readonly { readonly assumption: string; readonly value?: Value; readonly reason: string }[];
  /** Replicas running as measured, beside what the plan runs. */
  readonly replicas?: readonly { readonly service: string; readonly averageRunning?: Measurement; readonly peakRunning?: Measurement }[];
  readonly warnings?: readonly string[];
}

export type Calibrate = (profile: Profile, measurements: Measurements, options: { readonly users: number }) => CalibrationResult;

/** The core's calibrateProfile(profile, measurements, { users }). */
export const calibrate: Calibrate = (profile, measurements, options) => {
  const core = (costModel as unknown as { calibrateProfile?: Calibrate }).calibrateProfile;
  if (core === undefined) throw new Error('this build of @tier-planner/cost-model has no calibrateProfile');
  return core(profile, measurements, options);
};
