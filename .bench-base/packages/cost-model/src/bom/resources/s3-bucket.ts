import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

const CLASSES = {
  standard: { key: 's3/standard/storage', label: 'S3 Standard' },
  standardIa: { key: 's3/standard-ia/storage', label: 'S3 Standard-IA' },
  oneZoneIa: { key: 's3/one-zone-ia/storage', label: 'S3 One Zone-IA' },
  glacierInstant: { key: 's3/glacier-instant/storage', label: 'S3 Glacier Instant Retrieval' },
  glacierFlexible: { key: 's3/glacier-flexible/storage', label: 'S3 Glacier Flexible Retrieval' },
  deepArchive: { key: 's3/deep-archive/storage', label: 'S3 Glacier Deep Archive' },
} as const;

export type S3StorageClass = keyof typeof CLASSES;

export interface S3BucketResource {
  /** GB stored per storage class (monthly average). */
  readonly storageGb: Partial<Record<S3StorageClass, number>>;
  /** PUT, COPY, POST, LIST requests a month (S3 Standard). */
  readonly putRequests?: number;
  /** GET and other requests a month (S3 Standard). */
  readonly getRequests?: number;
}

export const s3Bucket: ResourceType<S3BucketResource> = {
  type: 's3_bucket',
  description: 'S3 storage by class, and Standard requests',
  fields: {
    storageGb: { kind: 'record', keys: Object.keys(CLASSES), required: true },
    putRequests: { kind: 'number' },
    getRequests: { kind: 'number' },
  },
  toDrafts(r) {
    const items: LineItemDraft[] = [];
    for (const [cls, gb] of Object.entries(r.storageGb) as [S3StorageClass, number][]) {
      if (gb === undefined) continue;
      const c = CLASSES[cls];
      items.push({ service: 'S3', resource: r.name, component: `Storage (${c.label})`, quantity: dec(gb), unit: 'GB-months', price: { kind: 'dimension', key: c.key } });
    }
    if (r.putRequests) items.push({ service: 'S3', resource: r.name, component: 'PUT, COPY, POST, LIST requests (S3 Standard)', quantity: dec(r.putRequests).div(1000), unit: '1k requests', price: { kind: 'dimension', key: 's3/standard/put-requests' } });
    if (r.getRequests) items.push({ service: 'S3', resource: r.name, component: 'GET and other requests (S3 Standard)', quantity: dec(r.getRequests).div(1000), unit: '1k requests', price: { kind: 'dimension', key: 's3/standard/get-requests' } });
    return items;
  },
};
