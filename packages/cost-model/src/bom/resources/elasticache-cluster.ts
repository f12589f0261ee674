import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface ElastiCacheClusterResource {
  readonly engine?: 'redis' | 'valkey' | 'memcached';
  readonly nodeType: string;
  readonly nodes?: number;
  /** Backup (snapshot) storage kept, GB-months; every GB is billed (no free allowance is in the price book). */
  readonly backupStorageGb?: number;
}

export const elastiCacheCluster: ResourceType<ElastiCacheClusterResource> = {
  type: 'elasticache_cluster',
  description: 'ElastiCache nodes (Redis OSS, Valkey or Memcached; primaries and replicas) and backup storage',
  fields: {
    engine: { kind: 'enum', values: ['redis', 'valkey', 'memcached'] },
    nodeType: { kind: 'string', required: true },
    nodes: { kind: 'count', min: 1 },
    backupStorageGb: { kind: 'number' },
  },
  problems: (r) => (r.engine === 'memcached' && r.backupStorageGb ? ['backupStorageGb: Memcached keeps no backups'] : []),
  toDrafts(r, ctx) {
    const engine = r.engine ?? 'redis';
    const items: LineItemDraft[] = [
      { service: 'ElastiCache', resource: r.name, component: `Cache nodes (${engine}, ${r.nodeType})`, quantity: dec(ctx.hoursPerMonth).times(r.nodes ?? 1), unit: 'node-hours', price: { kind: 'dimension', key: `elasticache/${engine}/${r.nodeType}` } },
    ];
    if (r.backupStorageGb) items.push({ service: 'ElastiCache', resource: r.name, component: 'Backup storage', quantity: dec(r.backupStorageGb), unit: 'GB-months', price: { kind: 'dimension', key: 'elasticache/backup-storage' } });
    return items;
  },
};
