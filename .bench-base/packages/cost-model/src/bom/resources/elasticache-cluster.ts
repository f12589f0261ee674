import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface ElastiCacheClusterResource {
  readonly engine?: 'redis' | 'valkey';
  readonly nodeType: string;
  readonly nodes?: number;
}

export const elastiCacheCluster: ResourceType<ElastiCacheClusterResource> = {
  type: 'elasticache_cluster',
  description: 'ElastiCache nodes (primaries and replicas)',
  fields: { engine: { kind: 'enum', values: ['redis', 'valkey'] }, nodeType: { kind: 'string', required: true }, nodes: { kind: 'count', min: 1 } },
  toDrafts(r, ctx) {
    const engine = r.engine ?? 'redis';
    return [
      { service: 'ElastiCache', resource: r.name, component: `Cache nodes (${engine}, ${r.nodeType})`, quantity: dec(ctx.hoursPerMonth).times(r.nodes ?? 1), unit: 'node-hours', price: { kind: 'dimension', key: `elasticache/${engine}/${r.nodeType}` } },
    ];
  },
};
