import type { SourceRef } from '@tier-planner/cost-model';
import type { SavingsPlansOutcome, SpotOutcome } from './commitments.js';
import type { PriceListItem } from './price-list-item.js';
import { SavingsPlanCollector } from './savings-plans/collector.js';
import type { SavingsPlanOfferSink } from './savings-plans/offer-sink.js';
import { buildEc2Catalog } from './services/index.js';
import { fetchSpotPrices, type SpotHistoryOptions } from './spot/spot-history.js';

// The optional refresh steps beyond GetProducts: a Savings Plans offer-file reader and the Spot
// price history. The refresh runs whichever it is given and records the others as missing.

export const SAVINGS_PLANS_SOURCE_ID = 'aws-price-list-savings-plans';

/** What a Savings Plans reader read: where from, and the files' newest publication date. */
export interface SavingsPlansRead {
  /** The offer file URLs (or other reference) read. */
  readonly ref: string;
  /** YYYY-MM-DD publicationDate of the files, when they gave one. */
  readonly publishedOn?: string;
}

/** Pushes every `products` and `terms.savingsPlan` element of the region's Savings Plans offer files into the sink. */
export type SavingsPlansStep = (sink: SavingsPlanOfferSink, request: { readonly region: string; readonly signal?: AbortSignal }) => Promise<SavingsPlansRead>;

export type SpotStep = (request: { readonly region: string; readonly instanceTypes: readonly string[]; readonly now: Date; readonly signal?: AbortSignal }) => Promise<SpotOutcome>;

export async function runSavingsPlansStep(step: SavingsPlansStep, region: string, fetchedAt: Date, signal?: AbortSignal): Promise<SavingsPlansOutcome> {
  const collector = savingsPlanCollector(region);
  const read = await step(collector, { region, ...(signal ? { signal } : {}) });
  return savingsPlansOutcome(collector, read, fetchedAt);
}

export const savingsPlanCollector = (region: string): SavingsPlanCollector => new SavingsPlanCollector({ region, sourceId: SAVINGS_PLANS_SOURCE_ID });

/** The rates a collector gathered, with the source they cite. */
export function savingsPlansOutcome(collector: SavingsPlanCollector, read: SavingsPlansRead, fetchedAt: Date): SavingsPlansOutcome {
  const source: SourceRef = {
    title: 'AWS Price List Bulk API, Savings Plans offer files (Compute and EC2 Instance Savings Plans)',
    ref: read.ref,
    asOf: read.publishedOn ?? fetchedAt.toISOString().slice(0, 10),
    confidence: 'vendor-api',
  };
  return { ok: true, rates: collector.result(), sourceId: SAVINGS_PLANS_SOURCE_ID, source };
}

/** Both sinks get every entry: the rate collector and a caller's own (tests, other tools). */
export function teeSink(a: SavingsPlanOfferSink, b: SavingsPlanOfferSink | undefined): SavingsPlanOfferSink {
  if (!b) return a;
  return {
    product: (v) => (a.product(v), b.product(v)),
    term: (v) => (a.term(v), b.term(v)),
  };
}

/** The catalog's instance types, as the snapshot will list them (Spot is asked for exactly these). */
export function catalogInstanceTypes(ec2Items: readonly PriceListItem[]): string[] {
  return Object.keys(buildEc2Catalog(ec2Items, new Map(), '').instances);
}

/** The Spot step backed by EC2 DescribeSpotPriceHistory. */
export const describeSpotPriceHistoryStep =
  (options: Pick<SpotHistoryOptions, 'client' | 'endpoint' | 'onBatch'> = {}): SpotStep =>
  (request) =>
    fetchSpotPrices({ ...options, ...request });
