import type { KafkaSpec } from '../profiles/profile-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import { PlanningError, type KafkaPlan } from './capacity-types.js';
import { inClassFamilies, managedClasses, type ManagedClass } from './managed-classes.js';
import { ceilWholeCount, roundUpToMultiple } from './whole-count.js';

interface BrokerOption {
  readonly broker: ManagedClass;
  readonly brokers: number;
  readonly hourly: number;
}

/**
 * MSK brokers. Ingress = peak rps × bytes per request; a broker takes mbPerSecondPerBrokerVcpu
 * per 2 vCPUs (the figure is for a 2-vCPU broker). Brokers ≥ the replication factor (each replica
 * on its own broker) and ≥ the AZ count when HA (else 2), a multiple of the AZ count when HA (MSK
 * spreads brokers evenly over AZs). Storage per broker holds retention × replication.
 */
export function planKafka(spec: KafkaSpec, book: PriceBook, peakRps: number, ha: boolean, azs: number): KafkaPlan {
  const ingressMBps = (peakRps * spec.bytesPerRequest) / 1e6;
  const minimum = Math.max(spec.replicationFactor, ha ? azs : 2);
  const options: BrokerOption[] = managedClasses(book)
    .filter((c) => c.parts[0] === 'broker' && inClassFamilies(c.className, spec.brokerFamilies))
    .map((broker) => {
      const perBroker = (spec.mbPerSecondPerBrokerVcpu * broker.vcpu) / 2;
      const byThroughput = ingressMBps > 0 ? ceilWholeCount(ingressMBps / perBroker) : 0;
      const atLeast = Math.max(byThroughput, minimum);
      const brokers = ha ? roundUpToMultiple(atLeast, azs) : atLeast;
      return { broker, brokers, hourly: brokers * broker.hourlyUsd };
    })
    .sort((a, b) => a.hourly - b.hourly || a.brokers - b.brokers || (a.broker.className < b.broker.className ? -1 : 1));
  const best = options[0];
  if (!best) throw new PlanningError('NO_CLASS_FITS', `the price book has no MSK broker in ${spec.brokerFamilies.join(', ')}`);
  const storedGb = (ingressMBps * 3600 * spec.retentionHours * spec.replicationFactor) / 1000;
  const storageGbPerBroker = Math.max(1, ceilWholeCount(storedGb / best.brokers));
  return {
    brokerType: best.broker.className,
    brokers: best.brokers,
    storageGbPerBroker,
    why:
      `${best.brokers.toLocaleString('en-US')} × ${best.broker.className} is the cheapest broker set for ${ingressMBps.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MB/s of ingress ` +
      `(replication factor ${spec.replicationFactor}, ${spec.retentionHours} h retention: ${storageGbPerBroker.toLocaleString('en-US')} GB per broker).`,
  };
}
