import { DescribeSpotPriceHistoryCommand, type EC2Client, type _InstanceType } from '@aws-sdk/client-ec2';
import type { SpotPrice, SpotPriceStats } from '@tier-planner/cost-model';
import type { SpotOutcome } from '../commitments.js';
import { isPlainDecimal } from '../decimal.js';
import { CREDENTIALS_HELP } from '../sdk-errors.js';
import { createEc2Client } from './ec2-client.js';
import { segmentsOf, spotStats, type SpotPoint } from './spot-stats.js';

// Linux/UNIX Spot prices from EC2 DescribeSpotPriceHistory over the week before the refresh:
// time-weighted median and 90th percentile per availability zone and over all of them. Needs
// credentials (ec2:DescribeSpotPriceHistory); without them Spot stays unpriced, never guessed.

export const SPOT_SOURCE_ID = 'aws-ec2-spot-price-history';
export const SPOT_PRODUCT = 'Linux/UNIX';
export const SPOT_WINDOW_DAYS = 7;
/** Instance types per request: keeps the form-encoded request small. */
export const SPOT_BATCH = 50;
const DAY_MS = 86_400_000;

export interface SpotHistoryOptions {
  readonly region: string;
  /** Every type of the catalog. */
  readonly instanceTypes: readonly string[];
  /** The refresh's clock: the window is the 7 days before it. */
  readonly now: Date;
  /** Default: an EC2Client for the region with the default credential chain and SDK retries (3 attempts). */
  readonly client?: EC2Client;
  /** Endpoint URL for the default client (tests, VPC endpoints). */
  readonly endpoint?: string;
  readonly signal?: AbortSignal;
  readonly onBatch?: (done: number, total: number) => void;
}

export async function fetchSpotPrices(opts: SpotHistoryOptions): Promise<SpotOutcome> {
  const ownClient = opts.client === undefined;
  const client = opts.client ?? createEc2Client({ region: opts.region, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) });
  try {
    try {
      await client.config.credentials();
    } catch {
      return { ok: false, reason: `no AWS credentials found, so Spot stays unpriced (DescribeSpotPriceHistory needs them: ${CREDENTIALS_HELP})` };
    }
    const to = opts.now.getTime();
    const from = to - SPOT_WINDOW_DAYS * DAY_MS;
    const points = new Map<string, Map<string, SpotPoint[]>>();
    const types = [...new Set(opts.instanceTypes)].sort();
    for (let i = 0; i < types.length; i += SPOT_BATCH) {
      const batch = types.slice(i, i + SPOT_BATCH);
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new DescribeSpotPriceHistoryCommand({
            // The SDK's enum lags new types; EC2 accepts any type name.
            InstanceTypes: batch as _InstanceType[],
            ProductDescriptions: [SPOT_PRODUCT],
            StartTime: new Date(from),
            EndTime: new Date(to),
            MaxResults: 1000,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
          opts.signal ? { abortSignal: opts.signal } : {},
        );
        for (const p of page.SpotPriceHistory ?? []) {
          const { InstanceType: type, AvailabilityZone: az, SpotPrice: usd, Timestamp: at, ProductDescription: product } = p;
          if (!type || !az || !isPlainDecimal(usd) || !(at instanceof Date) || (product !== undefined && product !== SPOT_PRODUCT)) continue;
          const byAz = points.get(type) ?? new Map<string, SpotPoint[]>();
          byAz.set(az, [...(byAz.get(az) ?? []), { at: at.getTime(), usd }]);
          points.set(type, byAz);
        }
        nextToken = page.NextToken || undefined;
      } while (nextToken);
      opts.onBatch?.(Math.min(i + SPOT_BATCH, types.length), types.length);
    }
    const window = { from: new Date(from).toISOString().replace(/\.\d{3}Z$/, 'Z'), to: new Date(to).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const prices = new Map<string, SpotPrice>();
    for (const [type, byAz] of points) {
      const price = spotPriceOf(byAz, from, to, window);
      if (price) prices.set(type, price);
    }
    return {
      ok: true,
      prices,
      sourceId: SPOT_SOURCE_ID,
      source: {
        title: `Amazon EC2 DescribeSpotPriceHistory (${SPOT_PRODUCT}, time-weighted median and p90 over ${SPOT_WINDOW_DAYS} days)`,
        ref: `ec2:DescribeSpotPriceHistory ProductDescriptions=${SPOT_PRODUCT} region=${opts.region} StartTime=${window.from} EndTime=${window.to}`,
        asOf: window.to.slice(0, 10),
        confidence: 'vendor-api',
      },
    };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const err = e as { name?: string; message?: string };
    return { ok: false, reason: `DescribeSpotPriceHistory failed (${err.name ?? 'Error'}: ${(err.message ?? String(e)).split('\n')[0]}), so Spot stays unpriced` };
  } finally {
    if (ownClient) client.destroy();
  }
}

function spotPriceOf(byAz: ReadonlyMap<string, SpotPoint[]>, from: number, to: number, window: { from: string; to: string }): SpotPrice | undefined {
  const zones: Record<string, SpotPriceStats> = {};
  const all: ReturnType<typeof segmentsOf> = [];
  for (const az of [...byAz.keys()].sort()) {
    const segments = segmentsOf(byAz.get(az)!, from, to);
    const stats = spotStats(segments);
    if (!stats) continue;
    zones[az] = stats;
    all.push(...segments);
  }
  const overall = spotStats(all);
  return overall ? { ...overall, byAz: zones, ...window, source: SPOT_SOURCE_ID } : undefined;
}
