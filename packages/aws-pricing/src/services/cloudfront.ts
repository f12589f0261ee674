import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService } from '../service-definition.js';

// CloudFront is global: its usage types carry the viewer region's two-letter code ("US-…"), as the
// CloudFront Developer Guide's "Interpreting your AWS bill and usage report" lists them
// (awsdocs/amazon-cloudfront-developer-guide, read 2026-12-01). Only the United States codes are
// read: the other regions' codes ("EU-", …) look like region prefixes to the usage-type reader.
const CF = 'AmazonCloudFront';

const rule = (key: string, description: string, unit: string, usagetype: string, extra: Partial<DimensionRule> = {}): DimensionRule => ({
  key,
  service: 'CloudFront',
  description,
  unit,
  match: { serviceCode: CF, usagetype },
  shape: 'flat',
  // The always-free tier is an allowance the model subtracts itself.
  skipFreeTier: true,
  ...extra,
});

export const cloudfrontService = fixedRulesService({
  name: 'CloudFront',
  queries: () => [{ serviceCode: CF, filters: {} }],
  rules: [
    rule('cloudfront/data-transfer-out/us', 'CloudFront regional data transfer out to the internet (United States, Mexico, Canada)', 'GB', 'US-DataTransfer-Out-Bytes', { shape: 'tiered' }),
    rule('cloudfront/requests/http/us', 'CloudFront HTTP GET and HEAD requests (United States)', '10k requests', 'US-Requests-Tier1', { unitPower: 4 }),
    rule('cloudfront/requests/https/us', 'CloudFront HTTPS GET and HEAD requests (United States)', '10k requests', 'US-Requests-Tier2-HTTPS', { unitPower: 4 }),
  ],
  regionAttributes: () => ({ location: 'United States' }),
});
