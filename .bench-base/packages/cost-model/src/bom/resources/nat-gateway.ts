import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface NatGatewayResource {
  readonly count?: number;
  readonly dataProcessedGb?: number;
}

export const natGateway: ResourceType<NatGatewayResource> = {
  type: 'nat_gateway',
  description: 'NAT gateways (hours and data processed)',
  fields: { count: { kind: 'count' }, dataProcessedGb: { kind: 'number' } },
  toDrafts(r, ctx) {
    const items: LineItemDraft[] = [
      { service: 'VPC', resource: r.name, component: 'NAT gateway', quantity: dec(ctx.hoursPerMonth).times(r.count ?? 1), unit: 'hours', price: { kind: 'dimension', key: 'vpc/nat-gateway/hours' } },
    ];
    if (r.dataProcessedGb) items.push({ service: 'VPC', resource: r.name, component: 'Data processed (NAT gateway)', quantity: dec(r.dataProcessedGb), unit: 'GB', price: { kind: 'dimension', key: 'vpc/nat-gateway/data-processed' } });
    return items;
  },
};
