import type { ReservedRate } from '@tier-planner/cost-model';
import type { FactRows } from './fact-rows.js';

/**
 * The few EC2 Reserved Instance rates in the shared facts. Only No Upfront rates are complete
 * (their upfront fee is zero); partial and all upfront rates there lack the upfront fee, so they
 * are left out rather than half-priced. The live refresh fetches full RI terms.
 */
export function buildEc2Reserved(f: FactRows): Map<string, ReservedRate[]> {
  const rates: ReservedRate[] = [];
  for (const [term, offeringClass, text] of [
    ['1yr', 'standard', 'standard 1yr no upfront'],
    ['3yr', 'standard', 'standard 3yr no upfront'],
    ['1yr', 'convertible', 'convertible 1yr no upfront'],
    ['3yr', 'convertible', 'convertible 3yr no upfront'],
  ] as const) {
    const picked = f.golden1('EC2', new RegExp(`^t3\\.medium reserved Linux, ${text} \\[`));
    rates.push({ term, offeringClass, paymentOption: 'No Upfront', hourlyUsd: picked.usd, upfrontUsd: '0', source: picked.source });
  }
  return new Map([['t3.medium', rates]]);
}
