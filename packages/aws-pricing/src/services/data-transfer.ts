import type { DimensionRule } from '../dimension-rule.js';
import type { ProductQuery } from '../service-definition.js';
import { fixedRulesService } from '../service-definition.js';

// AWSDataTransfer products are keyed by source and destination (fromRegionCode/toRegionCode),
// not regionCode. Inter-region rates come one product per destination, so those two keys take the
// most common rate (ties go to the higher rate).
const DT = 'AWSDataTransfer';
const query = (region: string, transferType: string): ProductQuery => ({ serviceCode: DT, filters: { fromRegionCode: region, transferType } });

const otherRegion = (to: string | undefined, region: string) => to !== undefined && to !== region;

const rules: DimensionRule[] = [
  {
    key: 'data-transfer/internet-out',
    service: 'Data Transfer',
    description: 'Data transfer out to the internet',
    unit: 'GB',
    match: { serviceCode: DT, usagetype: 'DataTransfer-Out-Bytes', attributes: { transferType: 'AWS Outbound', toLocation: 'External' } },
    shape: 'tiered',
    // The free 100 GB a month is an account-wide allowance, kept in `allowances`.
    skipFreeTier: true,
  },
  {
    key: 'data-transfer/inter-az',
    service: 'Data Transfer',
    description: 'Data transfer between availability zones (per direction)',
    unit: 'GB',
    match: { serviceCode: DT, usagetype: 'DataTransfer-Regional-Bytes', attributes: { transferType: 'IntraRegion' } },
    shape: 'flat',
  },
  {
    key: 'data-transfer/to-us-east-regions',
    service: 'Data Transfer',
    description: 'Data transfer to US East regions',
    unit: 'GB',
    match: {
      serviceCode: DT,
      attributes: { transferType: 'InterRegion Outbound' },
      where: (item, region) => otherRegion(item.attributes.toRegionCode, region) && item.attributes.toRegionCode!.startsWith('us-east-'),
      example: { toRegionCode: 'us-east-2' },
    },
    shape: 'flat',
    pick: 'most-common',
  },
  {
    key: 'data-transfer/inter-region',
    service: 'Data Transfer',
    description: 'Data transfer to other regions',
    unit: 'GB',
    match: {
      serviceCode: DT,
      attributes: { transferType: 'InterRegion Outbound' },
      where: (item, region) => otherRegion(item.attributes.toRegionCode, region),
      example: { toRegionCode: 'us-west-2' },
    },
    shape: 'flat',
    pick: 'most-common',
  },
];

export const dataTransferService = fixedRulesService({
  name: 'Data Transfer',
  queries: (region) => ['AWS Outbound', 'IntraRegion', 'InterRegion Outbound'].map((t) => query(region, t)),
  rules,
  regionAttributes: (region) => ({ fromRegionCode: region }),
});
