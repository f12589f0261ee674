import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EksClusterResource {
  readonly support?: 'standard' | 'extended';
  readonly count?: number;
}

export const eksCluster: ResourceType<EksClusterResource> = {
  type: 'eks_cluster',
  description: 'EKS control plane; extended support is one total hourly rate, not an add-on',
  fields: { support: { kind: 'enum', values: ['standard', 'extended'] }, count: { kind: 'count' } },
  toDrafts(r, ctx) {
    const support = r.support ?? 'standard';
    return [
      {
        service: 'EKS',
        resource: r.name,
        component: `EKS cluster (${support} support)`,
        quantity: dec(ctx.hoursPerMonth).times(r.count ?? 1),
        unit: 'hours',
        price: { kind: 'dimension', key: `eks/cluster/${support}-support` },
      },
    ];
  },
};
