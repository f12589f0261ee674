import type { Decimal, Plan, ServiceVariance, VarianceDriver, VarianceExplanation } from '@tier-planner/cost-model';
import { numberText } from '@tier-planner/cost-model';
import { int, table, usd } from './format.js';
import { printable } from './printable.js';

const signed = (d: Decimal) => `${d.isNegative() ? '-' : '+'}${usd(d.abs())}`;
const pct = (d: Decimal | undefined) => (d === undefined ? '–' : `${d.isNegative() ? '' : '+'}${numberText(d.toNumber(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
const share = (d: Decimal) => `${numberText(d.times(100).toNumber(), { maximumFractionDigits: 0 })}%`;
/** A summary names a service, a gap and up to two measured ratios: longer than a plain echo. */
const SUMMARY_LIMIT = 400;
/** Drivers shown under each service that is off plan. */
const SHOWN_DRIVERS = 3;

function driverLine(d: VarianceDriver): string {
  const m = d.measured;
  if (!m) return `measure: ${d.measure}`;
  const values = `${numberText(m.oldValue, { maximumFractionDigits: 4 })} → ${numberText(m.newValue, { maximumFractionDigits: 4 })}`;
  const how = [m.samples !== undefined ? `${int(m.samples)} samples` : undefined, m.confidence].filter(Boolean).join(', ');
  return `measured ${numberText(m.ratio.toNumber(), { maximumFractionDigits: 2 })}× (${printable(m.path)} ${values}${how ? `; ${printable(how)}` : ''}), ≈ ${pct(m.impliedPercent)}`;
}

function explained(s: ServiceVariance): string[] {
  const rows = s.drivers.slice(0, SHOWN_DRIVERS).map((d) => [printable(d.label), `scales ${share(d.share)}`, driverLine(d)]);
  const more = s.drivers.length > SHOWN_DRIVERS ? [`    … and ${s.drivers.length - SHOWN_DRIVERS} more (--json lists them)`] : [];
  return [`  ${printable(s.summary, SUMMARY_LIMIT)}`, ...table(rows).map((l) => `    ${l}`), ...more];
}

/** `tier-planner explain-variance` as text: totals, the service table, then each gap and its drivers, largest first. */
export function renderVarianceText(files: { plan: string; actuals: string; calibration?: string }, plan: Plan, e: VarianceExplanation): string {
  const offPlan = e.services.filter((s) => s.status !== 'on-plan').sort((a, b) => b.gapUsd.abs().comparedTo(a.gapUsd.abs()));
  const calibration = files.calibration
    ? `Calibration: ${printable(files.calibration)}${e.unmatchedChanges.length ? ` (${e.unmatchedChanges.length} change(s) no modelled cost moves with: ${e.unmatchedChanges.map((c) => printable(c.path)).join(', ')})` : ''}`
    : 'No calibration: each gap lists the assumptions to measure (tier-planner calibrate measures them).';
  return [
    `${printable(files.plan)} (${int(plan.users)} users, ${printable(plan.profile.name)}) against ${printable(files.actuals)}`,
    `Total: forecast ${usd(e.forecastUsd)}, actual ${usd(e.actualUsd)} (${signed(e.gapUsd)}, ${pct(e.gapPercent)})`,
    calibration,
    '',
    ...table([['Service', 'Forecast', 'Actual', 'Gap', 'Gap %'], ...e.services.map((s) => [printable(s.service), usd(s.forecastUsd), s.actualGiven ? usd(s.actualUsd) : `${usd(s.actualUsd)} (none given)`, signed(s.gapUsd), s.status === 'on-plan' ? 'on plan' : pct(s.gapPercent)])], new Set([1, 3, 4])).map((l) => `  ${l}`),
    '',
    offPlan.length ? 'Gaps, largest first:' : 'Every service is on plan.',
    ...offPlan.flatMap(explained),
  ].join('\n') + '\n';
}
