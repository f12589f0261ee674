import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface VpcEndpointResource {
  /** Interface endpoints (one per AWS service reached privately). */
  readonly interfaceEndpoints: number;
  /** AZs each interface endpoint has a network interface in (each is billed by the hour). */
  readonly azs: number;
  /** GB the interface endpoints process a month. */
  readonly dataProcessedGb?: number;
}

/** Interface endpoints bill per endpoint per AZ-hour and per GB; an S3 gateway endpoint is free and needs no resource. */
export const vpcEndpoint: ResourceType<VpcEndpointResource> = {
  type: 'vpc_endpoint',
  description: 'Interface VPC endpoints (PrivateLink): endpoint-AZ hours and data processed',
  fields: { interfaceEndpoints: { kind: 'count', required: true }, azs: { kind: 'count', required: true, min: 1 }, dataProcessedGb: { kind: 'number' } },
  toDrafts(r, ctx) {
    const items: LineItemDraft[] = [
      { service: 'VPC', resource: r.name, component: 'Interface endpoint (per AZ)', quantity: dec(ctx.hoursPerMonth).times(r.interfaceEndpoints).times(r.azs), unit: 'endpoint-AZ-hours', price: { kind: 'dimension', key: 'vpc/interface-endpoint/hours' } },
    ];
    if (r.dataProcessedGb) items.push({ service: 'VPC', resource: r.name, component: 'Data processed (interface endpoints)', quantity: dec(r.dataProcessedGb), unit: 'GB', price: { kind: 'dimension', key: 'vpc/interface-endpoint/data-processed' } });
    return items;
  },
};
