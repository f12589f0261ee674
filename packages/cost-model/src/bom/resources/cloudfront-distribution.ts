import type { LineItemDraft } from '../../cost/line-item.js';
import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface CloudFrontDistributionResource {
  /** GB CloudFront sends to viewers a month (United States, Mexico and Canada prices). */
  readonly dataOutGb: number;
  /** HTTPS requests viewers make a month. */
  readonly httpsRequests?: number;
  /** The always-free tier to subtract (only if this plan owns the account): GB out and requests. */
  readonly freeDataOutGb?: number;
  readonly freeRequests?: number;
}

/** Origin fetches from AWS origins (ALB, S3) are free, so only what CloudFront sends out is billed here. */
export const cloudFrontDistribution: ResourceType<CloudFrontDistributionResource> = {
  type: 'cloudfront_distribution',
  description: 'CloudFront distribution: data transfer out to viewers (tiered) and HTTPS requests',
  fields: { dataOutGb: { kind: 'number', required: true }, httpsRequests: { kind: 'number' }, freeDataOutGb: { kind: 'number' }, freeRequests: { kind: 'number' } },
  toDrafts(r) {
    const freeGb = dec(r.freeDataOutGb ?? 0);
    const items: LineItemDraft[] = [
      {
        service: 'CloudFront',
        resource: r.name,
        component: 'Data transfer out to viewers (US, Mexico, Canada)',
        quantity: Decimal.max(ZERO, dec(r.dataOutGb).minus(freeGb)),
        unit: 'GB',
        price: { kind: 'dimension', key: 'cloudfront/data-transfer-out/us' },
        ...(freeGb.gt(0) ? { note: `${dec(r.dataOutGb).toDecimalPlaces(2)} GB less ${freeGb} GB free a month` } : {}),
      },
    ];
    if (r.httpsRequests) {
      const free = dec(r.freeRequests ?? 0);
      items.push({
        service: 'CloudFront',
        resource: r.name,
        component: 'HTTPS requests',
        quantity: Decimal.max(ZERO, dec(r.httpsRequests).minus(free)).div(10_000),
        unit: '10k requests',
        price: { kind: 'dimension', key: 'cloudfront/requests/https/us' },
        ...(free.gt(0) ? { note: `${dec(r.httpsRequests).toDecimalPlaces(0)} requests less ${free} free a month` } : {}),
      });
    }
    return items;
  },
};
