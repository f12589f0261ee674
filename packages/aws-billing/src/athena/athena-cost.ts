import { dec, type Decimal } from '@tier-planner/cost-model';

/** A price and where it was read: a price never travels without its source. */
export interface AthenaScanPrice {
  readonly usdPerTb: string;
  /** Athena bills at least this much scanned per query. */
  readonly minimumBytesPerQuery: number;
  /** Bytes scanned are rounded up to a whole one of these. */
  readonly roundingBytes: number;
  readonly source: string;
  readonly asOf: string;
  /** What the figures rest on beyond the page's words. */
  readonly assumptions: readonly string[];
}

/**
 * Athena SQL queries on the per-query (not provisioned capacity) model. USD 5 per TB scanned is
 * AWS's pricing page's own figure (its example 1: 3 TB scanned, 3 × USD 5/TB = USD 15); the same
 * page rounds bytes scanned to the megabyte with a 10 MB minimum per query (docs/athena.md says
 * where exactly, and what is assumed).
 */
export const ATHENA_SCAN_PRICE: AthenaScanPrice = {
  usdPerTb: '5',
  minimumBytesPerQuery: 10_000_000,
  roundingBytes: 1_000_000,
  source: 'https://aws.amazon.com/athena/pricing/ (SQL queries; read in its localized editions aws.amazon.com/id/athena/pricing/ and aws.amazon.com/cn/athena/pricing/)',
  asOf: '2026-12-01',
  assumptions: [
    'tier-planner assumption: TB and MB are decimal (10^12 and 10^6 bytes); AWS does not say, and the decimal reading gives the higher cost',
    'tier-planner assumption: a partial megabyte is rounded up, the direction that does not understate the bill',
    'tier-planner assumption: the price of the page\'s examples applies in the workgroup\'s region unless another price is passed',
  ],
};

const BYTES_PER_TB = dec(10).pow(12);

/** Bytes Athena bills for a query that scanned this many: rounded up to the megabyte, at least the minimum. */
export function athenaBilledBytes(bytesScanned: number, price: AthenaScanPrice = ATHENA_SCAN_PRICE): number {
  if (!Number.isFinite(bytesScanned) || bytesScanned < 0) throw new RangeError(`bytes scanned must be a non-negative number, got ${bytesScanned}`);
  return Math.max(price.minimumBytesPerQuery, Math.ceil(bytesScanned / price.roundingBytes) * price.roundingBytes);
}

/**
 * What one Athena query that scanned bytesScanned costs, in USD: billed bytes × price per TB.
 * pricePerTbUsd overrides the page's price (another region, a negotiated rate).
 */
export function athenaQueryCostUsd(bytesScanned: number, pricePerTbUsd?: string | number | Decimal): Decimal {
  const perTb = pricePerTbUsd === undefined ? dec(ATHENA_SCAN_PRICE.usdPerTb) : dec(pricePerTbUsd);
  if (perTb.isNegative() || !perTb.isFinite()) throw new RangeError(`price per TB must be a non-negative amount, got ${String(pricePerTbUsd)}`);
  return dec(athenaBilledBytes(bytesScanned)).div(BYTES_PER_TB).mul(perTb);
}
