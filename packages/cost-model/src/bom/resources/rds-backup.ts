import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface RdsBackupResource {
  /** Automated backups and snapshots kept, GB. */
  readonly storedGb: number;
  /** Backup storage free in the region: the provisioned database storage (AWS: 100% of it). */
  readonly freeGb?: number;
}

export const rdsBackup: ResourceType<RdsBackupResource> = {
  type: 'rds_backup',
  description: 'RDS backup storage beyond the free allocation (automated backups and snapshots)',
  fields: { storedGb: { kind: 'number', required: true }, freeGb: { kind: 'number' } },
  toDrafts(r) {
    const free = dec(r.freeGb ?? 0);
    return [
      {
        service: 'RDS',
        resource: r.name,
        component: 'Backup storage (beyond the free allocation)',
        quantity: Decimal.max(ZERO, dec(r.storedGb).minus(free)),
        unit: 'GB-months',
        price: { kind: 'dimension', key: 'rds/backup-storage' },
        note: `${dec(r.storedGb).toDecimalPlaces(2)} GB kept less ${free.toDecimalPlaces(2)} GB free (the provisioned database storage)`,
      },
    ];
  },
};
