import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

// S3 storage classes are told apart by usage type (TimedStorage-<class>-ByteHrs); requests are
// priced per request (the model per 1k); Glacier Deep Archive has its own service code.
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
