import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface MskClusterResource {
  readonly brokerType: string;
  readonly brokers: number;
  readonly storageGbPerBroker?: number;
}

export const mskCluster: ResourceType<MskClusterResource> = {
  type: 'msk_cluster',
  description: 'MSK provisioned cluster: broker hours and broker storage',
  fields: { brokerType: { kind: 'string', required: true }, brokers: { kind: 'count', min: 1, required: true }, storageGbPerBroker: { kind: 'number', max: 16384 } },
  toDrafts(r, ctx) {
    const items: LineItemDraft[] = [
      { service: 'MSK', resource: r.name, component: `Broker instances (${r.brokerType})`, quantity: dec(ctx.hoursPerMonth).times(r.brokers), unit: 'broker-hours', price: { kind: 'dimension', key: `msk/broker/${r.brokerType}` } },
    ];
    if (r.storageGbPerBroker) items.push({ service: 'MSK', resource: r.name, component: 'Broker storage', quantity: dec(r.storageGbPerBroker).times(r.brokers), unit: 'GB-months', price: { kind: 'dimension', key: 'msk/storage' } });
    return items;
  },
};
