import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EcrRepositoryResource {
  readonly storageGb: number;
}

export const ecrRepository: ResourceType<EcrRepositoryResource> = {
  type: 'ecr_repository',
  description: 'ECR image storage',
  fields: { storageGb: { kind: 'number', required: true } },
  toDrafts: (r) => [{ service: 'ECR', resource: r.name, component: 'Storage (images)', quantity: dec(r.storageGb), unit: 'GB-months', price: { kind: 'dimension', key: 'ecr/storage' } }],
};
