import { PlanningError } from '../capacity/capacity-types.js';
import { Decimal, ZERO, dec, formatUsd, sum } from '../cost/money.js';
import { billedService } from '../cost/price-adjustments.js';
import type { Plan } from '../plan/plan-types.js';
import { costDrivers, type CostDriver } from './cost-drivers.js';
import type { CalibrationChange } from './calibration-types.js';
import { numberText } from '../number-text.js';

/** What variance needs of one calibrated assumption (calibrateProfile's changes carry more). */
/** A measured change, as explainVariance reads it: `calibrateProfile`'s changes ({ assumption, old, new }) normalise to this. */
export interface MeasuredChange {
  /** "workload.requestsPerActiveUserPerDay", "services.web-api.rpsPerReplica" … */
  readonly path: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly query?: string;
  readonly samples?: number;
  readonly confidence?: string;
}

export interface ExplainVarianceOptions {
  /** A calibration's changes: calibrateProfile's ({ assumption, old, new }) or { path, oldValue, newValue }. */
  readonly calibration?: { readonly changes: readonly (MeasuredChange | CalibrationChange)[] };
  /** A gap this small (USD, either way) is on plan: a rounded bill is not a variance. Default 0.01. */
  readonly onPlanWithinUsd?: Decimal | number | string;
}

/** A driver with what a calibration measured of it. */
export interface VarianceDriver extends CostDriver {
  /** drivenUsd ÷ the service's forecast, 0..1. */
  readonly share: Decimal;
  readonly measured?: {
    readonly path: string;
    readonly oldValue: number;
    readonly newValue: number;
    /** How the service's cost moves with it: new ÷ old (old ÷ new for requests per replica). */
    readonly ratio: Decimal;
    /** First-order change of the service's cost it implies, percent: share × (ratio − 1) × 100. */
    readonly impliedPercent: Decimal;
    readonly query?: string;
    readonly samples?: number;
    readonly confidence?: string;
  };
}

export type VarianceStatus = 'on-plan' | 'over' | 'under' | 'not-in-plan';

export interface ServiceVariance {
  readonly service: string;
  readonly forecastUsd: Decimal;
  readonly actualUsd: Decimal;
  /** False when the actuals did not name the service: counted as $0 (a bill lists nothing it did not charge). */
  readonly actualGiven: boolean;
  readonly gapUsd: Decimal;
  /** gap ÷ forecast × 100; absent when the plan forecast nothing for it. */
  readonly gapPercent?: Decimal;
  readonly status: VarianceStatus;
  /** The assumptions that explain the gap, most likely first; empty when on plan. */
  readonly drivers: readonly VarianceDriver[];
  /** One line: "EC2 +30.0% (+$97.50): CPU per request (web-api) measured 1.3× the profile's (≈ +30.0%)". */
  readonly summary: string;
}

export interface VarianceExplanation {
  readonly forecastUsd: Decimal;
  readonly actualUsd: Decimal;
  readonly gapUsd: Decimal;
  readonly gapPercent?: Decimal;
  /** Plan services first (plan order), then services only the actuals name. Largest gap first is the reader's sort. */
  readonly services: readonly ServiceVariance[];
  readonly calibrated: boolean;
  /** Calibration changes no modelled cost moves with (or not numeric): listed so none vanish. */
  readonly unmatchedChanges: readonly MeasuredChange[];
}

const pct = (d: Decimal, digits = 1) => `${d.gte(0) ? '+' : ''}${numberText(d.toNumber(), { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
const times = (d: Decimal) => `${numberText(d.toNumber(), { maximumFractionDigits: 2 })}×`;
const signedUsd = (d: Decimal) => `${d.gte(0) ? '+' : ''}${formatUsd(d)}`;

/**
 * The plan's forecast against actual spend, service by service, and the assumptions that explain
 * each gap. With a calibration, a measured assumption's ratio names the cause ("CPU per request
 * measured 1.3× the profile's"); without one, the drivers say what to measure. Pure.
 */
export function explainVariance(plan: Plan, actualByService: ReadonlyMap<string, Decimal> | Readonly<Record<string, string>>, options: ExplainVarianceOptions = {}): VarianceExplanation {
  const actuals = readActuals(actualByService);
  const within = dec(options.onPlanWithinUsd ?? '0.01');
  if (!within.isFinite() || within.isNegative()) throw new PlanningError('BAD_INPUT', `onPlanWithinUsd must be 0 or more, not ${within.toString()}`);
  const changes = (options.calibration?.changes ?? []).map(measuredChange);
  const drivers = costDrivers(plan);
  const matched = new Set<MeasuredChange>();
  const services: ServiceVariance[] = [];
  for (const [service, forecastUsd] of plan.monthly.byService) {
    const actualUsd = actuals.get(service);
    const ranked = rankDrivers(drivers.get(service) ?? [], forecastUsd, changes, matched);
    services.push(serviceVariance(service, forecastUsd, actualUsd, within, ranked));
  }
  for (const [service, actualUsd] of actuals) {
    if (!plan.monthly.byService.has(service)) services.push(serviceVariance(service, ZERO, actualUsd, within, []));
  }
  const forecastUsd = sum(services.map((s) => s.forecastUsd));
  const actualUsd = sum(services.map((s) => s.actualUsd));
  const gapUsd = actualUsd.minus(forecastUsd);
  return {
    forecastUsd,
    actualUsd,
    gapUsd,
    ...(forecastUsd.isZero() ? {} : { gapPercent: gapUsd.div(forecastUsd).times(100) }),
    services,
    calibrated: options.calibration !== undefined,
    unmatchedChanges: changes.filter((c) => !matched.has(c)),
  };
}

function readActuals(given: ReadonlyMap<string, Decimal> | Readonly<Record<string, string>>): Map<string, Decimal> {
  const entries: [string, Decimal | string][] = given instanceof Map ? [...(given as ReadonlyMap<string, Decimal>)] : Object.entries(given as Record<string, string>);
  const out = new Map<string, Decimal>();
  for (const [name, raw] of entries) {
    let value: Decimal;
    try {
      value = raw instanceof Decimal ? raw : dec(raw);
    } catch {
      throw new PlanningError('BAD_INPUT', `actual spend for ${name} must be a number of USD, not ${JSON.stringify(raw)}`);
    }
    if (!value.isFinite()) throw new PlanningError('BAD_INPUT', `actual spend for ${name} must be a finite number of USD, not ${value.toString()}`);
    // Actuals spell services as a bill or a person does ("ec2"); the plan's spelling wins.
    const service = billedService(name) ?? name;
    out.set(service, (out.get(service) ?? ZERO).plus(value));
  }
  return out;
}

/** The cost ratio a change implies for a driver, or undefined when it does not measure it. */
function ratioFor(driver: CostDriver, change: MeasuredChange): Decimal | undefined {
  const { oldValue, newValue } = change;
  if (typeof oldValue !== 'number' || typeof newValue !== 'number' || !(oldValue > 0) || !(newValue > 0)) return undefined;
  const path = normalisePath(change.path);
  if (path === driver.key) return dec(newValue).div(oldValue);
  // Requests one replica serves is the inverse of the CPU each request takes (same CPU request per replica).
  const service = /^services\.(.+)\.cpuSecondsPerRequest$/.exec(driver.key)?.[1];
  if (service !== undefined && path === `services.${service}.rpsPerReplica`) return dec(oldValue).div(newValue);
  return undefined;
}

/** "services[web-api].memoryMiB", "services/web-api/memoryMiB", "requestsPerActiveUserPerDay" → the driver key spelling. */
function normalisePath(path: string): string {
  const dotted = path.replace(/\[["']?([^\]"']+)["']?\]/g, '.$1').replace(/\//g, '.').replace(/^\.+/, '');
  return /^[A-Za-z]+$/.test(dotted) ? `workload.${dotted}` : dotted;
}

function rankDrivers(list: readonly CostDriver[], forecastUsd: Decimal, changes: readonly MeasuredChange[], matched: Set<MeasuredChange>): VarianceDriver[] {
  if (forecastUsd.lte(0)) return [];
  return list.map((d) => {
    const share = d.drivenUsd.div(forecastUsd);
    for (const c of changes) {
      const ratio = ratioFor(d, c);
      if (ratio === undefined) continue;
      matched.add(c);
      const measured = {
        path: c.path,
        oldValue: c.oldValue as number,
        newValue: c.newValue as number,
        ratio,
        impliedPercent: share.times(ratio.minus(1)).times(100),
        ...(c.query !== undefined ? { query: c.query } : {}),
        ...(c.samples !== undefined ? { samples: c.samples } : {}),
        ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
      };
      return { ...d, share, measured };
    }
    return { ...d, share };
  });
}

function serviceVariance(service: string, forecastUsd: Decimal, actual: Decimal | undefined, within: Decimal, drivers: readonly VarianceDriver[]): ServiceVariance {
  const actualUsd = actual ?? ZERO;
  const gapUsd = actualUsd.minus(forecastUsd);
  const gapPercent = forecastUsd.isZero() ? undefined : gapUsd.div(forecastUsd).times(100);
  const base = { service, forecastUsd, actualUsd, actualGiven: actual !== undefined, gapUsd, ...(gapPercent ? { gapPercent } : {}) };
  if (gapUsd.abs().lte(within)) return { ...base, status: 'on-plan', drivers: [], summary: `${service} on plan (${formatUsd(forecastUsd)})` };
  if (forecastUsd.isZero()) return { ...base, status: 'not-in-plan', drivers: [], summary: `${service} ${formatUsd(actualUsd)} is not in the plan: the model prices nothing for it` };
  const status = gapUsd.isPositive() ? 'over' : 'under';
  const ranked = [...drivers].sort((a, b) => blame(b, gapUsd).comparedTo(blame(a, gapUsd)));
  const head = `${service} ${pct(gapPercent!)} (${signedUsd(gapUsd)})`;
  const measured = ranked.filter((d) => d.measured && !d.measured.ratio.eq(1) && d.measured.impliedPercent.isPositive() === gapUsd.isPositive());
  let why: string;
  if (actual === undefined) why = 'no actual given, counted as $0';
  else if (measured.length > 0) why = measured.slice(0, 2).map((d) => `${d.label} measured ${times(d.measured!.ratio)} the profile's (≈ ${pct(d.measured!.impliedPercent)})`).join('; ');
  else if (ranked.length > 0) why = `measure ${ranked.slice(0, 3).map((d) => d.label).join(', ')}`;
  else why = 'no load assumption drives it in the model: check prices, the purchase option and resources the plan does not price';
  return { ...base, status, drivers: ranked, summary: `${head}: ${why}` };
}

/**
 * How strongly a driver explains a gap. A measured driver whose implied change points the gap's
 * way outranks every unmeasured one (by the size of that change); one measured as the profile has
 * it, or pointing the other way, ranks below them; unmeasured drivers rank by the share of the cost they scale.
 */
function blame(d: VarianceDriver, gap: Decimal): Decimal {
  if (!d.measured) return d.share;
  // Measured as the profile has it: that assumption is not the cause.
  if (d.measured.ratio.eq(1)) return d.share.minus(1);
  const implied = d.measured.impliedPercent;
  const agrees = implied.isPositive() === gap.isPositive();
  return agrees ? implied.abs().plus(1000) : implied.abs().neg().minus(1);
}

/** calibrateProfile's change ({ assumption, old, new }) or an already plain one, as explainVariance reads it. */
export function measuredChange(c: MeasuredChange | CalibrationChange): MeasuredChange {
  if ('path' in c) return c;
  return { path: c.assumption, oldValue: c.old, newValue: c.new, query: c.query, samples: c.samples, confidence: c.confidence };
}
