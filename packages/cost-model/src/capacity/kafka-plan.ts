import type { KafkaSpec } from '../profiles/profile-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { Demand } from '../workload/demand.js';
import { PlanningError, type KafkaDriver, type KafkaPlan } from './capacity-types.js';
import { brokerClasses, T3_BASELINE_SHARE, type BrokerClass } from './kafka-brokers.js';
import { inClassFamilies } from './managed-classes.js';
import { ceilWholeCount, roundUpToMultiple } from './whole-count.js';
import { numberText } from '../number-text.js';

/** tier-planner assumption: one consumer group reads each event once unless the profile says more. */
export const DEFAULT_CONSUMER_GROUPS = 1;
/** tier-planner assumption: a few topics of a dozen or so partitions each. */
export const DEFAULT_PARTITIONS = 50;
/** Retention may fill a broker's volume to 85%: the disk-use alarm AWS's MSK guidance sets. */
export const STORAGE_FILL = 0.85;
/** MSK's largest EBS volume per Standard broker: 16 TiB (MSK Developer Guide, storage auto-scaling). */
export const MAX_STORAGE_GB_PER_BROKER = 16_384;

const mb = (n: number) => numberText(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const int = (n: number) => numberText(n);

/** What the cluster must carry at peak, before any broker class is chosen. */
export interface KafkaLoad {
  readonly produceMBps: number;
  readonly consumeMBps: number;
  /** Into all brokers: every produced byte is written on each of the replicationFactor replicas. */
  readonly clusterInMBps: number;
  /** Out of all brokers: replication to the followers plus every consumer group's reads. */
  readonly clusterOutMBps: number;
  readonly partitionReplicas: number;
  /** Retention × average produce rate × replication factor. */
  readonly retainedGb: number;
}

export function kafkaLoad(spec: KafkaSpec, demand: Pick<Demand, 'peakRps' | 'averageRps'>): KafkaLoad {
  const rf = spec.replicationFactor;
  const groups = spec.consumerGroups ?? DEFAULT_CONSUMER_GROUPS;
  const produceMBps = (demand.peakRps * spec.bytesPerRequest) / 1e6;
  const averageMBps = (demand.averageRps * spec.bytesPerRequest) / 1e6;
  return {
    produceMBps,
    consumeMBps: produceMBps * groups,
    clusterInMBps: produceMBps * rf,
    clusterOutMBps: produceMBps * (rf - 1 + groups),
    partitionReplicas: (spec.partitions ?? DEFAULT_PARTITIONS) * rf,
    retainedGb: (averageMBps * 3600 * spec.retentionHours * rf) / 1000,
  };
}

interface BrokerOption {
  readonly broker: BrokerClass;
  readonly brokers: number;
  readonly binding: KafkaDriver;
  readonly byLoad: number;
}

/** Brokers of one class for the load: the largest of the floors, then spread evenly over the AZs. */
function sizeFor(broker: BrokerClass, load: KafkaLoad, minimum: number, azs: number): BrokerOption {
  const needs: [KafkaDriver, number][] = [
    ['ingress', load.clusterInMBps > 0 ? ceilWholeCount(load.clusterInMBps / broker.inMBps) : 0],
    ['egress', load.clusterOutMBps > 0 ? ceilWholeCount(load.clusterOutMBps / broker.outMBps) : 0],
    ['partitions', ceilWholeCount(load.partitionReplicas / broker.spec.recommendedPartitions)],
    ['storage', ceilWholeCount(load.retainedGb / (MAX_STORAGE_GB_PER_BROKER * STORAGE_FILL))],
  ];
  let binding: KafkaDriver = 'minimum';
  let byLoad = 0;
  for (const [driver, n] of needs) {
    if (n > byLoad) [binding, byLoad] = [driver, n];
  }
  if (byLoad <= minimum) binding = 'minimum';
  return { broker, brokers: roundUpToMultiple(Math.max(minimum, byLoad), azs), binding, byLoad };
}

/**
 * MSK brokers sized by what loads them: produce and consume MB/s with replication, partitions per
 * broker and retained storage, against each priced class's per-broker figures. Brokers ≥ the
 * replication factor (one replica per broker) and a multiple of the AZ count: MSK spreads brokers
 * evenly over 2 or 3 AZs. The burstable kafka.t3 only when the smallest cluster carries the load.
 */
export function planKafka(spec: KafkaSpec, book: PriceBook, demand: Pick<Demand, 'peakRps' | 'averageRps'>, ha: boolean, azs: number): KafkaPlan {
  const load = kafkaLoad(spec, demand);
  const mskAzs = Math.min(3, Math.max(2, ha ? azs : 2));
  const minimum = roundUpToMultiple(spec.replicationFactor, mskAzs);
  const allowed = brokerClasses(book).filter((b) => inClassFamilies(b.className, spec.brokerFamilies));
  if (allowed.length === 0) throw new PlanningError('NO_CLASS_FITS', `the price book has no MSK broker with sizing facts in ${spec.brokerFamilies.join(', ')}`);
  const options = allowed
    .map((b) => sizeFor(b, load, minimum, mskAzs))
    .filter((o) => !o.broker.burstable || o.byLoad <= minimum)
    .sort((a, b) => a.brokers * a.broker.hourlyUsd - b.brokers * b.broker.hourlyUsd || a.brokers - b.brokers || (a.broker.className < b.broker.className ? -1 : 1));
  const best = options[0];
  if (!best) {
    throw new PlanningError(
      'NO_CLASS_FITS',
      `the allowed MSK brokers (${spec.brokerFamilies.join(', ')}) are all burstable and ${mb(load.produceMBps)} MB/s needs more than the smallest cluster of them; allow kafka.m5 or kafka.m7g`,
    );
  }
  const { broker, brokers, binding } = best;
  const storageGbPerBroker = Math.max(1, ceilWholeCount(load.retainedGb / (brokers * STORAGE_FILL)));
  const throughputAssumption = assumptionFor(broker);
  return {
    brokerType: broker.className,
    brokers,
    storageGbPerBroker,
    azs: mskAzs,
    produceMBps: load.produceMBps,
    consumeMBps: load.consumeMBps,
    clusterInMBps: load.clusterInMBps,
    clusterOutMBps: load.clusterOutMBps,
    partitions: spec.partitions ?? DEFAULT_PARTITIONS,
    partitionReplicasPerBroker: Math.ceil(load.partitionReplicas / brokers),
    retainedGb: load.retainedGb,
    binding,
    brokerInMBps: broker.inMBps,
    brokerOutMBps: broker.outMBps,
    throughputAssumption,
    why: explain(spec, load, best, mskAzs, minimum, storageGbPerBroker, throughputAssumption),
  };
}

function assumptionFor(b: BrokerClass): string {
  const figures = `${mb(b.inMBps)} MB/s in, ${mb(b.outMBps)} MB/s out per broker`;
  if (b.spec.throughputBasis === 'documented') return `${figures} (AWS's sustained per-broker figures for ${b.className})`;
  const base =
    `tier-planner assumption: ${figures} — AWS documents no MB/s for Standard brokers; these are the AWS MSK MCP server's recommended figures, ` +
    `counted as all bytes a broker takes in (producers and replication) and sends out (replication and consumers)`;
  return b.burstable ? `${base}, and for ${b.className} only ${T3_BASELINE_SHARE * 100}% of them (the EC2 t3.small CPU baseline; AWS gives none for MSK)` : base;
}

function explain(spec: KafkaSpec, load: KafkaLoad, best: BrokerOption, azs: number, minimum: number, storageGb: number, assumption: string): string {
  const { broker, brokers, binding } = best;
  const rf = spec.replicationFactor;
  const groups = spec.consumerGroups ?? DEFAULT_CONSUMER_GROUPS;
  const driver: Record<KafkaDriver, string> = {
    minimum: `the smallest valid cluster: replication factor ${rf} needs ${rf} brokers, spread evenly over ${azs} AZs → ${int(minimum)}`,
    ingress: `ingress: ${mb(load.clusterInMBps)} MB/s into the brokers (${mb(load.produceMBps)} MB/s produced at peak, written ${rf}×)`,
    egress: `egress: ${mb(load.clusterOutMBps)} MB/s out of the brokers (${rf - 1}× replication + ${groups} consumer group${groups === 1 ? '' : 's'} of ${mb(load.produceMBps)} MB/s)`,
    partitions: `partitions: ${int(load.partitionReplicas)} partition replicas at ≤ ${int(broker.spec.recommendedPartitions)} per ${broker.className} (AWS's recommendation)`,
    storage: `storage: ${int(Math.ceil(load.retainedGb))} GB retained at ≤ ${STORAGE_FILL * 100}% of MSK's ${int(MAX_STORAGE_GB_PER_BROKER)} GB per broker`,
  };
  const twoAzNote = azs === 2 && rf > 2 ? `; AWS advises replication factor 2 for 2-AZ clusters and 3 for 3-AZ clusters` : '';
  const defaulted = [
    ...(spec.partitions === undefined ? [`${DEFAULT_PARTITIONS} partitions`] : []),
    ...(spec.consumerGroups === undefined ? [`${DEFAULT_CONSUMER_GROUPS} consumer group`] : []),
  ];
  const defaults = defaulted.length ? ` tier-planner assumption (profile gives none): ${defaulted.join(', ')}.` : '';
  return (
    `${int(brokers)} × ${broker.className} over ${azs} AZs, bound by ${driver[binding]}${twoAzNote}. ` +
    `Load: ${mb(load.clusterInMBps)} MB/s in, ${mb(load.clusterOutMBps)} MB/s out, ${int(load.partitionReplicas)} partition replicas, ` +
    `${int(Math.ceil(load.retainedGb))} GB retained (${spec.retentionHours} h × ${rf} replicas at the average rate): ${int(storageGb)} GB per broker at ≤ ${STORAGE_FILL * 100}% full. ` +
    `${assumption}.${defaults}`
  );
}
