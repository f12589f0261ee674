import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EbsSnapshotResource {
  readonly sizeGb: number;
}

export const ebsSnapshot: ResourceType<EbsSnapshotResource> = {
  type: 'ebs_snapshot',
  description: 'EBS snapshot storage (the changed blocks kept, in GB)',
  fields: { sizeGb: { kind: 'number', required: true } },
  toDrafts: (r) => [
    { service: 'EBS', resource: r.name, component: 'Snapshot storage', quantity: dec(r.sizeGb), unit: 'GB-months', price: { kind: 'dimension', key: 'ebs/snapshot/storage' } },
  ],
};
