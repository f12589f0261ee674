import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export type RdsDeployment = 'single-az' | 'multi-az' | 'multi-az-cluster';

export interface RdsInstanceResource {
  readonly engine: 'postgresql' | 'mysql';
  readonly instanceClass: string;
  readonly deployment?: RdsDeployment;
  /** Instances of this shape, e.g. read replicas (each is billed as its own instance). */
  readonly count?: number;
  readonly storageGb?: number;
  /** gp3 IOPS provisioned above the included baseline. */
  readonly extraIops?: number;
  /** Backup storage beyond the free allocation (100% of provisioned storage). */
  readonly backupStorageGb?: number;
}

export const rdsInstance: ResourceType<RdsInstanceResource> = {
  type: 'rds_instance',
  description: 'RDS PostgreSQL or MySQL instances with gp3 storage',
  fields: {
    engine: { kind: 'enum', values: ['postgresql', 'mysql'], required: true },
    instanceClass: { kind: 'string', required: true },
    deployment: { kind: 'enum', values: ['single-az', 'multi-az', 'multi-az-cluster'] },
    count: { kind: 'count' },
    storageGb: { kind: 'number', max: 65536 },
    extraIops: { kind: 'count' },
    backupStorageGb: { kind: 'number' },
  },
  toDrafts(r, ctx) {
    const deployment = r.deployment ?? 'single-az';
    const n = r.count ?? 1;
    const items: LineItemDraft[] = [
      {
        service: 'RDS',
        resource: r.name,
        component: `Database instance (${r.engine}, ${r.instanceClass}, ${deployment})`,
        quantity: dec(ctx.hoursPerMonth).times(n),
        unit: deployment === 'multi-az-cluster' ? 'cluster-hours' : 'hours',
        price: { kind: 'dimension', key: `rds/${r.engine}/${r.instanceClass}/${deployment}` },
      },
    ];
    if (r.storageGb) items.push({ service: 'RDS', resource: r.name, component: `Storage (gp3, ${deployment})`, quantity: dec(r.storageGb).times(n), unit: 'GB-months', price: { kind: 'dimension', key: `rds/${r.engine}/gp3/storage/${deployment}` } });
    if (r.extraIops) items.push({ service: 'RDS', resource: r.name, component: `Provisioned IOPS (gp3, above baseline, ${deployment})`, quantity: dec(r.extraIops).times(n), unit: 'IOPS-months', price: { kind: 'dimension', key: `rds/${r.engine}/gp3/iops/${deployment}` } });
    if (r.backupStorageGb) items.push({ service: 'RDS', resource: r.name, component: 'Backup storage (beyond the free allocation)', quantity: dec(r.backupStorageGb), unit: 'GB-months', price: { kind: 'dimension', key: 'rds/backup-storage' } });
    return items;
  },
};
