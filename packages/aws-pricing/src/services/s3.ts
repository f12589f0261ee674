import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

// S3 storage classes are told apart by usage type (TimedStorage-<class>-ByteHrs); requests are
// priced per request (the model per 1k); Glacier Deep Archive has its own service code. Usage type
// names: AWS S3 User Guide, "Understanding your AWS billing and usage reports for Amazon S3"
// (awsdocs/amazon-s3-userguide, read 2026-12-01).
const S3 = 'AmazonS3';
const GDA = 'AmazonS3GlacierDeepArchive';

const storage = (key: string, label: string, usagetype: string, serviceCode = S3): DimensionRule => ({
  key: `s3/${key}/storage`,
  service: 'S3',
  description: `Storage (S3 ${label})`,
  unit: 'GB-months',
  match: { serviceCode, usagetype },
  shape: 'flat',
});

const requests = (key: string, label: string, tier: 'put' | 'get', usagetype: string, serviceCode = S3): DimensionRule => ({
  key: `s3/${key}/${tier}-requests`,
  service: 'S3',
  description: `${tier === 'put' ? 'PUT, COPY, POST, LIST requests' : 'GET, SELECT and other requests'} (S3 ${label})`,
  unit: '1k requests',
  match: { serviceCode, usagetype },
  shape: 'flat',
  unitPower: 3,
});

const retrieval = (key: string, label: string, usagetype: string): DimensionRule => ({
  key: `s3/${key}/retrieval`,
  service: 'S3',
  description: `Data retrieval (S3 ${label})`,
  unit: 'GB',
  match: { serviceCode: S3, usagetype },
  shape: 'flat',
});

const perThousand = (key: string, description: string, usagetype: string, serviceCode = S3): DimensionRule => ({
  key: `s3/${key}`,
  service: 'S3',
  description,
  unit: '1k requests',
  match: { serviceCode, usagetype },
  shape: 'flat',
  unitPower: 3,
});

const perGb = (key: string, description: string, usagetype: string, serviceCode = S3): DimensionRule => ({
  key: `s3/${key}`,
  service: 'S3',
  description,
  unit: 'GB',
  match: { serviceCode, usagetype },
  shape: 'flat',
});

export const s3Service = fixedRulesService({
  name: 'S3',
  // One call per service code: an S3 region has a few hundred products, fewer than a filter per class would cost in calls.
  queries: (region) => [inRegion(S3, region), inRegion(GDA, region)],
  rules: [
    { ...storage('standard', 'Standard', 'TimedStorage-ByteHrs'), shape: 'tiered' },
    requests('standard', 'Standard', 'put', 'Requests-Tier1'),
    requests('standard', 'Standard', 'get', 'Requests-Tier2'),
    storage('standard-ia', 'Standard-IA', 'TimedStorage-SIA-ByteHrs'),
    requests('standard-ia', 'Standard-IA', 'put', 'Requests-SIA-Tier1'),
    requests('standard-ia', 'Standard-IA', 'get', 'Requests-SIA-Tier2'),
    retrieval('standard-ia', 'Standard-IA', 'Retrieval-SIA'),
    storage('one-zone-ia', 'One Zone-IA', 'TimedStorage-ZIA-ByteHrs'),
    storage('glacier-instant', 'Glacier Instant Retrieval', 'TimedStorage-GIR-ByteHrs'),
    retrieval('glacier-instant', 'Glacier Instant Retrieval', 'Retrieval-GIR'),
    storage('glacier-flexible', 'Glacier Flexible Retrieval', 'TimedStorage-GlacierByteHrs'),
    storage('deep-archive', 'Glacier Deep Archive', 'TimedStorage-GDA-ByteHrs', GDA),
    requests('deep-archive', 'Glacier Deep Archive', 'put', 'Requests-GDA-Tier1', GDA),
    requests('one-zone-ia', 'One Zone-IA', 'put', 'Requests-ZIA-Tier1'),
    requests('one-zone-ia', 'One Zone-IA', 'get', 'Requests-ZIA-Tier2'),
    retrieval('one-zone-ia', 'One Zone-IA', 'Retrieval-ZIA'),
    requests('intelligent-tiering', 'Intelligent-Tiering', 'put', 'Requests-INT-Tier1'),
    requests('intelligent-tiering', 'Intelligent-Tiering', 'get', 'Requests-INT-Tier2'),
    { ...storage('intelligent-tiering', 'Intelligent-Tiering, infrequent access', 'TimedStorage-INT-IA-ByteHrs'), key: 's3/intelligent-tiering/infrequent-storage' },
    requests('glacier-flexible', 'Glacier Flexible Retrieval', 'put', 'Requests-GLACIER-Tier1'),
    requests('glacier-flexible', 'Glacier Flexible Retrieval', 'get', 'Requests-GLACIER-Tier2'),
    requests('deep-archive', 'Glacier Deep Archive', 'get', 'Requests-GDA-Tier2', GDA),
    // Tier3 counts lifecycle transitions into S3 Glacier and standard Glacier restores alike;
    // Tier4 counts transitions into Intelligent-Tiering, Standard-IA and One Zone-IA.
    perThousand('glacier-flexible/transition-requests', 'Lifecycle transitions into S3 Glacier Flexible Retrieval', 'Requests-Tier3'),
    perThousand('standard-ia/transition-requests', 'Lifecycle transitions into S3 Standard-IA', 'Requests-Tier4'),
    perThousand('one-zone-ia/transition-requests', 'Lifecycle transitions into S3 One Zone-IA', 'Requests-Tier4'),
    perThousand('intelligent-tiering/transition-requests', 'Lifecycle transitions into S3 Intelligent-Tiering', 'Requests-Tier4'),
    perThousand('glacier-flexible/restore-requests/standard', 'Restore requests (S3 Glacier Flexible Retrieval, standard)', 'Requests-Tier3'),
    perThousand('glacier-flexible/restore-requests/bulk', 'Restore requests (S3 Glacier Flexible Retrieval, bulk)', 'Requests-Tier5'),
    perThousand('glacier-flexible/restore-requests/expedited', 'Restore requests (S3 Glacier Flexible Retrieval, expedited)', 'Requests-Tier6'),
    perThousand('deep-archive/restore-requests/standard', 'Restore requests (S3 Glacier Deep Archive, standard)', 'Requests-GDA-Tier3', GDA),
    perThousand('deep-archive/restore-requests/bulk', 'Restore requests (S3 Glacier Deep Archive, bulk)', 'Requests-GDA-Tier5', GDA),
    perGb('glacier-flexible/retrieval/standard', 'Data retrieval (S3 Glacier Flexible Retrieval, standard)', 'Standard-Retrieval-Bytes'),
    perGb('glacier-flexible/retrieval/bulk', 'Data retrieval (S3 Glacier Flexible Retrieval, bulk)', 'Bulk-Retrieval-Bytes'),
    perGb('glacier-flexible/retrieval/expedited', 'Data retrieval (S3 Glacier Flexible Retrieval, expedited)', 'Expedited-Retrieval-Bytes'),
    perGb('deep-archive/retrieval/standard', 'Data retrieval (S3 Glacier Deep Archive, standard)', 'Standard-Retrieval-Bytes', GDA),
    perGb('deep-archive/retrieval/bulk', 'Data retrieval (S3 Glacier Deep Archive, bulk)', 'Bulk-Retrieval-Bytes', GDA),
    perGb('standard/select-scanned', 'S3 Select data scanned (S3 Standard)', 'Select-Scanned-Bytes'),
    perGb('standard/select-returned', 'S3 Select data returned (S3 Standard)', 'Select-Returned-Bytes'),
    {
      key: 's3/intelligent-tiering/frequent-storage',
      service: 'S3',
      description: 'Storage (S3 Intelligent-Tiering, frequent access)',
      unit: 'GB-months',
      match: { serviceCode: S3, usagetype: 'TimedStorage-INT-FA-ByteHrs' },
      shape: 'first-tier',
    },
    {
      key: 's3/intelligent-tiering/monitoring',
      service: 'S3',
      description: 'Monitoring and automation (S3 Intelligent-Tiering)',
      unit: '1k objects',
      match: { serviceCode: S3, usagetype: 'Monitoring-Automation-INT' },
      shape: 'flat',
      unitPower: 3,
    },
  ],
});
