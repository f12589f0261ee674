import type { DimensionRule } from '../dimension-rule.js';
import type { PriceListItem } from '../price-list-item.js';
import { fixedRulesService, inRegion, type ServiceDefinition } from '../service-definition.js';

// Keys the embedded snapshot mostly lacks: ElastiCache Memcached nodes, RDS Provisioned IOPS
// storage (io1, io2) and T2 surplus CPU credits. Products are matched the way the neighbouring
// services match theirs (cacheEngine, volumeType, usage type); a key no product matches stays in
// `missing` with its reason instead of being mispriced. Windows hours, EBS-optimized surcharges,
// snapshot archive/Fast Snapshot Restore and RDS Extended Support are not read here: their
// product families were not confirmed in any source read, so they stay unpriced until they are.
const EC = 'AmazonElastiCache';
const RDS = 'AmazonRDS';
const EC2 = 'AmazonEC2';

function memcachedRule(nodeType: string): DimensionRule {
  return {
    key: `elasticache/memcached/${nodeType}`,
    service: 'ElastiCache',
    description: `Memcached ${nodeType} node`,
    unit: 'node-hours',
    match: { serviceCode: EC, productFamily: 'Cache Instance', attributes: { cacheEngine: 'Memcached', instanceType: nodeType } },
    shape: 'flat',
  };
}

export const memcachedService: ServiceDefinition = {
  name: 'ElastiCache Memcached',
  queries: (region) => [inRegion(EC, region, { productFamily: 'Cache Instance', cacheEngine: 'Memcached' })],
  ruleFor: (key) => {
    const parts = key.split('/');
    return parts.length === 3 && parts[0] === 'elasticache' && parts[1] === 'memcached' && parts[2]!.startsWith('cache.') ? memcachedRule(parts[2]!) : undefined;
  },
  keysOffered: (items: readonly PriceListItem[]) =>
    items.filter((i) => i.productFamily === 'Cache Instance' && i.attributes.cacheEngine === 'Memcached' && i.attributes.instanceType?.startsWith('cache.')).map((i) => `elasticache/memcached/${i.attributes.instanceType}`),
  regionAttributes: (region) => ({ regionCode: region }),
};

const DEPLOYMENTS = { 'single-az': { option: 'Single-AZ', label: 'Single-AZ', prefix: '' }, 'multi-az': { option: 'Multi-AZ', label: 'Multi-AZ', prefix: 'Multi-AZ-' } } as const;
const VOLUME = { io1: { volumeType: 'Provisioned IOPS', usage: 'PIOPS', label: 'provisioned IOPS SSD, io1' }, io2: { volumeType: 'Provisioned IOPS-IO2', usage: 'IO2-PIOPS', label: 'provisioned IOPS SSD, io2' } } as const;
const anyEngine = (item: PriceListItem) => ['Any', 'PostgreSQL', 'MySQL'].includes(item.attributes.databaseEngine ?? '');

const rdsIoRules: DimensionRule[] = (['io1', 'io2'] as const).flatMap((type) =>
  (['single-az', 'multi-az'] as const).flatMap((d): DimensionRule[] => [
    {
      key: `rds/${type}/storage/${d}`,
      service: 'RDS',
      description: `Storage (${VOLUME[type].label}, ${DEPLOYMENTS[d].label})`,
      unit: 'GB-months',
      match: { serviceCode: RDS, productFamily: 'Database Storage', attributes: { volumeType: VOLUME[type].volumeType, deploymentOption: DEPLOYMENTS[d].option }, where: anyEngine, example: { databaseEngine: 'Any' } },
      shape: 'flat',
    },
    {
      key: `rds/${type}/iops/${d}`,
      service: 'RDS',
      description: `Provisioned IOPS (${type}, ${DEPLOYMENTS[d].label})`,
      unit: 'IOPS-months',
      match: { serviceCode: RDS, productFamily: 'Provisioned IOPS', usagetype: `RDS:${DEPLOYMENTS[d].prefix}${VOLUME[type].usage}`, attributes: { deploymentOption: DEPLOYMENTS[d].option }, where: anyEngine, example: { databaseEngine: 'Any' } },
      shape: 'flat',
    },
  ]),
);

export const rdsProvisionedIopsService = fixedRulesService({
  name: 'RDS io1/io2',
  queries: (region) => ['Database Storage', 'Provisioned IOPS'].map((productFamily) => inRegion(RDS, region, { productFamily })),
  rules: rdsIoRules,
});

export const t2CreditsService = fixedRulesService({
  name: 'EC2 T2 credits',
  queries: (region) => [inRegion(EC2, region, { productFamily: 'CPU Credits', operatingSystem: 'Linux' })],
  rules: [
    {
      key: 'ec2/cpu-credits/t2',
      service: 'EC2',
      description: 'CPU credits (t2 unlimited)',
      unit: 'vCPU-hours',
      match: { serviceCode: EC2, productFamily: 'CPU Credits', usagetype: 'CPUCredits:t2', attributes: { operatingSystem: 'Linux' } },
      shape: 'flat',
    },
  ],
});
