import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

// EBS is part of the AmazonEC2 price list: volumes are productFamily "Storage" keyed by
// volumeApiName; gp3/io1/io2 IOPS are "System Operation" and gp3 throughput "Provisioned
// Throughput", told apart by usage type (io2 has separate ".tier2"/".tier3" usage types).
const EC2 = 'AmazonEC2';

const storage = (api: string, label: string): DimensionRule => ({
  key: `ebs/${api}/storage`,
  service: 'EBS',
  description: `Storage (${label})`,
  unit: 'GB-months',
  match: { serviceCode: EC2, productFamily: 'Storage', attributes: { volumeApiName: api } },
  shape: 'flat',
});

const iops = (api: string, usagetype: string, description: string): DimensionRule => ({
  key: `ebs/${api}/iops`,
  service: 'EBS',
  description,
  unit: 'IOPS-months',
  match: { serviceCode: EC2, productFamily: 'System Operation', usagetype, attributes: { volumeApiName: api } },
  shape: 'flat',
});

export const ebsService = fixedRulesService({
  name: 'EBS',
  queries: (region) =>
    ['Storage', 'System Operation', 'Provisioned Throughput', 'Storage Snapshot'].map((productFamily) => inRegion(EC2, region, { productFamily })),
  rules: [
    storage('gp2', 'general purpose SSD, gp2'),
    storage('gp3', 'general purpose SSD, gp3'),
    storage('io1', 'provisioned IOPS SSD, io1'),
    storage('io2', 'provisioned IOPS SSD, io2'),
    storage('st1', 'throughput optimized HDD, st1'),
    storage('sc1', 'cold HDD, sc1'),
    iops('gp3', 'EBS:VolumeP-IOPS.gp3', 'Provisioned IOPS (gp3, above 3,000 included)'),
    iops('io1', 'EBS:VolumeP-IOPS.piops', 'Provisioned IOPS (io1)'),
    iops('io2', 'EBS:VolumeP-IOPS.io2', 'Provisioned IOPS (io2, first 32,000)'),
    {
      key: 'ebs/gp3/throughput',
      service: 'EBS',
      description: 'Provisioned throughput (gp3, above 125 MB/s included)',
      unit: 'MBps-months',
      match: { serviceCode: EC2, productFamily: 'Provisioned Throughput', attributes: { volumeApiName: 'gp3' } },
      shape: 'flat',
    },
    {
      key: 'ebs/snapshot/storage',
      service: 'EBS',
      description: 'EBS snapshot storage',
      unit: 'GB-months',
      match: { serviceCode: EC2, productFamily: 'Storage Snapshot', usagetype: 'EBS:SnapshotUsage' },
      shape: 'flat',
    },
  ],
});
