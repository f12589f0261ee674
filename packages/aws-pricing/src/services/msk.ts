import type { DimensionRule } from '../dimension-rule.js';
import { baseUsageType, type PriceListItem } from '../price-list-item.js';
import { inRegion, type ServiceDefinition } from '../service-definition.js';

// Amazon MSK has no instanceType attribute: brokers are usage types "Kafka.<class>" (with
// computeFamily, vcpu and memoryGib attributes); storage, throughput and Serverless are other
// usage types of the same service.
const MSK = 'AmazonMSK';
const BROKER_USAGE = /^Kafka\.([a-z]+\d+[a-z]*\.[a-z0-9]+)$/;

const rule = (key: string, description: string, unit: string, usagetype: string): DimensionRule => ({
  key: `msk/${key}`,
  service: 'MSK',
  description,
  unit,
  match: { serviceCode: MSK, usagetype },
  shape: 'flat',
});

const FIXED: readonly DimensionRule[] = [
  rule('storage', 'Broker storage (EBS)', 'GB-months', 'Kafka.Storage.GP2'),
  rule('provisioned-throughput', 'Provisioned storage throughput', 'MBps-months', 'Kafka.Throughput'),
  rule('serverless/cluster-hours', 'MSK Serverless cluster', 'cluster-hours', 'KafkaServerless-ClusterHours'),
  rule('serverless/partition-hours', 'MSK Serverless partitions', 'partition-hours', 'KafkaServerless-PartitionHours'),
  rule('serverless/storage', 'MSK Serverless storage', 'GiB-months', 'KafkaServerless-StorageHours'),
  rule('serverless/data-in', 'MSK Serverless data in', 'GiB', 'KafkaServerless-In-Bytes'),
  rule('serverless/data-out', 'MSK Serverless data out', 'GiB', 'KafkaServerless-Out-Bytes'),
];

function ruleFor(key: string): DimensionRule | undefined {
  const fixed = FIXED.find((r) => r.key === key);
  if (fixed) return fixed;
  const broker = /^msk\/broker\/kafka\.(.+)$/.exec(key);
  if (!broker) return undefined;
  return { ...rule(`broker/kafka.${broker[1]}`, `Broker kafka.${broker[1]}`, 'broker-hours', `Kafka.${broker[1]}`), spec: true };
}

function keysOffered(items: readonly PriceListItem[]): string[] {
  const keys = new Set(FIXED.map((r) => r.key));
  for (const item of items) {
    const m = BROKER_USAGE.exec(baseUsageType(item.attributes.usagetype));
    if (m && item.serviceCode === MSK) keys.add(`msk/broker/kafka.${m[1]}`);
  }
  return [...keys];
}

export const mskService: ServiceDefinition = {
  name: 'MSK',
  // One call: an MSK region has a few dozen products, and Serverless ones carry no productFamily filter we can rely on.
  queries: (region) => [inRegion(MSK, region)],
  ruleFor,
  keysOffered,
  regionAttributes: (region) => ({ regionCode: region }),
};
