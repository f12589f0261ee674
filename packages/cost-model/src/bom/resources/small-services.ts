import type { LineItemDraft } from '../../cost/line-item.js';
import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface SecretsManagerResource {
  readonly secrets: number;
  readonly apiRequests?: number;
}

export const secretsManager: ResourceType<SecretsManagerResource> = {
  type: 'secrets_manager',
  description: 'Secrets Manager secrets and API calls',
  fields: { secrets: { kind: 'count', required: true }, apiRequests: { kind: 'number' } },
  toDrafts(r) {
    const items: LineItemDraft[] = [{ service: 'Secrets Manager', resource: r.name, component: 'Secrets', quantity: dec(r.secrets), unit: 'secret-months', price: { kind: 'dimension', key: 'secretsmanager/secrets' } }];
    if (r.apiRequests) items.push({ service: 'Secrets Manager', resource: r.name, component: 'API requests', quantity: dec(r.apiRequests).div(10_000), unit: '10k requests', price: { kind: 'dimension', key: 'secretsmanager/api-requests' } });
    return items;
  },
};

export interface Route53ZoneResource {
  /** Hosted zones; default 1 (0 for health checks alone). */
  readonly zones?: number;
  /** Standard queries a month, in millions. */
  readonly queriesMillions?: number;
  /** Latency-based routing queries a month, in millions. */
  readonly latencyQueriesMillions?: number;
  /** Geolocation (geo DNS) queries a month, in millions. */
  readonly geoQueriesMillions?: number;
  /** Health checks, by endpoint: on AWS resources or elsewhere. */
  readonly healthChecks?: Partial<Record<'aws' | 'other', number>>;
  /** Optional features (HTTPS, string matching, fast interval, latency measurement) summed over the health checks, by endpoint. */
  readonly healthCheckOptionalFeatures?: Partial<Record<'aws' | 'other', number>>;
}

const HEALTH_CHECK_KEY = { aws: 'aws', other: 'non-aws' } as const;
const ENDPOINT = { aws: 'AWS endpoints', other: 'other endpoints' } as const;

export const route53Zone: ResourceType<Route53ZoneResource> = {
  type: 'route53_zone',
  description: 'Route 53 hosted zones, standard, latency and geo queries, and health checks',
  fields: {
    zones: { kind: 'count' },
    queriesMillions: { kind: 'number' },
    latencyQueriesMillions: { kind: 'number' },
    geoQueriesMillions: { kind: 'number' },
    healthChecks: { kind: 'record', keys: ['aws', 'other'] },
    healthCheckOptionalFeatures: { kind: 'record', keys: ['aws', 'other'] },
  },
  toDrafts(r) {
    const line = (component: string, quantity: number, unit: string, key: string): LineItemDraft => ({ service: 'Route 53', resource: r.name, component, quantity: dec(quantity), unit, price: { kind: 'dimension', key } });
    const items: LineItemDraft[] = [];
    const zones = r.zones ?? 1;
    if (zones > 0) items.push(line('Hosted zone', zones, 'zone-months', 'route53/hosted-zone'));
    if (r.queriesMillions) items.push(line('Standard queries', r.queriesMillions, '1M queries', 'route53/standard-queries'));
    if (r.latencyQueriesMillions) items.push(line('Latency-based routing queries', r.latencyQueriesMillions, '1M queries', 'route53/latency-queries'));
    if (r.geoQueriesMillions) items.push(line('Geo DNS queries', r.geoQueriesMillions, '1M queries', 'route53/geo-queries'));
    for (const endpoint of ['aws', 'other'] as const) {
      const checks = r.healthChecks?.[endpoint];
      if (checks) items.push(line(`Health checks (${ENDPOINT[endpoint]})`, checks, 'health-check-months', `route53/health-check/${HEALTH_CHECK_KEY[endpoint]}`));
      const features = r.healthCheckOptionalFeatures?.[endpoint];
      if (features) items.push(line(`Health check optional features (${ENDPOINT[endpoint]})`, features, 'feature-months', `route53/health-check/optional-feature/${HEALTH_CHECK_KEY[endpoint]}`));
    }
    return items;
  },
};

/** The price book's key for the account's free KMS requests a month. */
export const KMS_FREE_REQUESTS_KEY = 'kms/requests/free';

export interface KmsKeyResource {
  /** Customer managed keys (AWS managed keys cost nothing to keep). */
  readonly keys: number;
  /** Symmetric requests a month (Encrypt, Decrypt, GenerateDataKey, …). */
  readonly requests?: number;
  /** Asymmetric RSA requests a month. */
  readonly rsaRequests?: number;
  /** ECC GenerateDataKeyPair requests a month. */
  readonly eccDataKeyPairRequests?: number;
  /** Subtract the account's free requests a month from the symmetric requests, as the price book lists them (only if this plan owns the account). */
  readonly applyFreeTier?: boolean;
  /** The free requests to subtract; overrides the book's figure (and implies applying it). */
  readonly freeRequests?: number;
}

export const kmsKey: ResourceType<KmsKeyResource> = {
  type: 'kms_key',
  description: 'KMS customer managed keys and their requests',
  fields: { keys: { kind: 'count', required: true }, requests: { kind: 'number' }, rsaRequests: { kind: 'number' }, eccDataKeyPairRequests: { kind: 'number' }, applyFreeTier: { kind: 'boolean' }, freeRequests: { kind: 'number' } },
  withBook(r, book) {
    if (!r.applyFreeTier || r.freeRequests !== undefined) return r;
    const allowance = book.allowance(KMS_FREE_REQUESTS_KEY);
    return allowance ? { ...r, freeRequests: allowance.quantity } : r;
  },
  toDrafts(r) {
    const line = (component: string, quantity: Decimal, unit: string, key: string, note?: string): LineItemDraft => ({ service: 'KMS', resource: r.name, component, quantity, unit, price: { kind: 'dimension', key }, ...(note ? { note } : {}) });
    const items = [line('Customer managed keys', dec(r.keys), 'key-months', 'kms/customer-managed-key')];
    if (r.requests) {
      const free = dec(r.freeRequests ?? 0);
      const note = free.gt(0)
        ? `${r.requests} requests less ${free} free a month`
        : r.applyFreeTier && r.freeRequests === undefined
          ? `the price book lists no free requests (${KMS_FREE_REQUESTS_KEY}): none subtracted`
          : undefined;
      items.push(line('Requests (symmetric)', Decimal.max(ZERO, dec(r.requests).minus(free)).div(10_000), '10k requests', 'kms/requests', note));
    }
    if (r.rsaRequests) items.push(line('Requests (asymmetric, RSA)', dec(r.rsaRequests).div(10_000), '10k requests', 'kms/requests/rsa'));
    if (r.eccDataKeyPairRequests) items.push(line('ECC GenerateDataKeyPair requests', dec(r.eccDataKeyPairRequests).div(10_000), '10k requests', 'kms/requests/ecc-generate-data-key-pair'));
    return items;
  },
};

export interface PublicIpv4Resource {
  readonly count: number;
}

export const publicIpv4: ResourceType<PublicIpv4Resource> = {
  type: 'public_ipv4',
  description: 'Public IPv4 addresses in use (load balancer nodes, NAT gateways, public instances)',
  fields: { count: { kind: 'count', required: true } },
  toDrafts: (r, ctx) => [{ service: 'VPC', resource: r.name, component: 'Public IPv4 addresses (in use)', quantity: dec(ctx.hoursPerMonth).times(r.count), unit: 'hours', price: { kind: 'dimension', key: 'vpc/public-ipv4/hours' } }],
};
