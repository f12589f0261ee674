import type { LineItemDraft } from '../../cost/line-item.js';
import { dec, type Decimal } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface EbsVolumeResource {
  readonly volumeType?: 'gp3' | 'gp2' | 'io1' | 'io2' | 'st1' | 'sc1';
  readonly sizeGb: number;
  readonly count?: number;
  readonly iops?: number;
  readonly throughputMBps?: number;
  /** Of `count` (the peak), the volumes kept all month (root volumes of the always-on nodes). */
  readonly floor?: number;
  /** Volume-hours of the others a month: a scaled-down node's root volume is deleted with it. */
  readonly burstHours?: number;
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
    floor: { kind: 'count' },
    burstHours: { kind: 'number' },
  },
  toDrafts(r, ctx) {
    const type = r.volumeType ?? 'gp3';
    const n = r.count ?? 1;
    const storage = (what: string, volumeMonths: Decimal, load?: 'floor' | 'burst'): LineItemDraft => ({
      service: 'EBS',
      resource: r.name,
      component: `${what} (${type})`,
      quantity: dec(r.sizeGb).times(volumeMonths),
      unit: 'GB-months',
      price: { kind: 'dimension', key: `ebs/${type}/storage` },
      ...(load ? { load } : {}),
    });
    const items: LineItemDraft[] = [];
    if (r.floor === undefined) items.push(storage('Storage', dec(n)));
    else {
      items.push(storage('Storage', dec(r.floor), 'floor'));
      // GB-months bill per GB-hour: a volume kept h hours of the month is h ÷ hours-per-month of a month
      // (a float like every derived quantity, so prices multiply it without rounding).
      if ((r.burstHours ?? 0) > 0) items.push(storage('Burst storage', dec(r.burstHours! / ctx.hoursPerMonth), 'burst'));
    }
    // Provisioned IOPS and throughput follow the volumes that exist, like the storage.
    const volumeMonths = r.floor === undefined ? dec(n) : dec(r.floor).plus(dec((r.burstHours ?? 0) / ctx.hoursPerMonth));
    if (type === 'gp3') {
      const iops = Math.max(0, (r.iops ?? GP3_INCLUDED_IOPS) - GP3_INCLUDED_IOPS);
      const tput = Math.max(0, (r.throughputMBps ?? GP3_INCLUDED_THROUGHPUT_MBPS) - GP3_INCLUDED_THROUGHPUT_MBPS);
      if (iops > 0) items.push({ service: 'EBS', resource: r.name, component: 'Provisioned IOPS (gp3, above 3,000)', quantity: volumeMonths.times(iops), unit: 'IOPS-months', price: { kind: 'dimension', key: 'ebs/gp3/iops' } });
      if (tput > 0) items.push({ service: 'EBS', resource: r.name, component: 'Provisioned throughput (gp3, above 125 MB/s)', quantity: volumeMonths.times(tput), unit: 'MBps-months', price: { kind: 'dimension', key: 'ebs/gp3/throughput' } });
    } else if ((type === 'io1' || type === 'io2') && r.iops) {
      items.push({ service: 'EBS', resource: r.name, component: `Provisioned IOPS (${type})`, quantity: volumeMonths.times(r.iops), unit: 'IOPS-months', price: { kind: 'dimension', key: `ebs/${type}/iops` } });
    }
    return items;
  },
};
