import type { InstanceTypeRecord, PriceDimension, SourceRef, SpotPrice } from '@tier-planner/cost-model';
import type { SavingsPlanRates } from './savings-plans/collector.js';
import { fargateSavingsPlanUsage } from './savings-plans/fargate-usage.js';

// Savings Plans and Spot come from outside GetProducts (the Savings Plans offer files and
// DescribeSpotPriceHistory). Each arrives either with its rates and source or with the reason it
// could not be read; a type or dimension without a rate stays unpriced for that option and the
// snapshot's `missing` says so.

/** Savings Plans rates read from the region's offer files, or why none were. */
export type SavingsPlansOutcome =
  | { readonly ok: true; readonly rates: SavingsPlanRates; readonly sourceId: string; readonly source: SourceRef }
  | { readonly ok: false; readonly reason: string };

/** Spot price history per instance type, or why none was read. */
export type SpotOutcome =
  | { readonly ok: true; readonly prices: ReadonlyMap<string, SpotPrice>; readonly sourceId: string; readonly source: SourceRef }
  | { readonly ok: false; readonly reason: string };

export interface CommitmentInput {
  /** Absent: the offer files were not read. */
  readonly savingsPlans?: SavingsPlansOutcome;
  /** Absent: Spot history was not fetched. */
  readonly spot?: SpotOutcome;
}

export const NO_SAVINGS_PLANS_READ = 'the Savings Plans offer files were not read by this refresh (Savings Plans rates are not in the Price List GetProducts API)';
export const NO_SPOT_READ = 'EC2 Spot prices float per zone and are not in the Price List; this refresh did not call DescribeSpotPriceHistory';

export interface Committed {
  readonly instances: Record<string, InstanceTypeRecord>;
  readonly prices: PriceDimension[];
  readonly sources: Record<string, SourceRef>;
}

/** Adds the Savings Plans and Spot figures to the catalog's types and the Fargate dimensions. */
export function withCommitments(input: CommitmentInput, instances: Readonly<Record<string, InstanceTypeRecord>>, prices: readonly PriceDimension[]): Committed {
  const sp = input.savingsPlans?.ok ? input.savingsPlans : undefined;
  const spot = input.spot?.ok ? input.spot : undefined;
  const sources: Record<string, SourceRef> = {};
  if (sp) sources[sp.sourceId] = sp.source;
  if (spot) sources[spot.sourceId] = spot.source;
  const out: Record<string, InstanceTypeRecord> = {};
  for (const [type, record] of Object.entries(instances)) {
    const rates = sp?.rates.byInstanceType.get(type);
    const history = spot?.prices.get(type);
    out[type] = { ...record, ...(rates && rates.length > 0 ? { savingsPlans: rates } : {}), ...(history ? { spot: history } : {}) };
  }
  const withRates = prices.map((p) => {
    const rates = sp?.rates.byDimensionKey.get(p.key);
    return rates && rates.length > 0 ? { ...p, savingsPlans: rates } : p;
  });
  return { instances: out, prices: withRates, sources };
}

const SAMPLE = 8;
const listed = (names: readonly string[]): string =>
  names.length <= SAMPLE ? names.join(', ') : `${names.slice(0, SAMPLE).join(', ')} and ${(names.length - SAMPLE).toLocaleString('en-US')} more`;

/** What the snapshot lacks for Savings Plans and Spot, with the reason. */
export function commitmentMissing(input: CommitmentInput, committed: Committed): { key: string; reason: string }[] {
  const missing: { key: string; reason: string }[] = [];
  const types = Object.entries(committed.instances);
  const fargateKeys = [...new Set(fargateSavingsPlanUsage().values())].filter((k) => committed.prices.some((p) => p.key === k));
  const sp = input.savingsPlans;
  if (!sp?.ok) {
    const reason = sp?.reason ?? NO_SAVINGS_PLANS_READ;
    missing.push({ key: 'ec2/savings-plans', reason }, { key: 'fargate/savings-plans', reason });
  } else {
    const without = types.filter(([, r]) => r.savingsPlans === undefined).map(([t]) => t);
    if (without.length > 0) {
      missing.push({
        key: `ec2/savings-plans (${without.length.toLocaleString('en-US')} types)`,
        reason: `no Linux/UNIX shared-tenancy rate in the Savings Plans offer files for ${listed(without)}`,
      });
    }
    for (const key of fargateKeys) {
      if (!committed.prices.find((p) => p.key === key)?.savingsPlans) missing.push({ key: `${key}/savings-plans`, reason: 'no Compute Savings Plans rate for this usage type in the offer files' });
    }
    for (const a of sp.rates.ambiguous) {
      // Instance types are bare names ("m5.large"); Fargate targets are already snapshot keys.
      const key = a.target.includes('/') ? a.target : `ec2/${a.target}`;
      missing.push({ key: `${key}/savings-plans`, reason: `${a.reason}; refusing to guess` });
    }
  }
  const spot = input.spot;
  if (!spot?.ok) missing.push({ key: 'ec2/spot', reason: spot?.reason ?? NO_SPOT_READ });
  else {
    const without = types.filter(([, r]) => r.spot === undefined).map(([t]) => t);
    if (without.length > 0) {
      missing.push({ key: `ec2/spot (${without.length.toLocaleString('en-US')} types)`, reason: `no Linux/UNIX Spot price history in the window for ${listed(without)}` });
    }
  }
  return missing;
}
