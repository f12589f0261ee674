// The one place the command reaches the core's calibrateProfile, typed by what the command reads
// from its result.
import * as costModel from '@tier-planner/cost-model';
import type { Measurements, Profile } from '@tier-planner/cost-model';

/** One assumption a calibration changed: its path (workload.peakToAverage, services.web-api.memoryMiB …). */
export interface CalibrationChange {
  readonly path: string;
  readonly old: unknown;
  readonly new: unknown;
  readonly query?: string;
  readonly window?: unknown;
  readonly samples?: number;
  readonly confidence?: string;
  readonly why?: string;
}

export interface CalibrationResult {
  readonly profile: Profile;
  readonly changes: readonly CalibrationChange[];
  readonly keptDefaults: readonly { readonly path?: string; readonly assumption?: string; readonly reason: string }[];
}

export type Calibrate = (profile: Profile, measurements: Measurements, options: { readonly users: number }) => CalibrationResult;

/** The core's calibrateProfile(profile, measurements, { users }). */
export const calibrate: Calibrate = (profile, measurements, options) => {
  const core = (costModel as unknown as { calibrateProfile?: Calibrate }).calibrateProfile;
  if (core === undefined) throw new Error('this build of @tier-planner/cost-model has no calibrateProfile');
  return core(profile, measurements, options);
};
