import type { PriceDimension } from '@tier-planner/cost-model';
import { flat, tiered, type FactRows } from './fact-rows.js';

/**
 * Usage-driven dimensions beyond storage: S3 per-class requests, retrievals, restores, lifecycle
 * transitions and Intelligent-Tiering tiers; Route 53 latency and geo queries; KMS asymmetric
 * requests. Every figure is a row of the shared facts; what they lack is in USAGE_MISSING.
 */
export function buildUsagePrices(f: FactRows): PriceDimension[] {
  const g = f.golden1.bind(f);
  return [
    // S3 Intelligent-Tiering tiers (frequent and monitoring are in service-prices.ts)
    flat('s3/intelligent-tiering/infrequent-storage', 'S3', 'Storage (S3 Intelligent-Tiering, infrequent access)', 'GB-months', g('S3', /^Intelligent-Tiering infrequent access storage/)),
    flat('s3/intelligent-tiering/archive-storage', 'S3', 'Storage (S3 Intelligent-Tiering, archive access)', 'GB-months', g('S3', /^Intelligent-Tiering archive access storage/)),
    flat('s3/intelligent-tiering/deep-archive-storage', 'S3', 'Storage (S3 Intelligent-Tiering, deep archive access)', 'GB-months', g('S3', /^Intelligent-Tiering deep archive access storage/)),

    // S3 Glacier Flexible Retrieval
    flat('s3/glacier-flexible/put-requests', 'S3', 'PUT, COPY, POST, LIST requests (S3 Glacier Flexible Retrieval)', '1k requests', g('S3', /^Glacier Flexible Retrieval PUT/)),
    flat('s3/glacier-flexible/transition-requests', 'S3', 'Lifecycle transitions into S3 Glacier Flexible Retrieval', '1k requests', g('S3', /^Glacier Flexible Retrieval lifecycle transition/)),
    flat('s3/glacier-flexible/restore-requests/standard', 'S3', 'Restore requests (S3 Glacier Flexible Retrieval, standard)', '1k requests', g('S3', /^Glacier Flexible Retrieval retrieval requests \(standard\)/), {
      note: "AWS's re:Post article on Glacier retrieval costs works its example at $0.05 per 1,000 standard requests; the shared facts give this figure",
    }),
    flat('s3/glacier-flexible/restore-requests/expedited', 'S3', 'Restore requests (S3 Glacier Flexible Retrieval, expedited)', '1k requests', g('S3', /^Glacier Flexible Retrieval retrieval requests \(expedited\)/)),
    flat('s3/glacier-flexible/retrieval/standard', 'S3', 'Data retrieval (S3 Glacier Flexible Retrieval, standard)', 'GB', g('S3', /^Glacier Flexible Retrieval retrievals \(standard\)/)),
    flat('s3/glacier-flexible/retrieval/expedited', 'S3', 'Data retrieval (S3 Glacier Flexible Retrieval, expedited)', 'GB', g('S3', /^Glacier Flexible Retrieval retrievals \(expedited\)/)),

    // S3 Glacier Deep Archive
    flat('s3/deep-archive/restore-requests/standard', 'S3', 'Restore requests (S3 Glacier Deep Archive, standard)', '1k requests', g('S3', /^Glacier Deep Archive retrieval requests \(standard\)/)),
    flat('s3/deep-archive/restore-requests/bulk', 'S3', 'Restore requests (S3 Glacier Deep Archive, bulk)', '1k requests', g('S3', /^Glacier Deep Archive retrieval requests \(bulk\)/)),
    flat('s3/deep-archive/retrieval/standard', 'S3', 'Data retrieval (S3 Glacier Deep Archive, standard)', 'GB', g('S3', /^Glacier Deep Archive retrievals \(standard\)/)),
    flat('s3/deep-archive/retrieval/bulk', 'S3', 'Data retrieval (S3 Glacier Deep Archive, bulk)', 'GB', g('S3', /^Glacier Deep Archive retrievals \(bulk\)/)),

    // Route 53 routing-policy queries (tiered at 1B queries, like standard queries)
    tiered('route53/latency-queries', 'Route 53', 'Latency-based routing queries', '1M queries', [
      { upTo: '1000', picked: g('Route 53', /^Latency based routing queries \(first 1B\)/) },
      { upTo: null, picked: g('Route 53', /^Latency based routing queries \(over 1B\)/) },
    ]),
    tiered('route53/geo-queries', 'Route 53', 'Geo DNS queries', '1M queries', [
      { upTo: '1000', picked: g('Route 53', /^Geo DNS queries \(first 1B\)/) },
      { upTo: null, picked: g('Route 53', /^Geo DNS queries \(over 1B\)/) },
    ]),

    // KMS asymmetric requests
    flat('kms/requests/rsa', 'KMS', 'Requests (asymmetric, RSA)', '10k requests', g('KMS', /^Requests \(asymmetric, RSA 3072\)/)),
    flat('kms/requests/ecc-generate-data-key-pair', 'KMS', 'ECC GenerateDataKeyPair requests', '10k requests', g('KMS', /^ECC GenerateDataKeyPair requests/)),
  ];
}

const NOT_IN_FACTS = 'not in the shared facts, and no AWS page read (2026-12-01) gave the figure';

/** Keys the BOM prices by that no source here gives: unpriced, with the reason, until a refresh fills them. */
export const USAGE_MISSING: readonly { key: string; reason: string }[] = [
  ...['one-zone-ia', 'intelligent-tiering', 'glacier-instant'].flatMap((c) => [
    { key: `s3/${c}/put-requests`, reason: `S3 ${c} PUT/COPY/POST/LIST request price ${NOT_IN_FACTS}` },
    { key: `s3/${c}/get-requests`, reason: `S3 ${c} GET/SELECT request price ${NOT_IN_FACTS}` },
  ]),
  { key: 's3/glacier-flexible/get-requests', reason: `S3 Glacier Flexible Retrieval GET request price ${NOT_IN_FACTS}` },
  { key: 's3/deep-archive/get-requests', reason: `S3 Glacier Deep Archive GET request price ${NOT_IN_FACTS}` },
  { key: 's3/one-zone-ia/retrieval', reason: `S3 One Zone-IA retrieval price ${NOT_IN_FACTS}` },
  { key: 's3/glacier-flexible/retrieval/bulk', reason: `S3 Glacier Flexible Retrieval bulk retrieval price ${NOT_IN_FACTS}` },
  { key: 's3/glacier-flexible/restore-requests/bulk', reason: `S3 Glacier Flexible Retrieval bulk restore request price ${NOT_IN_FACTS}` },
  ...['standard-ia', 'one-zone-ia', 'intelligent-tiering', 'glacier-instant', 'deep-archive'].map((c) => ({ key: `s3/${c}/transition-requests`, reason: `S3 lifecycle transition price into ${c} ${NOT_IN_FACTS}` })),
  { key: 's3/intelligent-tiering/archive-instant-storage', reason: `S3 Intelligent-Tiering archive instant access storage price ${NOT_IN_FACTS}` },
  { key: 's3/glacier-instant/early-delete', reason: 'the minimum storage duration of S3 Glacier Instant Retrieval is not in the AWS usage-report guide read (2026-12-01)' },
  { key: 's3/standard/select-scanned', reason: `S3 Select data scanned price ${NOT_IN_FACTS}` },
  { key: 's3/standard/select-returned', reason: `S3 Select data returned price ${NOT_IN_FACTS}` },
  { key: 'route53/health-check/aws', reason: `Route 53 health check price (AWS endpoints) ${NOT_IN_FACTS}; only third-party pages quote it` },
  { key: 'route53/health-check/non-aws', reason: `Route 53 health check price (other endpoints) ${NOT_IN_FACTS}; only third-party pages quote it` },
  { key: 'route53/health-check/optional-feature/aws', reason: `Route 53 health check optional feature price (AWS endpoints) ${NOT_IN_FACTS}` },
  { key: 'route53/health-check/optional-feature/non-aws', reason: `Route 53 health check optional feature price (other endpoints) ${NOT_IN_FACTS}` },
];
