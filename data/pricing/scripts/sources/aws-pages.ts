import type { Allowance, PriceDimension, SourceRef } from '@tier-planner/cost-model';
import { trimDecimal } from './ec2-catalog.js';

// Prices the shared facts do not hold, read from AWS's own pricing pages (found with a search of
// public pages on 2026-12-01). Each figure names its page; what no AWS page gave is listed missing.

const READ_ON = '2026-12-01';
const TB = 1024;

export const AWS_PAGE_SOURCES: Record<string, SourceRef> = {
  'aws-cloudfront-pricing': {
    title: 'Amazon CloudFront pricing page: regional data transfer out to the internet by viewer region, and the always-free tier',
    ref: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
  'aws-privatelink-pricing': {
    title: 'AWS PrivateLink pricing page: interface endpoint data processed per region (tiered)',
    ref: 'https://aws.amazon.com/jp/privatelink/pricing/ (AWS\'s Japanese edition of https://aws.amazon.com/privatelink/pricing/)',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
  'aws-support-pricing': {
    title: 'AWS Support plan pricing page: Developer, Business, Enterprise On-Ramp and Enterprise (share of monthly AWS usage, monthly minimum)',
    ref: 'https://aws.amazon.com/jp/premiumsupport/pricing/ and https://aws.amazon.com/vi/premiumsupport/pricing/ (AWS\'s own localised editions)',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
  'aws-kms-pricing': {
    title: 'AWS KMS pricing page: free tier of 20,000 requests a month, calculated across all regions',
    ref: 'https://aws.amazon.com/kms/pricing/',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
  'aws-rds-backup-blog': {
    title: 'AWS Database Blog, "Demystifying Amazon RDS backup storage costs": backup storage up to 100% of the database storage in a Region is free',
    ref: 'https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
};

// Decimals as the Price List writes them once trimmed ("0.08", not "0.080"), so a refresh compares equal.
const usdTiers = (tiers: readonly [number | null, string][]) => tiers.map(([upTo, usd]) => ({ upTo: upTo === null ? null : String(upTo), usd: trimDecimal(usd) }));

/** The Support share of each band of monthly AWS charges, and the monthly minimum, per plan. */
const SUPPORT_PLANS: readonly { plan: string; title: string; minimum: string; tiers: readonly [number | null, string][] }[] = [
  { plan: 'developer', title: 'Developer', minimum: '29', tiers: [[null, '0.03']] },
  { plan: 'business', title: 'Business', minimum: '100', tiers: [[10_000, '0.10'], [80_000, '0.07'], [250_000, '0.05'], [null, '0.03']] },
  { plan: 'enterprise-on-ramp', title: 'Enterprise On-Ramp', minimum: '5500', tiers: [[null, '0.10']] },
  { plan: 'enterprise', title: 'Enterprise', minimum: '15000', tiers: [[150_000, '0.10'], [500_000, '0.07'], [1_000_000, '0.05'], [null, '0.03']] },
];

/** CloudFront data transfer out per viewer region, as the pricing page's table lists it (USD per GB). */
const CLOUDFRONT_TIER_ENDS: readonly (number | null)[] = [10 * TB, 50 * TB, 150 * TB, 500 * TB, 1024 * TB, 5 * 1024 * TB, null];
export const CLOUDFRONT_REGIONS: readonly { region: string; title: string; usd: readonly string[] }[] = [
  { region: 'us', title: 'United States, Mexico, Canada', usd: ['0.085', '0.080', '0.060', '0.040', '0.030', '0.025', '0.020'] },
  { region: 'europe', title: 'Europe, Israel, Türkiye', usd: ['0.085', '0.080', '0.060', '0.040', '0.030', '0.025', '0.020'] },
  { region: 'south-africa-middle-east', title: 'South Africa, Kenya, Nigeria, Middle East', usd: ['0.110', '0.105', '0.090', '0.080', '0.060', '0.050', '0.040'] },
  { region: 'south-america', title: 'South America', usd: ['0.110', '0.105', '0.090', '0.080', '0.060', '0.050', '0.040'] },
  { region: 'japan', title: 'Japan', usd: ['0.114', '0.089', '0.086', '0.084', '0.080', '0.070', '0.060'] },
  { region: 'australia', title: 'Australia, New Zealand', usd: ['0.114', '0.098', '0.094', '0.092', '0.090', '0.085', '0.080'] },
  { region: 'asia-pacific', title: 'Hong Kong, Indonesia, Philippines, Singapore, South Korea, Taiwan, Thailand, Malaysia, Vietnam', usd: ['0.120', '0.100', '0.095', '0.090', '0.080', '0.070', '0.060'] },
  { region: 'india', title: 'India', usd: ['0.109', '0.085', '0.082', '0.080', '0.078', '0.075', '0.072'] },
];

export function buildAwsPagePrices(): PriceDimension[] {
  const onDemand = { purchaseOption: 'on-demand' as const };
  return [
    {
      key: 'cloudfront/data-transfer-out/us',
      service: 'CloudFront',
      description: 'CloudFront regional data transfer out to the internet (United States, Mexico, Canada)',
      unit: 'GB',
      tiers: usdTiers([[10 * TB, '0.085'], [50 * TB, '0.080'], [150 * TB, '0.060'], [500 * TB, '0.040'], [1024 * TB, '0.030'], [5 * 1024 * TB, '0.025'], [null, '0.020']]),
      ...onDemand,
      source: 'aws-cloudfront-pricing',
      note: 'tiers: first 10 TB, next 40 TB, next 100 TB, next 350 TB, next 524 TB, next 4 PB, over 5 PB; origin fetches from AWS origins are free',
    },
    ...CLOUDFRONT_REGIONS.filter((r) => r.region !== 'us').map(
      (r): PriceDimension => ({
        key: `cloudfront/data-transfer-out/${r.region}`,
        service: 'CloudFront',
        description: `CloudFront regional data transfer out to the internet (${r.title})`,
        unit: 'GB',
        tiers: usdTiers(CLOUDFRONT_TIER_ENDS.map((end, i) => [end, r.usd[i]!])),
        ...onDemand,
        source: 'aws-cloudfront-pricing',
        note: 'tiers: first 10 TB, next 40 TB, next 100 TB, next 350 TB, next 524 TB, next 4 PB, over 5 PB, measured separately for each viewer region',
      }),
    ),
    {
      key: 'vpc/interface-endpoint/data-processed',
      service: 'VPC',
      description: 'Data processed by interface VPC endpoints (all interface endpoints in the region)',
      unit: 'GB',
      tiers: usdTiers([[1024 * TB, '0.01'], [5 * 1024 * TB, '0.006'], [null, '0.004']]),
      ...onDemand,
      source: 'aws-privatelink-pricing',
    },
    ...SUPPORT_PLANS.flatMap((s): PriceDimension[] => [
      {
        key: `support/${s.plan}/share-of-charges`,
        service: 'Support',
        description: `AWS Support ${s.title}: share of the monthly AWS charges, by band`,
        unit: 'USD of AWS charges',
        tiers: usdTiers(s.tiers),
        ...onDemand,
        source: 'aws-support-pricing',
      },
      {
        key: `support/${s.plan}/monthly-minimum`,
        service: 'Support',
        description: `AWS Support ${s.title}: monthly minimum charge`,
        unit: 'months',
        usd: s.minimum,
        ...onDemand,
        source: 'aws-support-pricing',
      },
    ]),
  ];
}

export function buildAwsPageAllowances(): Allowance[] {
  return [
    { key: 'cloudfront/data-transfer-out/free-gb', description: 'CloudFront data transfer out free each month (always-free tier, per account)', quantity: 1024, unit: 'GB', source: 'aws-cloudfront-pricing' },
    { key: 'cloudfront/requests/free', description: 'CloudFront HTTP or HTTPS requests free each month (always-free tier, per account)', quantity: 10_000_000, unit: 'requests', source: 'aws-cloudfront-pricing' },
    { key: 'kms/requests/free', description: 'KMS requests free each month (free tier, calculated across all regions)', quantity: 20_000, unit: 'requests', source: 'aws-kms-pricing' },
    { key: 'rds/backup-storage/free-share', description: 'RDS backup storage free up to this share of the provisioned database storage in the region', quantity: 1, unit: 'ratio', source: 'aws-rds-backup-blog' },
  ];
}

/** Keys the model prices by that no AWS page read gave a figure for: unpriced until a refresh fills them. */
export const AWS_PAGE_MISSING: readonly { key: string; reason: string }[] = [
  { key: 'cloudfront/requests/http/us', reason: 'CloudFront HTTP request prices are not in the shared facts and no AWS page read (2026-12-01) gave the figure' },
  { key: 'cloudfront/requests/https/us', reason: 'CloudFront HTTPS request prices are not in the shared facts and no AWS page read (2026-12-01) gave the figure' },
  { key: 'waf/web-acl', reason: 'AWS WAF prices are not in the shared facts and no AWS page read (2026-12-01) gave the figure (AWS\'s WAF guides point to the pricing page); only third-party pages quote it' },
  { key: 'waf/rules', reason: 'AWS WAF prices are not in the shared facts and no AWS page read (2026-12-01) gave the figure; only third-party pages quote it' },
  { key: 'waf/requests', reason: 'AWS WAF prices are not in the shared facts and no AWS page read (2026-12-01) gave the figure; only third-party pages quote it' },
  { key: 'vpc/interface-endpoint/hours', reason: 'the hourly price per interface endpoint per AZ is not in the shared facts and the AWS PrivateLink page read (2026-12-01) showed only data processing' },
];
