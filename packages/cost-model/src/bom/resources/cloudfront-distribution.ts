import type { LineItemDraft } from '../../cost/line-item.js';
import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

/** CloudFront's viewer regions, each priced on its own tiers (price key suffix → label). */
const VIEWER_REGIONS = {
  us: 'US, Mexico, Canada',
  europe: 'Europe, Israel, Türkiye',
  southAfricaMiddleEast: 'South Africa, Kenya, Nigeria, Middle East',
  southAmerica: 'South America',
  japan: 'Japan',
  australia: 'Australia, New Zealand',
  asiaPacific: 'Hong Kong, Singapore, South Korea, Taiwan and the rest of Asia Pacific',
  india: 'India',
} as const;

type ViewerRegion = keyof typeof VIEWER_REGIONS;
const keyOf = (region: ViewerRegion) => region.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The price book's keys for the always-free tier. */
export const CLOUDFRONT_FREE_GB_KEY = 'cloudfront/data-transfer-out/free-gb';
export const CLOUDFRONT_FREE_REQUESTS_KEY = 'cloudfront/requests/free';

export interface CloudFrontDistributionResource {
  /** GB CloudFront sends to viewers in the United States, Mexico and Canada a month. */
  readonly dataOutGb?: number;
  /** GB sent to viewers in other regions a month (each region has its own tiered price). */
  readonly dataOutGbByRegion?: Partial<Record<Exclude<ViewerRegion, 'us'>, number>>;
  /** HTTP and HTTPS requests viewers make a month (priced at the United States rates). */
  readonly httpRequests?: number;
  readonly httpsRequests?: number;
  /** Subtract the always-free tier, as the price book lists it (only if this plan owns the account). */
  readonly applyFreeTier?: boolean;
  /** The always-free GB out and requests to subtract; override the book's figures (and imply applying them). */
  readonly freeDataOutGb?: number;
  readonly freeRequests?: number;
}

/**
 * Origin fetches from AWS origins (ALB, S3) are free, so only what CloudFront sends out is billed.
 * The free GB come off the United States first, then the other regions in the order listed; free
 * requests come off HTTPS first (the dearer kind), then HTTP.
 */
export const cloudFrontDistribution: ResourceType<CloudFrontDistributionResource> = {
  type: 'cloudfront_distribution',
  description: 'CloudFront distribution: data transfer out to viewers by region (tiered) and HTTP/HTTPS requests',
  fields: {
    dataOutGb: { kind: 'number' },
    dataOutGbByRegion: { kind: 'record', keys: Object.keys(VIEWER_REGIONS).filter((k) => k !== 'us') },
    httpRequests: { kind: 'number' },
    httpsRequests: { kind: 'number' },
    applyFreeTier: { kind: 'boolean' },
    freeDataOutGb: { kind: 'number' },
    freeRequests: { kind: 'number' },
  },
  withBook(r, book) {
    if (!r.applyFreeTier) return r;
    const gb = r.freeDataOutGb ?? book.allowance(CLOUDFRONT_FREE_GB_KEY)?.quantity;
    const requests = r.freeRequests ?? book.allowance(CLOUDFRONT_FREE_REQUESTS_KEY)?.quantity;
    return { ...r, ...(gb !== undefined ? { freeDataOutGb: gb } : {}), ...(requests !== undefined ? { freeRequests: requests } : {}) };
  },
  toDrafts(r) {
    const items: LineItemDraft[] = [];
    const missingFree = (field: number | undefined, key: string) => (r.applyFreeTier && field === undefined ? `the price book lists no free tier (${key}): none subtracted` : undefined);
    let freeGb = dec(r.freeDataOutGb ?? 0);
    const volumes: [ViewerRegion, number][] = [['us', r.dataOutGb ?? 0], ...(Object.entries(r.dataOutGbByRegion ?? {}) as [ViewerRegion, number][])];
    for (const [region, gb] of volumes) {
      if (region === 'us' ? r.dataOutGb === undefined : !gb) continue;
      const used = Decimal.min(freeGb, dec(gb));
      freeGb = freeGb.minus(used);
      const note = used.gt(0) ? `${dec(gb).toDecimalPlaces(2)} GB less ${used} GB free a month` : region === 'us' ? missingFree(r.freeDataOutGb, CLOUDFRONT_FREE_GB_KEY) : undefined;
      items.push({
        service: 'CloudFront',
        resource: r.name,
        component: `Data transfer out to viewers (${VIEWER_REGIONS[region]})`,
        quantity: dec(gb).minus(used),
        unit: 'GB',
        price: { kind: 'dimension', key: `cloudfront/data-transfer-out/${keyOf(region)}` },
        ...(note ? { note } : {}),
      });
    }
    let freeRequests = dec(r.freeRequests ?? 0);
    for (const [protocol, count] of [['https', r.httpsRequests], ['http', r.httpRequests]] as const) {
      if (!count) continue;
      const used = Decimal.min(freeRequests, dec(count));
      freeRequests = freeRequests.minus(used);
      const note = used.gt(0) ? `${dec(count).toDecimalPlaces(0)} requests less ${used} free a month` : missingFree(r.freeRequests, CLOUDFRONT_FREE_REQUESTS_KEY);
      items.push({
        service: 'CloudFront',
        resource: r.name,
        component: `${protocol.toUpperCase()} requests`,
        quantity: Decimal.max(ZERO, dec(count).minus(used)).div(10_000),
        unit: '10k requests',
        price: { kind: 'dimension', key: `cloudfront/requests/${protocol}/us` },
        ...(note ? { note } : {}),
      });
    }
    return items;
  },
};
