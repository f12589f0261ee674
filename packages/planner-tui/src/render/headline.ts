import type { Plan } from '@tier-planner/cost-model';
import { int, usd } from './format.js';

/**
 * The headline total and what it is: "$X per month at the profile's point values", or with samples
 * "$P50 per month, P50 of N samples (P10 $a – P90 $b; $X at the point values)". `close` ends the
 * emphasis of the amount (Markdown's "**") before the explanation.
 */
export function headlineText(plan: Plan, close = ''): string {
  const h = plan.headline;
  if (h.basis === 'p50' && h.band) {
    return `${usd(h.total)} per month${close}, P50 of ${int(h.band.samples)} samples (P10 ${usd(h.band.p10)} – P90 ${usd(h.band.p90)}; ${usd(h.pointTotal)} at the profile's point values, the sum of the line items)`;
  }
  return `${usd(h.total)} per month${close} at the profile's point values`;
}
