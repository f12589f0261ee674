import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

/** Storage classes (and Intelligent-Tiering access tiers), each with its price-key stem. */
const CLASSES = {
  standard: { key: 's3/standard/storage', label: 'S3 Standard' },
  standardIa: { key: 's3/standard-ia/storage', label: 'S3 Standard-IA' },
  oneZoneIa: { key: 's3/one-zone-ia/storage', label: 'S3 One Zone-IA' },
  glacierInstant: { key: 's3/glacier-instant/storage', label: 'S3 Glacier Instant Retrieval' },
  glacierFlexible: { key: 's3/glacier-flexible/storage', label: 'S3 Glacier Flexible Retrieval' },
  deepArchive: { key: 's3/deep-archive/storage', label: 'S3 Glacier Deep Archive' },
  intelligentTiering: { key: 's3/intelligent-tiering/frequent-storage', label: 'S3 Intelligent-Tiering, frequent access' },
  intelligentTieringInfrequent: { key: 's3/intelligent-tiering/infrequent-storage', label: 'S3 Intelligent-Tiering, infrequent access' },
  intelligentTieringArchiveInstant: { key: 's3/intelligent-tiering/archive-instant-storage', label: 'S3 Intelligent-Tiering, archive instant access' },
  intelligentTieringArchive: { key: 's3/intelligent-tiering/archive-storage', label: 'S3 Intelligent-Tiering, archive access' },
  intelligentTieringDeepArchive: { key: 's3/intelligent-tiering/deep-archive-storage', label: 'S3 Intelligent-Tiering, deep archive access' },
} as const;

export type S3StorageClass = keyof typeof CLASSES;

/** Classes with their own request prices (S3 Standard keeps putRequests/getRequests). */
const REQUEST_CLASSES = {
  standardIa: { stem: 's3/standard-ia', label: 'S3 Standard-IA' },
  oneZoneIa: { stem: 's3/one-zone-ia', label: 'S3 One Zone-IA' },
  intelligentTiering: { stem: 's3/intelligent-tiering', label: 'S3 Intelligent-Tiering' },
  glacierInstant: { stem: 's3/glacier-instant', label: 'S3 Glacier Instant Retrieval' },
  glacierFlexible: { stem: 's3/glacier-flexible', label: 'S3 Glacier Flexible Retrieval' },
  deepArchive: { stem: 's3/deep-archive', label: 'S3 Glacier Deep Archive' },
} as const;

/** Data retrieved per GB; the archive classes price each retrieval speed on its own. */
const RETRIEVALS = {
  standardIa: { key: 's3/standard-ia/retrieval', label: 'S3 Standard-IA' },
  oneZoneIa: { key: 's3/one-zone-ia/retrieval', label: 'S3 One Zone-IA' },
  glacierInstant: { key: 's3/glacier-instant/retrieval', label: 'S3 Glacier Instant Retrieval' },
  glacierFlexible: { key: 's3/glacier-flexible/retrieval/standard', label: 'S3 Glacier Flexible Retrieval, standard' },
  glacierFlexibleExpedited: { key: 's3/glacier-flexible/retrieval/expedited', label: 'S3 Glacier Flexible Retrieval, expedited' },
  glacierFlexibleBulk: { key: 's3/glacier-flexible/retrieval/bulk', label: 'S3 Glacier Flexible Retrieval, bulk' },
  deepArchive: { key: 's3/deep-archive/retrieval/standard', label: 'S3 Glacier Deep Archive, standard' },
  deepArchiveBulk: { key: 's3/deep-archive/retrieval/bulk', label: 'S3 Glacier Deep Archive, bulk' },
} as const;

/** Restore requests of the archive classes, per retrieval speed. */
const RESTORES = {
  glacierFlexible: { key: 's3/glacier-flexible/restore-requests/standard', label: 'S3 Glacier Flexible Retrieval, standard' },
  glacierFlexibleExpedited: { key: 's3/glacier-flexible/restore-requests/expedited', label: 'S3 Glacier Flexible Retrieval, expedited' },
  glacierFlexibleBulk: { key: 's3/glacier-flexible/restore-requests/bulk', label: 'S3 Glacier Flexible Retrieval, bulk' },
  deepArchive: { key: 's3/deep-archive/restore-requests/standard', label: 'S3 Glacier Deep Archive, standard' },
  deepArchiveBulk: { key: 's3/deep-archive/restore-requests/bulk', label: 'S3 Glacier Deep Archive, bulk' },
} as const;

/**
 * Minimum storage durations, in days, for the classes that bill the rest of it when an object is
 * deleted (or moved) early: AWS S3 User Guide, "Understanding your AWS billing and usage reports for
 * Amazon S3" (EarlyDelete-SIA/-ZIA 30 days, EarlyDelete-ByteHrs 90 days for S3 Glacier,
 * EarlyDelete-GDA 180 days). Glacier Instant Retrieval is not in that guide: its early-delete line
 * stays unpriced until a source gives its minimum. Intelligent-Tiering (30 days there) is left out:
 * the guide does not say which tier's rate the remainder bills at.
 */
const MINIMUM_DAYS = {
  standardIa: { days: 30, key: 's3/standard-ia/storage' },
  oneZoneIa: { days: 30, key: 's3/one-zone-ia/storage' },
  glacierInstant: { days: undefined, key: 's3/glacier-instant/early-delete' },
  glacierFlexible: { days: 90, key: 's3/glacier-flexible/storage' },
  deepArchive: { days: 180, key: 's3/deep-archive/storage' },
} as const;

type EarlyDeleteClass = keyof typeof MINIMUM_DAYS;

export interface S3BucketResource {
  /** GB stored per storage class or Intelligent-Tiering tier (monthly average); optional: a bucket may only take requests. */
  readonly storageGb?: Partial<Record<S3StorageClass, number>>;
  /** PUT, COPY, POST, LIST requests a month (S3 Standard). */
  readonly putRequests?: number;
  /** GET and other requests a month (S3 Standard). */
  readonly getRequests?: number;
  /** PUT, COPY, POST, LIST requests a month on objects of other classes. */
  readonly putRequestsByClass?: Partial<Record<keyof typeof REQUEST_CLASSES, number>>;
  /** GET, SELECT and other requests a month on objects of other classes. */
  readonly getRequestsByClass?: Partial<Record<keyof typeof REQUEST_CLASSES, number>>;
  /** GB retrieved a month, by class and retrieval speed. */
  readonly retrievalGb?: Partial<Record<keyof typeof RETRIEVALS, number>>;
  /** Restore requests a month to the archive classes, by retrieval speed. */
  readonly restoreRequests?: Partial<Record<keyof typeof RESTORES, number>>;
  /** Lifecycle transition requests a month, by destination class. */
  readonly transitionRequests?: Partial<Record<keyof typeof REQUEST_CLASSES, number>>;
  /** Objects Intelligent-Tiering monitors (128 KB and larger). */
  readonly monitoredObjects?: number;
  /** GB deleted (or moved out) a month before the class's minimum storage duration. */
  readonly earlyDeletedGb?: Partial<Record<EarlyDeleteClass, number>>;
  /** Their average age in days when deleted; default 0 (the whole minimum is billed). */
  readonly earlyDeletedAgeDays?: Partial<Record<EarlyDeleteClass, number>>;
  /** S3 Select on S3 Standard: GB scanned and GB returned a month. */
  readonly selectScannedGb?: number;
  readonly selectReturnedGb?: number;
}

const per1k = (n: number) => dec(n).div(1000);

export const s3Bucket: ResourceType<S3BucketResource> = {
  type: 's3_bucket',
  description: 'S3 storage by class, requests, retrievals, lifecycle transitions, Intelligent-Tiering, early deletes and Select',
  fields: {
    storageGb: { kind: 'record', keys: Object.keys(CLASSES) },
    putRequests: { kind: 'number' },
    getRequests: { kind: 'number' },
    putRequestsByClass: { kind: 'record', keys: Object.keys(REQUEST_CLASSES) },
    getRequestsByClass: { kind: 'record', keys: Object.keys(REQUEST_CLASSES) },
    retrievalGb: { kind: 'record', keys: Object.keys(RETRIEVALS) },
    restoreRequests: { kind: 'record', keys: Object.keys(RESTORES) },
    transitionRequests: { kind: 'record', keys: Object.keys(REQUEST_CLASSES) },
    monitoredObjects: { kind: 'number' },
    earlyDeletedGb: { kind: 'record', keys: Object.keys(MINIMUM_DAYS) },
    earlyDeletedAgeDays: { kind: 'record', keys: Object.keys(MINIMUM_DAYS) },
    selectScannedGb: { kind: 'number' },
    selectReturnedGb: { kind: 'number' },
  },
  toDrafts(r, ctx) {
    const items: LineItemDraft[] = [];
    const line = (component: string, quantity: ReturnType<typeof dec>, unit: string, key: string, note?: string) =>
      items.push({ service: 'S3', resource: r.name, component, quantity, unit, price: { kind: 'dimension', key }, ...(note ? { note } : {}) });
    for (const [cls, gb] of entries(r.storageGb)) line(`Storage (${CLASSES[cls].label})`, dec(gb), 'GB-months', CLASSES[cls].key);
    if (r.putRequests) line('PUT, COPY, POST, LIST requests (S3 Standard)', per1k(r.putRequests), '1k requests', 's3/standard/put-requests');
    if (r.getRequests) line('GET and other requests (S3 Standard)', per1k(r.getRequests), '1k requests', 's3/standard/get-requests');
    for (const [cls, n] of entries(r.putRequestsByClass)) line(`PUT, COPY, POST, LIST requests (${REQUEST_CLASSES[cls].label})`, per1k(n), '1k requests', `${REQUEST_CLASSES[cls].stem}/put-requests`);
    for (const [cls, n] of entries(r.getRequestsByClass)) line(`GET and other requests (${REQUEST_CLASSES[cls].label})`, per1k(n), '1k requests', `${REQUEST_CLASSES[cls].stem}/get-requests`);
    for (const [k, gb] of entries(r.retrievalGb)) line(`Data retrieval (${RETRIEVALS[k].label})`, dec(gb), 'GB', RETRIEVALS[k].key);
    for (const [k, n] of entries(r.restoreRequests)) line(`Restore requests (${RESTORES[k].label})`, per1k(n), '1k requests', RESTORES[k].key);
    for (const [cls, n] of entries(r.transitionRequests)) line(`Lifecycle transitions into ${REQUEST_CLASSES[cls].label}`, per1k(n), '1k requests', `${REQUEST_CLASSES[cls].stem}/transition-requests`);
    if (r.monitoredObjects) line('Monitoring and automation (S3 Intelligent-Tiering)', per1k(r.monitoredObjects), '1k objects', 's3/intelligent-tiering/monitoring');
    for (const [cls, gb] of entries(r.earlyDeletedGb)) {
      const { days, key } = MINIMUM_DAYS[cls];
      const age = r.earlyDeletedAgeDays?.[cls] ?? 0;
      const label = CLASSES[cls].label;
      if (days === undefined) {
        line(`Early delete (${label})`, dec(gb), 'GB', key, 'no minimum storage duration in the sources for this class');
        continue;
      }
      // The rest of the minimum, billed as storage: GB × remaining days in GB-months of this month's hours.
      const remainingDays = Math.max(0, days - age);
      line(`Early delete (${label}, ${days}-day minimum)`, dec(gb).times(remainingDays).times(24).div(ctx.hoursPerMonth), 'GB-months', key, `${gb} GB deleted at ${age} days: ${remainingDays} days of the ${days}-day minimum billed as storage`);
    }
    if (r.selectScannedGb) line('S3 Select data scanned (S3 Standard)', dec(r.selectScannedGb), 'GB', 's3/standard/select-scanned');
    if (r.selectReturnedGb) line('S3 Select data returned (S3 Standard)', dec(r.selectReturnedGb), 'GB', 's3/standard/select-returned');
    return items;
  },
};

function entries<K extends string>(rec: Partial<Record<K, number>> | undefined): [K, number][] {
  return Object.entries(rec ?? {}).filter(([, v]) => v !== undefined) as [K, number][];
}
