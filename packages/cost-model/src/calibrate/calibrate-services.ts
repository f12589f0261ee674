// Each profile service's measured figures: requests per replica from CPU per request, memory from
// the p95 working set, its share of the entry requests. Replicas running are reported, not applied.
import type { Profile, ServiceSpec } from '../profiles/profile-types.js';
import { MILLICORES_PER_VCPU, serviceCpuMillicores } from '../profiles/service-cpu.js';
import type { MeasuredReplicas, MeasurementUsed } from './calibration-types.js';
import type { CalibrationLedger } from './calibration-ledger.js';
import { num } from './format-number.js';
import type { EntryRate } from './calibrate-workload.js';
import { judge, positiveProblem, usedFrom, type JudgeContext } from './judge-measurement.js';
import type { Measurements, ServiceMeasurements } from './measurements.js';

/**
 * tier-planner assumption: a replica's memory request is its measured p95 working set × 1.2, so
 * the 5% of the time above the p95 and growth between calibrations fit before the OOM killer acts.
 */
export const MEMORY_HEADROOM = 1.2;

/** The profile schema's bounds on what calibration writes. */
const MAX_MEMORY_MIB = 4_194_304;
const MAX_REQUEST_SHARE = 10;

/** Whole MiB at or above `mib` (a request is written in whole Mi); the rounding guard keeps 120.000…01 at 120. */
export const wholeMiB = (mib: number): number => Math.ceil(Math.round(mib * 1e6) / 1e6);

const FIELDS = ['rpsPerReplica', 'memoryMiB', 'requestShare'] as const;

export interface CalibratedServices {
  readonly services: readonly ServiceSpec[];
  /** Profile `why` entries for the changed fields, keyed by their path ("services[0].memoryMiB"). */
  readonly why: Readonly<Record<string, string>>;
  readonly replicas: readonly MeasuredReplicas[];
  readonly warnings: readonly string[];
}

export function calibrateServices(profile: Profile, m: Measurements, entry: EntryRate, ctx: JudgeContext, ledger: CalibrationLedger): CalibratedServices {
  const why: Record<string, string> = {};
  const replicas: MeasuredReplicas[] = [];
  const byName = new Map(m.services.map((s) => [s.name, s]));
  const services = profile.services.map((s, i) => {
    const measured = byName.get(s.name);
    if (measured?.averageReplicas || measured?.peakReplicas) {
      replicas.push({ service: s.name, ...(measured.averageReplicas ? { averageRunning: measured.averageReplicas } : {}), ...(measured.peakReplicas ? { peakRunning: measured.peakReplicas } : {}) });
    }
    return calibrateService(s, i, measured, entry, ctx, ledger, why);
  });
  const known = new Set(profile.services.map((s) => s.name));
  const warnings = m.services.filter((s) => !known.has(s.name)).map((s) => `measured service ${s.name} (${s.selector}) is not in the profile: its measurements are not used`);
  return { services, why, replicas, warnings };
}

function calibrateService(s: ServiceSpec, index: number, measured: ServiceMeasurements | undefined, entry: EntryRate, ctx: JudgeContext, ledger: CalibrationLedger, why: Record<string, string>): ServiceSpec {
  const at = `services.${s.name}`;
  if (measured === undefined) {
    const reason = ctx.missing.find((e) => e.what === at)?.reason ?? 'no workload matched it by name or selector';
    for (const f of FIELDS) ledger.keep(`${at}.${f}`, s[f], { kind: 'not-measured', reason: `service ${s.name} not measured: ${reason}` });
    return s;
  }
  const average = measured.averageRps;
  if (average && average.value === 0) {
    // No requests: CPU per request is undefined and an idle replica's memory understates a loaded one.
    const reason = `service ${s.name} served no requests in the window: CPU per request is undefined and an idle replica's memory understates a loaded one`;
    for (const f of FIELDS) ledger.keep(`${at}.${f}`, s[f], { kind: 'no-traffic', reason, measured: [usedFrom(`${at}.averageRps`, average)] });
    return s;
  }
  const out: { -readonly [K in keyof ServiceSpec]: ServiceSpec[K] } = { ...s };
  const set = <F extends (typeof FIELDS)[number]>(field: F, value: number, text: string, used: readonly MeasurementUsed[]) => {
    out[field] = value;
    why[`services[${index}].${field}`] = `calibrated: ${text}; ${ledger.source(used)}`;
    ledger.change(`${at}.${field}`, s[field], false, value, text, used);
  };

  // rpsPerReplica is "requests per second at 100% of the CPU request" (docs/methodology.md): the
  // request in cores ÷ CPU seconds per request. The plan applies the HPA target on top.
  const cpu = judge(`${at}.cpuSecondsPerRequest`, measured.cpuSecondsPerRequest, ctx, positiveProblem);
  if (cpu.use) {
    const cores = serviceCpuMillicores(s) / MILLICORES_PER_VCPU;
    set('rpsPerReplica', cores / cpu.value, `CPU request ${num(cores)} cores ÷ ${num(cpu.value)} CPU seconds per request measured = requests per second at 100% of the request`, [cpu.used]);
  } else ledger.keep(`${at}.rpsPerReplica`, s.rpsPerReplica, cpu.kept);

  const memory = judge(`${at}.memoryP95MiB`, measured.memoryP95MiB, ctx, (v) => positiveProblem(v) ?? (wholeMiB(v * MEMORY_HEADROOM) > MAX_MEMORY_MIB ? `${num(v)} MiB, more than a pod can request` : undefined));
  if (memory.use) {
    set('memoryMiB', wholeMiB(memory.value * MEMORY_HEADROOM), `p95 working set ${num(memory.value)} MiB per replica × ${MEMORY_HEADROOM} headroom (tier-planner assumption), in whole MiB`, [memory.used]);
  } else ledger.keep(`${at}.memoryMiB`, s.memoryMiB, memory.kept);

  const rate = judge(`${at}.averageRps`, average, ctx, (v) => (Number.isFinite(v) && v >= 0 ? undefined : `${num(v)}, not a request rate`));
  if (!rate.use) ledger.keep(`${at}.requestShare`, s.requestShare, rate.kept);
  else if (!entry.use) ledger.keep(`${at}.requestShare`, s.requestShare, { kind: 'not-measured', reason: `the share needs the entry request rate: ${entry.reason}`, measured: [rate.used] });
  else {
    const share = rate.value / entry.rps;
    const text = `${num(rate.value)} req/s measured ÷ the entry services' ${num(entry.rps)} req/s (requestsPerDay ÷ 86,400)`;
    if (share > MAX_REQUEST_SHARE) ledger.keep(`${at}.requestShare`, s.requestShare, { kind: 'unusable', reason: `${text} = ${num(share)}, above ${MAX_REQUEST_SHARE}: the service's selector and the entry requests do not match`, measured: [rate.used, entry.used] });
    else set('requestShare', share, text, [rate.used, entry.used]);
  }
  return out;
}
