import type { PricingClient } from '@aws-sdk/client-pricing';
import { PricingError, snapshotPath, userSnapshotDir, writeSnapshotAtomic, type SnapshotContent } from '@tier-planner/cost-model';
import { assembleSnapshot } from './assemble-snapshot.js';
import { catalogInstanceTypes, runSavingsPlansStep, savingsPlanCollector, savingsPlansOutcome, teeSink, type SavingsPlansStep, type SpotStep } from './commitment-steps.js';
import type { SavingsPlansOutcome } from './commitments.js';
import { DEFAULT_BULK_BASE_URL, fetchFromBulk, fetchSavingsPlansFromBulk, type BulkFile, type OfferFormat } from './bulk/fetch-bulk.js';
import type { DownloadContext } from './bulk/download.js';
import { readEmbeddedReference } from './embedded-reference.js';
import { priceListEndpointRegion } from './endpoint-region.js';
import { fetchProducts, type FetchContext } from './fetch-products.js';
import type { PriceListItem } from './price-list-item.js';
import { createPricingClient } from './pricing-client.js';
import type { SavingsPlanOfferSink } from './savings-plans/offer-sink.js';
import { RefreshError } from './refresh-error.js';
import { stopOnSignalOrDeadline } from './refresh-stop.js';
import type { RefreshProgress, RefreshReport } from './refresh-types.js';
import { ec2InstanceQueries, SERVICES } from './services/index.js';
import type { ProductQuery } from './service-definition.js';
import { abortableSleep, realTimer, type SetTimer } from './timers.js';

export interface RefreshOptions {
  /** AWS region code to price, e.g. "eu-west-1". */
  region: string;
  /** 'api': GetProducts (needs credentials; the default). 'bulk': the public offer files over plain HTTPS, no account. */
  source?: 'api' | 'bulk';
  /** Where the public offer index lives (the bulk source, and Savings Plans for both); default https://pricing.us-east-1.amazonaws.com (tests pass a loopback server). */
  baseUrl?: string;
  /** Bulk source: read the JSON (default) or the CSV offer files. */
  format?: OfferFormat;
  /** Bulk source: receives every product and term of the Savings Plans offer files as they stream in. */
  savingsPlanSink?: SavingsPlanOfferSink;
  /** Bulk source: the Savings Plans offer codes to read (default AWSComputeSavingsPlan). */
  savingsPlanOffers?: readonly string[];
  /** Bulk source: bytes between two download progress events; default 1 MiB. */
  progressEveryBytes?: number;
  /** Folder to write `<region>.json` into; default userSnapshotDir(). */
  outDir?: string;
  /** Default: a PricingClient for the nearest Price List endpoint, default credential chain, SDK retries off. */
  client?: PricingClient;
  /** Endpoint URL for the default client (tests, VPC endpoints). */
  endpoint?: string;
  onProgress?: (event: RefreshProgress) => void;
  signal?: AbortSignal;
  /** Attempts per request when throttled, timed out, cut off or on HTTP 5xx (bulk: per file, resumes included); default 5. */
  maxAttempts?: number;
  /** Each attempt is abandoned (and retried) after this long; bulk: after this long without a byte; default 30 s. */
  requestTimeoutMs?: number;
  /** The whole refresh fails with NETWORK after this long; default 10 min (API), 60 min (bulk, or the API with Savings Plans files). */
  deadlineMs?: number;
  now?: () => Date;
  /** Runs the request timeouts and the deadline; tests pass a manual clock. */
  setTimer?: SetTimer;
  /** Backoff sleep; tests pass a no-op. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /**
   * Savings Plans rates. 'bulk': read the public Savings Plans offer files at `baseUrl` (the bulk
   * source's default; they need no account); a step: read by the caller; 'off': not read. Absent:
   * 'bulk' for the bulk source, 'off' for the API source. Not read: unpriced, listed in `missing`.
   */
  savingsPlans?: SavingsPlansStep | 'bulk' | 'off';
  /** Reads Spot price history (describeSpotPriceHistoryStep); absent: Spot stays unpriced (listed in `missing`). */
  spot?: SpotStep;
}

export interface RefreshResult {
  path: string;
  content: SnapshotContent;
  report: RefreshReport;
}

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d$/;
const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 10 * 60_000;
/** Reading offer files (EC2's runs to gigabytes) takes longer than GetProducts: the bulk source's default, and the API's when it also reads Savings Plans files. */
export const DEFAULT_BULK_DEADLINE_MS = 60 * 60_000;

/**
 * Fetches a region's prices from the AWS Price List API (or its public bulk offer files), builds a
 * complete snapshot, and only then writes it atomically. Any failure throws a RefreshError before the write, so the previous
 * snapshot stays byte-for-byte as it was.
 */
export async function refreshPriceSnapshot(opts: RefreshOptions): Promise<RefreshResult> {
  const { region } = opts;
  if (!REGION_CODE.test(region)) throw new RefreshError('INVALID_REGION', `"${region}" is not an AWS region code (like eu-west-1)`);
  const now = opts.now ?? (() => new Date());
  const fetchedAt = now();
  const endpointRegion = priceListEndpointRegion(region);
  if (opts.source === 'bulk') return refreshFromBulk(opts, fetchedAt, now);
  const ownClient = opts.client === undefined;
  // SDK retries are off: this module retries itself so it can count and report every attempt.
  const client = opts.client ?? createPricingClient({ region: endpointRegion, maxAttempts: 1, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) });
  const onProgress = opts.onProgress ?? (() => {});
  const setTimer = opts.setTimer ?? realTimer;
  const stop = stopOnSignalOrDeadline(opts.signal, positive(opts.deadlineMs, opts.savingsPlans === 'bulk' ? DEFAULT_BULK_DEADLINE_MS : DEFAULT_DEADLINE_MS), setTimer);
  const ctx: FetchContext = {
    client,
    maxAttempts: Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    requestTimeoutMs: positive(opts.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS),
    stop,
    setTimer,
    sleep: opts.sleep ?? abortableSleep,
    random: opts.random ?? Math.random,
    onProgress,
    stats: { requests: 0, retries: 0 },
  };
  try {
    const embedded = readEmbeddedReference();
    const items = await fetchEverything(region, ctx);
    const step = stepOf(stop, ctx.stats);
    const { signal } = stop;
    const sp = opts.savingsPlans ?? 'off';
    const savingsPlans =
      sp === 'off'
        ? undefined
        : await step(() => runSavingsPlansStep(sp === 'bulk' ? bulkSavingsPlansStep(opts, downloadContext(opts, stop, setTimer, now, onProgress, ctx.stats)) : sp, region, fetchedAt, signal));
    const spot = await runSpotStep(opts, region, items, fetchedAt, step, signal);
    const { content, copiedKeys } = assembleSnapshot({ region, embedded, items, fetchedAt, ...(savingsPlans ? { savingsPlans } : {}), ...(spot ? { spot } : {}) });
    const path = snapshotPath(opts.outDir ?? userSnapshotDir(), region);
    stop.throwIfStopped(ctx.stats.requests);
    onProgress({ kind: 'writing', path });
    write(path, content);
    return { path, content, report: reportOf({ region, source: 'api', endpointRegion }, content, items, ctx.stats, copiedKeys) };
  } finally {
    stop.dispose();
    if (ownClient) client.destroy();
  }
}

/** The bulk path: the same plan of queries, answered from the offer files instead of GetProducts. */
async function refreshFromBulk(opts: RefreshOptions, fetchedAt: Date, now: () => Date): Promise<RefreshResult> {
  const { region } = opts;
  const baseUrl = opts.baseUrl ?? DEFAULT_BULK_BASE_URL;
  const onProgress = opts.onProgress ?? (() => {});
  const setTimer = opts.setTimer ?? realTimer;
  const stop = stopOnSignalOrDeadline(opts.signal, positive(opts.deadlineMs, DEFAULT_BULK_DEADLINE_MS), setTimer);
  const stats = { requests: 0, retries: 0 };
  try {
    const embedded = readEmbeddedReference();
    const sp = opts.savingsPlans ?? 'bulk';
    // The default reads the Savings Plans files in the same walk, into a rate collector.
    const collector = sp === 'bulk' ? savingsPlanCollector(region) : undefined;
    const sink = collector ? teeSink(collector, opts.savingsPlanSink) : opts.savingsPlanSink;
    const { items, files } = await fetchFromBulk(
      region,
      refreshPlan(region),
      {
        baseUrl,
        format: opts.format ?? 'json',
        ...(sink ? { savingsPlanSink: sink } : {}),
        ...(opts.savingsPlanOffers ? { savingsPlanOffers: opts.savingsPlanOffers } : {}),
      },
      downloadContext(opts, stop, setTimer, now, onProgress, stats),
    );
    const step = stepOf(stop, stats);
    const savingsPlans: SavingsPlansOutcome | undefined = collector
      ? savingsPlansOutcome(collector, { ref: savingsPlanFilesRef(files) }, fetchedAt)
      : typeof sp === 'function'
        ? await step(() => runSavingsPlansStep(sp, region, fetchedAt, stop.signal))
        : undefined;
    const spot = await runSpotStep(opts, region, items, fetchedAt, step, stop.signal);
    const offerFiles = new Map(files.map((f: BulkFile) => [f.serviceCode, f.url]));
    const { content, copiedKeys } = assembleSnapshot({ region, embedded, items, fetchedAt, offerFiles, ...(savingsPlans ? { savingsPlans } : {}), ...(spot ? { spot } : {}) });
    const path = snapshotPath(opts.outDir ?? userSnapshotDir(), region);
    stop.throwIfStopped(stats.requests);
    onProgress({ kind: 'writing', path });
    write(path, content);
    return { path, content, report: { ...reportOf({ region, source: 'bulk', endpointRegion: new URL(baseUrl).host }, content, items, stats, copiedKeys), files } };
  } finally {
    stop.dispose();
  }
}

/** The optional steps (Savings Plans, Spot) stop with the refresh (cancel or deadline), failing it the same way. */
function stepOf(stop: DownloadContext['stop'], stats: { readonly requests: number }) {
  return <T>(run: () => Promise<T>): Promise<T> =>
    run().catch((e: unknown) => {
      stop.throwIfStopped(stats.requests);
      throw e;
    });
}

function reportOf(
  where: Pick<RefreshReport, 'region' | 'source' | 'endpointRegion'>,
  content: SnapshotContent,
  items: ReadonlyMap<string, readonly PriceListItem[]>,
  stats: { readonly requests: number; readonly retries: number },
  copiedKeys: string[],
): RefreshReport {
  const instances = Object.values(content.ec2.instances);
  return {
    ...where,
    fetchedAt: content.generatedAt,
    requests: stats.requests,
    retries: stats.retries,
    itemsByServiceCode: Object.fromEntries([...items].map(([code, list]) => [code, list.length])),
    prices: content.prices.length,
    instanceTypes: instances.length,
    reservedInstanceTypes: instances.filter((i) => i.reserved !== undefined).length,
    savingsPlanInstanceTypes: instances.filter((i) => i.savingsPlans !== undefined).length,
    spotInstanceTypes: instances.filter((i) => i.spot !== undefined).length,
    dropped: content.ec2.dropped,
    missing: content.missing,
    copiedKeys,
  };
}

function downloadContext(opts: RefreshOptions, stop: DownloadContext['stop'], setTimer: SetTimer, now: () => Date, onProgress: (e: RefreshProgress) => void, stats: DownloadContext['stats']): DownloadContext {
  return {
    maxAttempts: Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    requestTimeoutMs: positive(opts.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS),
    stop,
    setTimer,
    sleep: opts.sleep ?? abortableSleep,
    now,
    onProgress,
    ...(opts.progressEveryBytes !== undefined ? { progressEveryBytes: opts.progressEveryBytes } : {}),
    stats,
  };
}

/** The API source reads Savings Plans from the public offer files: GetProducts has no Savings Plans rates. */
function bulkSavingsPlansStep(opts: RefreshOptions, ctx: DownloadContext): SavingsPlansStep {
  return async (sink, { region }) => {
    const { files } = await fetchSavingsPlansFromBulk(region, { baseUrl: opts.baseUrl ?? DEFAULT_BULK_BASE_URL, ...(opts.savingsPlanOffers ? { savingsPlanOffers: opts.savingsPlanOffers } : {}) }, sink, ctx);
    return { ref: savingsPlanFilesRef(files) };
  };
}

const savingsPlanFilesRef = (files: readonly BulkFile[]): string =>
  files
    .filter((f) => f.serviceCode.includes('SavingsPlan'))
    .map((f) => f.url)
    .join(' ') || 'no Savings Plans offer file lists this region';

async function runSpotStep(
  opts: RefreshOptions,
  region: string,
  items: ReadonlyMap<string, readonly PriceListItem[]>,
  now: Date,
  step: <T>(run: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
) {
  if (!opts.spot) return undefined;
  const instanceTypes = catalogInstanceTypes(items.get('AmazonEC2') ?? []);
  return step(() => opts.spot!({ region, instanceTypes, now, signal }));
}

const positive = (ms: number | undefined, fallback: number): number => (ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : fallback);

/** What the refresh asks for, service by service: the EC2 instance catalog first. */
function refreshPlan(region: string): { service: string; queries: readonly ProductQuery[] }[] {
  return [{ service: 'EC2', queries: ec2InstanceQueries(region) }, ...SERVICES.map((s) => ({ service: s.name, queries: s.queries(region) }))];
}

/** Runs every query, in order, and returns the products by service code (deduplicated by SKU). */
async function fetchEverything(region: string, ctx: FetchContext): Promise<Map<string, PriceListItem[]>> {
  const plan = refreshPlan(region);
  const bySku = new Map<string, Map<string, PriceListItem>>();
  for (const { service, queries } of plan) {
    let count = 0;
    for (const query of queries) {
      const items = await fetchProducts(query, service, ctx);
      count += items.length;
      const known = bySku.get(query.serviceCode) ?? new Map<string, PriceListItem>();
      for (const item of items) known.set(item.sku, item);
      bySku.set(query.serviceCode, known);
    }
    ctx.onProgress({ kind: 'service-done', service, items: count });
  }
  return new Map([...bySku].map(([code, items]) => [code, [...items.values()]]));
}

function write(path: string, content: SnapshotContent): void {
  try {
    writeSnapshotAtomic(path, content);
  } catch (e) {
    if (e instanceof PricingError) throw new RefreshError('INVALID_SNAPSHOT', `${e.message} (the previous snapshot is unchanged)`, { cause: e });
    throw new RefreshError('WRITE_FAILED', `cannot write ${path}: ${(e as Error).message} (the previous snapshot is unchanged)`, { cause: e });
  }
}
