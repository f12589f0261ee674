// Turns a guessed profile into a measured one: every measured, trusted figure replaces the
// assumption it measures; everything else stays, with the reason. Pure: the measurements come in
// from an adapter (Prometheus), the calibrated profile goes out to planTier.
import { PlanningError } from '../capacity/capacity-types.js';
import { parseProfile } from '../profiles/parse-profile.js';
import type { Profile } from '../profiles/profile-types.js';
import type { CalibrateOptions, Calibration } from './calibration-types.js';
import { CalibrationLedger } from './calibration-ledger.js';
import { calibrateServices } from './calibrate-services.js';
import { calibrateWorkload } from './calibrate-workload.js';
import type { Measurements } from './measurements.js';

export function calibrateProfile(profile: Profile, measurements: Measurements, options: CalibrateOptions): Calibration {
  if (!(Number.isFinite(options.users) && options.users > 0)) {
    throw new PlanningError('BAD_INPUT', `calibration needs the plan's users as a positive number, got ${options.users}`);
  }
  const ctx = { acceptLowConfidence: options.acceptLowConfidence === true, missing: measurements.missing };
  const ledger = new CalibrationLedger(measurements.window);
  const { workload, entry } = calibrateWorkload(profile.workload, measurements, options, ctx, ledger);
  const services = calibrateServices(profile, measurements, entry, ctx, ledger);
  const why = { ...profile.why, ...services.why };
  const calibrated: Profile = { ...profile, workload, services: services.services, ...(Object.keys(why).length ? { why } : {}) };
  return {
    // Checked as any profile file is: a calibration that wrote an invalid profile fails here, not in planTier.
    profile: parseProfile(calibrated, `${profile.name} (calibrated)`),
    changes: ledger.changes,
    keptDefaults: ledger.kept,
    replicas: services.replicas,
    window: measurements.window,
    warnings: services.warnings,
  };
}
