// MSK broker classes with what one broker carries: the price book's partition limits and MB/s,
// with the burstable kafka.t3 credited only a baseline share. Built once per book.
import type { PriceBook } from '../pricing/price-book.js';
import type { BrokerSpec } from '../pricing/snapshot-types.js';

/**
 * tier-planner assumption: a kafka.t3 broker sustains 20% of the figure AWS's MSK tool gives it
 * (the tool credits kafka.t3.small with kafka.m5.large's MB/s). 20% is the CPU baseline EC2 gives
 * a t3.small (EC2 user guide, burstable credit table); AWS publishes none for MSK brokers, and
 * calls T3 brokers a fit for development and small or bursty workloads.
 */
export const T3_BASELINE_SHARE = 0.2;

export interface BrokerClass {
  readonly className: string;
  readonly hourlyUsd: number;
  readonly spec: BrokerSpec;
  readonly burstable: boolean;
  /** MB/s one broker takes in (producers + replication) and sends out (replication + consumers). */
  readonly inMBps: number;
  readonly outMBps: number;
}

const cache = new WeakMap<PriceBook, readonly BrokerClass[]>();

/**
 * Priced Standard MSK brokers that have sizing facts; a broker without them cannot be sized and is
 * left out. Express brokers are left out too: their quotas count client bytes only and they need
 * 3 AZs, which this sizing does not model (the price book has no Express prices today).
 */
export function brokerClasses(book: PriceBook): readonly BrokerClass[] {
  let classes = cache.get(book);
  if (!classes) {
    classes = book.dimensions.flatMap((d) => {
      const spec = d.spec?.broker;
      if (!d.key.startsWith('msk/broker/') || spec?.brokerType !== 'standard' || d.usd === undefined) return [];
      const className = d.key.slice('msk/broker/'.length);
      const burstable = className.startsWith('kafka.t3.');
      const share = burstable ? T3_BASELINE_SHARE : 1;
      return [{ className, hourlyUsd: Number(d.usd), spec, burstable, inMBps: spec.ingressMBps * share, outMBps: spec.egressMBps * share }];
    });
    cache.set(book, classes);
  }
  return classes;
}
