import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EbsSnapshotResource {
  /** Standard tier: the changed blocks kept, GB. */
  readonly sizeGb: number;
  /** Archive tier: full snapshots kept, GB-months. */
  readonly archivedGb?: number;
  /** Archived snapshot data restored this month, GB. */
  readonly restoredGb?: number;
  /** Fast Snapshot Restore: availability zones it is enabled in, and the hours it stays on (default the month). */
  readonly fastRestoreAzs?: number;
  readonly fastRestoreHours?: number;
}

export const ebsSnapshot: ResourceType<EbsSnapshotResource> = {
  type: 'ebs_snapshot',
  description: 'EBS snapshots: standard-tier storage (the changed blocks kept, in GB), archive tier and restores, Fast Snapshot Restore',
  fields: {
    sizeGb: { kind: 'number', required: true },
    archivedGb: { kind: 'number' },
    restoredGb: { kind: 'number' },
    fastRestoreAzs: { kind: 'count' },
    fastRestoreHours: { kind: 'number', max: 744 },
  },
  problems: (r) => (r.fastRestoreHours !== undefined && !r.fastRestoreAzs ? ['fastRestoreHours: only with fastRestoreAzs (the zones Fast Snapshot Restore is enabled in)'] : []),
  toDrafts(r, ctx) {
    const items: LineItemDraft[] = [
      { service: 'EBS', resource: r.name, component: 'Snapshot storage', quantity: dec(r.sizeGb), unit: 'GB-months', price: { kind: 'dimension', key: 'ebs/snapshot/storage' } },
    ];
    if (r.archivedGb) items.push({ service: 'EBS', resource: r.name, component: 'Snapshot storage (archive tier)', quantity: dec(r.archivedGb), unit: 'GB-months', price: { kind: 'dimension', key: 'ebs/snapshot/archive-storage' } });
    if (r.restoredGb) items.push({ service: 'EBS', resource: r.name, component: 'Snapshot restores from the archive tier', quantity: dec(r.restoredGb), unit: 'GB', price: { kind: 'dimension', key: 'ebs/snapshot/archive-restore' } });
    if (r.fastRestoreAzs) {
      const hours = r.fastRestoreHours ?? ctx.hoursPerMonth;
      items.push({ service: 'EBS', resource: r.name, component: 'Fast Snapshot Restore', quantity: dec(hours).times(r.fastRestoreAzs), unit: 'DSU-hours', price: { kind: 'dimension', key: 'ebs/snapshot/fast-restore' }, note: `${r.fastRestoreAzs} availability zone${r.fastRestoreAzs === 1 ? '' : 's'} × ${hours} h` });
    }
    return items;
  },
};
