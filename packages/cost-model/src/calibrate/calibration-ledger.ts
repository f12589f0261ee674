// Collects what a calibration changed and what it kept, and writes the why/source text that the
// calibrated profile carries, so every changed figure says which measurement set it.
import type { Assumed } from '../profiles/profile-types.js';
import type { CalibratedValue, CalibrationChange, KeptDefault, MeasurementUsed } from './calibration-types.js';
import { num } from './format-number.js';
import { lowestConfidence } from './judge-measurement.js';
import type { Measurements } from './measurements.js';

export class CalibrationLedger {
  readonly changes: CalibrationChange[] = [];
  readonly kept: KeptDefault[] = [];

  constructor(readonly window: Measurements['window']) {}

  change(assumption: string, old: CalibratedValue | undefined, oldWasDefault: boolean, value: CalibratedValue, why: string, used: readonly MeasurementUsed[]): void {
    const main = used[0]!;
    this.changes.push({
      assumption,
      ...(old !== undefined ? { old } : {}),
      oldWasDefault,
      new: value,
      query: main.query,
      window: this.window,
      samples: Math.min(...used.map((u) => u.samples)),
      confidence: lowestConfidence(used),
      why,
      measuredFrom: used,
    });
  }

  keep(assumption: string, value: CalibratedValue | undefined, kept: Pick<KeptDefault, 'kind' | 'reason' | 'measured'>): void {
    this.kept.push({ assumption, ...(value !== undefined ? { value } : {}), ...kept });
  }

  /** Where a measured figure comes from: the window and the queries, for an Assumed's `source`. */
  source(used: readonly MeasurementUsed[]): string {
    const w = this.window;
    return `measured ${w.start} to ${w.end} (step ${num(w.stepSeconds)} s): ${used.map((u) => u.query).join('; ')}`;
  }

  /** A measured workload assumption, with the rule in `why` and the measurement in `source`. */
  assumed(value: number, why: string, used: readonly MeasurementUsed[]): Assumed {
    return { value, why: `calibrated: ${why} (${lowestConfidence(used)} confidence)`, source: this.source(used) };
  }
}
