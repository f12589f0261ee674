import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EbsVolumeResource {
  readonly volumeType?: 'gp3' | 'gp2' | 'io1' | 'io2' | 'st1' | 'sc1';
  readonly sizeGb: number;
  readonly count?: number;
  readonly iops?: number;
  readonly throughputMBps?: number;
}

/** gp3 includes 3,000 IOPS and 125 MB/s; only what is provisioned above that is billed. */
export const GP3_INCLUDED_IOPS = 3000;
export const GP3_INCLUDED_THROUGHPUT_MBPS = 125;

export const ebsVolume: ResourceType<EbsVolumeResource> = {
  type: 'ebs_volume',
  description: 'EBS volumes: node root volumes, persistent volumes',
  fields: {
    volumeType: { kind: 'enum', values: ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1'] },
    sizeGb: { kind: 'number', required: true, max: 64 * 1024 },
    count: { kind: 'count' },
    iops: { kind: 'count' },
    throughputMBps: { kind: 'number', max: 2000 },
  },
  toDrafts(r) {
    const type = r.volumeType ?? 'gp3';
    const n = r.count ?? 1;
    const items: LineItemDraft[] = [
      {
        service: 'EBS',
        resource: r.name,
        component: `Storage (${type})`,
        quantity: dec(r.sizeGb).times(n),
        unit: 'GB-months',
        price: { kind: 'dimension', key: `ebs/${type}/storage` },
      },
    ];
    if (type === 'gp3') {
      const iops = Math.max(0, (r.iops ?? GP3_INCLUDED_IOPS) - GP3_INCLUDED_IOPS);
      const tput = Math.max(0, (r.throughputMBps ?? GP3_INCLUDED_THROUGHPUT_MBPS) - GP3_INCLUDED_THROUGHPUT_MBPS);
      if (iops > 0) items.push({ service: 'EBS', resource: r.name, component: 'Provisioned IOPS (gp3, above 3,000)', quantity: dec(iops).times(n), unit: 'IOPS-months', price: { kind: 'dimension', key: 'ebs/gp3/iops' } });
      if (tput > 0) items.push({ service: 'EBS', resource: r.name, component: 'Provisioned throughput (gp3, above 125 MB/s)', quantity: dec(tput).times(n), unit: 'MBps-months', price: { kind: 'dimension', key: 'ebs/gp3/throughput' } });
    } else if ((type === 'io1' || type === 'io2') && r.iops) {
      items.push({ service: 'EBS', resource: r.name, component: `Provisioned IOPS (${type})`, quantity: dec(r.iops).times(n), unit: 'IOPS-months', price: { kind: 'dimension', key: `ebs/${type}/iops` } });
    }
    return items;
  },
};
