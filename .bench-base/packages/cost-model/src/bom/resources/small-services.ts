import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
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
  readonly zones?: number;
  readonly queriesMillions?: number;
}

export const route53Zone: ResourceType<Route53ZoneResource> = {
  type: 'route53_zone',
  description: 'Route 53 hosted zones and standard queries',
  fields: { zones: { kind: 'count' }, queriesMillions: { kind: 'number' } },
  toDrafts(r) {
    const items: LineItemDraft[] = [{ service: 'Route 53', resource: r.name, component: 'Hosted zone', quantity: dec(r.zones ?? 1), unit: 'zone-months', price: { kind: 'dimension', key: 'route53/hosted-zone' } }];
    if (r.queriesMillions) items.push({ service: 'Route 53', resource: r.name, component: 'Standard queries', quantity: dec(r.queriesMillions), unit: '1M queries', price: { kind: 'dimension', key: 'route53/standard-queries' } });
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
