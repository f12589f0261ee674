import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KafkaSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planTier } from '../plan/plan-tier.js';
import { PlanningError } from './capacity-types.js';
import { brokerClasses, T3_BASELINE_SHARE } from './kafka-brokers.js';
import { kafkaLoad, MAX_STORAGE_GB_PER_BROKER, planKafka, STORAGE_FILL } from './kafka-plan.js';

const book = loadPriceBook({ region: 'us-east-1' });
const hourly = (cls: string) => Number(book.price(`msk/broker/${cls}`)!.usd);
const broker = (cls: string) => brokerClasses(book).find((b) => b.className === cls)!;

const kafka: KafkaSpec = {
  fromUsers: 1,
  brokerFamilies: ['kafka.t3', 'kafka.m5', 'kafka.m7g'],
  bytesPerRequest: 500,
  retentionHours: 168,
  replicationFactor: 3,
  consumerGroups: 2,
  partitions: 60,
};
/** Peak 4× the average, as the trading profiles assume. */
const load = (peakRps: number) => ({ peakRps, averageRps: peakRps / 4 });

describe('MSK broker facts in the price book', () => {
  it('every priced broker has partition limits and MB/s; Standard MB/s are marked as an AWS tool figure', () => {
    const priced = book.dimensions.filter((d) => d.key.startsWith('msk/broker/'));
    expect(priced.length).toBeGreaterThan(0);
    for (const d of priced) {
      const b = d.spec!.broker!;
      expect(b.maxPartitions).toBeGreaterThanOrEqual(b.recommendedPartitions);
      expect(b.ingressMBps).toBeGreaterThan(0);
      if (b.brokerType === 'standard') expect(b.throughputBasis).toBe('aws-tool');
    }
    expect(book.price('msk/broker/kafka.t3.small')!.spec!.broker!.maxPartitions).toBe(300);
  });

  it('credits kafka.t3.small with a baseline share, not kafka.m5.large throughput', () => {
    const t3 = broker('kafka.t3.small');
    const m5 = broker('kafka.m5.large');
    expect(t3.spec.ingressMBps).toBe(m5.spec.ingressMBps); // what the AWS tool says
    expect(t3.inMBps).toBeCloseTo(m5.inMBps * T3_BASELINE_SHARE, 10);
  });
});

describe('MSK load', () => {
  it('writes each produced byte RF times and sends it to RF − 1 followers and every consumer group', () => {
    const l = kafkaLoad(kafka, load(10_000)); // 10,000 rps × 500 B = 5 MB/s
    expect(l.produceMBps).toBeCloseTo(5, 10);
    expect(l.clusterInMBps).toBeCloseTo(15, 10);
    expect(l.clusterOutMBps).toBeCloseTo(5 * (2 + 2), 10);
    expect(l.partitionReplicas).toBe(180);
    // retention at the average rate: 1.25 MB/s × 168 h × 3 replicas
    expect(l.retainedGb).toBeCloseTo((1.25 * 3600 * 168 * 3) / 1000, 6);
  });
});

describe('MSK brokers', () => {
  it('at 1 user: the smallest valid cluster of the cheapest broker, and it says why', () => {
    const two = planKafka(kafka, book, load(0.01), true, 2);
    expect(two.brokerType).toBe('kafka.t3.small');
    expect(two.brokers).toBe(4); // RF 3 spread evenly over 2 AZs
    expect(two.binding).toBe('minimum');
    expect(two.why).toMatch(/replication factor 3 needs 3 brokers, spread evenly over 2 AZs → 4/);
    const { partitions: _p, consumerGroups: _g, ...bare } = kafka;
    expect(planKafka(bare, book, load(0.01), true, 2).why).toMatch(/tier-planner assumption \(profile gives none\): 50 partitions, 1 consumer group/);
    const three = planKafka(kafka, book, load(0.01), true, 3);
    expect(three.brokers).toBe(3);
    expect(three.azs).toBe(3);
    // without HA the cluster still needs 2 AZs: 3 brokers cannot be spread evenly, 4 can
    expect(planKafka({ ...kafka, replicationFactor: 2 }, book, load(0.01), false, 1).brokers).toBe(2);
  });

  it('at 10M users (46,296 rps): sized by MB/s with replication, not by a per-vCPU guess, storage at the average rate', () => {
    const plan = planKafka(kafka, book, load(46_296), true, 2);
    expect(plan.brokerType).not.toMatch(/^kafka\.t3/);
    expect(plan.brokers * plan.brokerInMBps).toBeGreaterThanOrEqual(plan.clusterInMBps);
    expect(plan.brokers * plan.brokerOutMBps).toBeGreaterThanOrEqual(plan.clusterOutMBps);
    expect(['ingress', 'egress']).toContain(plan.binding);
    expect(plan.storageGbPerBroker).toBe(Math.ceil(plan.retainedGb / (plan.brokers * STORAGE_FILL)));
    expect(plan.storageGbPerBroker).toBeLessThan(7_000);
    expect(plan.why).toMatch(/bound by (ingress|egress)/);
    expect(plan.throughputAssumption).toMatch(/tier-planner assumption/);
  });

  it('adds brokers for partitions when they bind', () => {
    const plan = planKafka({ ...kafka, partitions: 5_000, brokerFamilies: ['kafka.m5.large'] }, book, load(1), true, 3);
    expect(plan.binding).toBe('partitions');
    expect(plan.brokers).toBe(15); // 15,000 replicas at 1,000 per kafka.m5.large
    expect(plan.partitionReplicasPerBroker).toBeLessThanOrEqual(1_000);
  });

  it('adds brokers when retention would overfill MSK’s largest volume', () => {
    const plan = planKafka({ ...kafka, retentionHours: 24 * 365, bytesPerRequest: 50_000, brokerFamilies: ['kafka.m5.24xlarge'] }, book, load(10_000), true, 3);
    expect(plan.binding).toBe('storage');
    expect(plan.storageGbPerBroker).toBeLessThanOrEqual(MAX_STORAGE_GB_PER_BROKER);
  });

  it('fails with NO_CLASS_FITS when no broker family is priced, or only t3 and the load is beyond it', () => {
    expect(() => planKafka({ ...kafka, brokerFamilies: ['kafka.zz9'] }, book, load(10), false, 1)).toThrow(PlanningError);
    expect(() => planKafka({ ...kafka, brokerFamilies: ['kafka.t3'] }, book, load(100_000), true, 3)).toThrow(/burstable/);
  });

  const rps = fc.double({ min: 0, max: 200_000, noNaN: true });
  const azs = fc.constantFrom(1, 2, 3, 4);
  const ha = fc.boolean();

  it('property: brokers are ≥ RF, a multiple of the 2 or 3 AZs they spread over, and carry the load', () => {
    fc.assert(
      fc.property(rps, azs, ha, (r, a, h) => {
        const plan = planKafka(kafka, book, load(r), h, a);
        expect([2, 3]).toContain(plan.azs);
        expect(plan.brokers % plan.azs).toBe(0);
        expect(plan.brokers).toBeGreaterThanOrEqual(kafka.replicationFactor);
        expect(plan.brokers * plan.brokerInMBps).toBeGreaterThanOrEqual(plan.clusterInMBps * (1 - 1e-9));
        expect(plan.brokers * plan.brokerOutMBps).toBeGreaterThanOrEqual(plan.clusterOutMBps * (1 - 1e-9));
        expect(plan.partitionReplicasPerBroker).toBeLessThanOrEqual(broker(plan.brokerType).spec.recommendedPartitions);
        expect(plan.storageGbPerBroker).toBeLessThanOrEqual(MAX_STORAGE_GB_PER_BROKER);
      }),
    );
  });

  it('property: kafka.t3 is never chosen above its limits (load beyond the smallest cluster of them, or > 300 partitions per broker)', () => {
    fc.assert(
      fc.property(rps, fc.integer({ min: 1, max: 2_000 }), azs, (r, partitions, a) => {
        const spec = { ...kafka, partitions };
        const plan = planKafka(spec, book, load(r), true, a);
        if (!plan.brokerType.startsWith('kafka.t3.')) return;
        const t3 = broker(plan.brokerType);
        const minimum = Math.ceil(kafka.replicationFactor / plan.azs) * plan.azs;
        expect(plan.brokers).toBe(minimum);
        expect(plan.clusterInMBps).toBeLessThanOrEqual(minimum * t3.inMBps);
        expect(plan.clusterOutMBps).toBeLessThanOrEqual(minimum * t3.outMBps);
        expect(partitions * kafka.replicationFactor).toBeLessThanOrEqual(minimum * t3.spec.maxPartitions);
      }),
    );
  });

  it('property: broker cost and retained storage never fall as load grows; brokers of one class never fall', () => {
    fc.assert(
      fc.property(rps, rps, azs, (x, y, a) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const p = planKafka(kafka, book, load(lo), true, a);
        const q = planKafka(kafka, book, load(hi), true, a);
        expect(q.brokers * hourly(q.brokerType)).toBeGreaterThanOrEqual(p.brokers * hourly(p.brokerType));
        expect(q.retainedGb).toBeGreaterThanOrEqual(p.retainedGb);
        const one = { ...kafka, brokerFamilies: ['kafka.m5.large'] };
        expect(planKafka(one, book, load(hi), true, a).brokers).toBeGreaterThanOrEqual(planKafka(one, book, load(lo), true, a).brokers);
      }),
    );
  });
});

describe('MSK in the trading-fargate ladder', () => {
  it('1 user: the smallest valid t3 cluster; 10M users: no t3, storage per broker far below the old 7,000 GB', () => {
    const small = planTier({ users: 1, profile: 'trading-fargate' }, book).datastores.kafka!;
    expect(small.binding).toBe('minimum');
    expect(small.brokers).toBe(Math.ceil(3 / small.azs) * small.azs);
    const big = planTier({ users: 10_000_000, profile: 'trading-fargate' }, book).datastores.kafka!;
    expect(big.brokerType).not.toMatch(/^kafka\.t3/);
    expect(big.binding).not.toBe('minimum');
    expect(big.storageGbPerBroker).toBeLessThan(7_000);
  });
});
