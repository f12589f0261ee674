import type { PriceListItem } from '../price-list-item.js';
import { RefreshError } from '../refresh-error.js';
import type { SavingsPlanOfferSink } from '../savings-plans/offer-sink.js';
import type { ProductQuery } from '../service-definition.js';
import { download, downloadJson, type DownloadContext } from './download.js';
import { JsonValueStream } from './json-values.js';
import { CsvOfferReader, JsonOfferReader, productFilter, type OfferReader } from './offer-file.js';

// The Price List Bulk API walk: the offer index names each service's region index, the region
// index names the region's offer file; the Savings Plans offers have their own version and region
// indexes. Every path below is the one AWS documents (see docs/pricing-refresh.md).

export const DEFAULT_BULK_BASE_URL = 'https://pricing.us-east-1.amazonaws.com';
export const OFFER_INDEX_PATH = '/offers/v1.0/aws/index.json';
/** The Savings Plans offers read by default: Compute Savings Plans (its file also lists EC2 Instance Savings Plans products). */
export const DEFAULT_SAVINGS_PLAN_OFFERS = ['AWSComputeSavingsPlan'] as const;

export type OfferFormat = 'json' | 'csv';

export interface BulkSource {
  readonly baseUrl: string;
  readonly format: OfferFormat;
  readonly savingsPlanSink?: SavingsPlanOfferSink;
  readonly savingsPlanOffers?: readonly string[];
}

export interface BulkFile {
  readonly serviceCode: string;
  readonly url: string;
  readonly bytes: number;
  readonly rows: number;
}

export interface BulkResult {
  readonly items: Map<string, PriceListItem[]>;
  readonly files: readonly BulkFile[];
  /** Service codes whose region index does not list the region (their keys end up missing). */
  readonly notInRegion: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TAIL = 'nothing was written, the previous snapshot is unchanged';

/** Fields that tie a query to one region: a service whose queries all carry one has no global file to fall back on. */
const REGIONAL_FIELDS = ['regionCode', 'fromRegionCode'];

export async function fetchFromBulk(
  region: string,
  plan: readonly { service: string; queries: readonly ProductQuery[] }[],
  source: BulkSource,
  ctx: DownloadContext,
): Promise<BulkResult> {
  const resolve = (path: string) => new URL(path, source.baseUrl).toString();
  const index = await downloadJson({ url: resolve(OFFER_INDEX_PATH), label: 'offer index', service: 'index' }, ctx);
  const offers = isObj(index) && isObj(index.offers) ? index.offers : undefined;
  if (!offers) throw new RefreshError('MALFORMED_ITEM', `the offer index at ${resolve(OFFER_INDEX_PATH)} has no "offers" object; ${TAIL}`);

  // One file per service code, read once for every service definition that queries it.
  const byCode = new Map<string, { services: string[]; queries: ProductQuery[] }>();
  for (const { service, queries } of plan) {
    for (const q of queries) {
      const entry = byCode.get(q.serviceCode) ?? { services: [], queries: [] };
      if (!entry.services.includes(service)) entry.services.push(service);
      entry.queries.push(q);
      byCode.set(q.serviceCode, entry);
    }
  }

  const items = new Map<string, PriceListItem[]>();
  const files: BulkFile[] = [];
  const notInRegion: string[] = [];
  for (const [code, { services, queries }] of byCode) {
    const offer = offers[code];
    if (!isObj(offer) || typeof offer.currentRegionIndexUrl !== 'string') {
      throw new RefreshError('MALFORMED_ITEM', `the offer index lists no ${code} offer with a currentRegionIndexUrl; ${TAIL}`);
    }
    const service = services.join(', ');
    const regionIndex = await downloadJson({ url: resolve(offer.currentRegionIndexUrl), label: `${code} region index`, service }, ctx);
    const regions = isObj(regionIndex) && isObj(regionIndex.regions) ? regionIndex.regions : {};
    const entry = regions[region];
    let path: string | undefined = isObj(entry) && typeof entry.currentVersionUrl === 'string' ? entry.currentVersionUrl : undefined;
    if (path === undefined) {
      const regional = queries.every((q) => REGIONAL_FIELDS.some((f) => f in q.filters));
      if (code === 'AmazonEC2') {
        throw new RefreshError('INVALID_REGION', `AWS's price lists have no region "${region}" (the AmazonEC2 region index does not list it); ${TAIL}`);
      }
      if (regional) {
        notInRegion.push(code);
        items.set(code, []);
        continue;
      }
      // A global service (Route 53): its one offer file holds every price.
      if (typeof offer.currentVersionUrl !== 'string') throw new RefreshError('MALFORMED_ITEM', `the offer index has no currentVersionUrl for ${code}; ${TAIL}`);
      path = offer.currentVersionUrl;
    }
    const url = resolve(source.format === 'csv' ? path.replace(/\.json$/, '.csv') : path);
    const keep = productFilter(queries);
    const reader: OfferReader = source.format === 'csv' ? new CsvOfferReader(code, keep) : new JsonOfferReader(code, keep);
    const { bytes } = await download({ url, label: `${code} offer file`, service, rows: () => reader.rows }, ctx, (chunk) => reader.write(chunk));
    try {
      reader.end();
    } catch (e) {
      throw new RefreshError('MALFORMED_ITEM', `${code} offer file (${url}) is not a valid price list file: ${(e as Error).message}; ${TAIL}`, { cause: e });
    }
    items.set(code, reader.items());
    files.push({ serviceCode: code, url, bytes, rows: reader.rows });
  }

  if (source.savingsPlanSink) {
    const sp = await streamSavingsPlanOffers(region, offers, resolve, source.savingsPlanSink, source.savingsPlanOffers, ctx);
    files.push(...sp.files);
    notInRegion.push(...sp.notInRegion);
  }
  return { items, files, notInRegion };
}

/**
 * Only the Savings Plans offer files (an API refresh reads its rates here: GetProducts has none).
 * Pushes every product and term into the sink and returns the files read.
 */
export async function fetchSavingsPlansFromBulk(
  region: string,
  source: { readonly baseUrl: string; readonly savingsPlanOffers?: readonly string[] },
  sink: SavingsPlanOfferSink,
  ctx: DownloadContext,
): Promise<{ files: BulkFile[]; notInRegion: string[] }> {
  const resolve = (path: string) => new URL(path, source.baseUrl).toString();
  const index = await downloadJson({ url: resolve(OFFER_INDEX_PATH), label: 'offer index', service: 'index' }, ctx);
  const offers = isObj(index) && isObj(index.offers) ? index.offers : undefined;
  if (!offers) throw new RefreshError('MALFORMED_ITEM', `the offer index at ${resolve(OFFER_INDEX_PATH)} has no "offers" object; ${TAIL}`);
  return streamSavingsPlanOffers(region, offers, resolve, sink, source.savingsPlanOffers, ctx);
}

async function streamSavingsPlanOffers(
  region: string,
  offers: Obj,
  resolve: (path: string) => string,
  sink: SavingsPlanOfferSink,
  codes: readonly string[] | undefined,
  ctx: DownloadContext,
): Promise<{ files: BulkFile[]; notInRegion: string[] }> {
  const files: BulkFile[] = [];
  const notInRegion: string[] = [];
  for (const code of codes ?? DEFAULT_SAVINGS_PLAN_OFFERS) {
    const file = await streamSavingsPlanOffer(code, region, offers, resolve, sink, ctx);
    if (file) files.push(file);
    else notInRegion.push(code);
  }
  return { files, notInRegion };
}

/**
 * A Savings Plans offer: its version index (from the offer index, else the documented
 * /savingsPlan/v1.0/aws/<code>/current/region_index.json), the region's file, and each element of
 * its `products` and `terms.savingsPlan` arrays pushed into the sink as it is read.
 */
async function streamSavingsPlanOffer(
  code: string,
  region: string,
  offers: Obj,
  resolve: (path: string) => string,
  sink: SavingsPlanOfferSink,
  ctx: DownloadContext,
): Promise<BulkFile | undefined> {
  const service = 'Savings Plans';
  const listed = Object.values(offers).find(
    (o): o is Obj => isObj(o) && typeof o.savingsPlanVersionIndexUrl === 'string' && (o.offerCode === code || o.savingsPlanVersionIndexUrl.includes(`/${code}/`)),
  );
  let regionIndexPath = `/savingsPlan/v1.0/aws/${code}/current/region_index.json`;
  if (listed) {
    const versions = await downloadJson({ url: resolve(listed.savingsPlanVersionIndexUrl as string), label: `${code} version index`, service }, ctx);
    if (isObj(versions) && typeof versions.currentOfferVersionUrl === 'string') regionIndexPath = versions.currentOfferVersionUrl;
  }
  const regionIndex = await downloadJson({ url: resolve(regionIndexPath), label: `${code} region index`, service }, ctx);
  const regions = isObj(regionIndex) && Array.isArray(regionIndex.regions) ? regionIndex.regions : [];
  const entry = regions.find((r): r is Obj => isObj(r) && r.regionCode === region && typeof r.versionUrl === 'string');
  if (!entry) return undefined;
  const url = resolve(entry.versionUrl as string);
  let rows = 0;
  const stream = new JsonValueStream([
    { path: ['products', '*'], onValue: (v) => (rows++, sink.product(v)) },
    { path: ['terms', 'savingsPlan', '*'], onValue: (v) => (rows++, sink.term(v)) },
  ]);
  const { bytes } = await download({ url, label: `${code} offer file`, service, rows: () => rows }, ctx, (chunk) => stream.write(chunk));
  try {
    stream.end();
  } catch (e) {
    throw new RefreshError('MALFORMED_ITEM', `${code} offer file (${url}) is not a valid price list file: ${(e as Error).message}; ${TAIL}`, { cause: e });
  }
  return { serviceCode: code, url, bytes, rows };
}
