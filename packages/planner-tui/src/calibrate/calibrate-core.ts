// The one place the command reaches the core's calibrateProfile; tests may inject another.
import { calibrateProfile, type Calibration, type CalibrationChange, type Measurements, type Profile } from '@tier-planner/cost-model';

export type { CalibrationChange };
export type CalibrationResult = Calibration;

export type Calibrate = (profile: Profile, measurements: Measurements, options: { readonly users: number }) => CalibrationResult;

export const calibrate: Calibrate = (profile, measurements, options) => calibrateProfile(profile, measurements, options);
