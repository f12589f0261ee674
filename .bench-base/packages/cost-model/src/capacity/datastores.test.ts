import { describe, expect, it } from 'vitest';
import type { CacheSpec, KafkaSpec, RdsSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planCache } from './cache-plan.js';
import { PlanningError } from './capacity-types.js';
import { planKafka } from './kafka-plan.js';
import { inClassFamilies } from './managed-classes.js';
import { planRds, readReplicasFor } from './rds-plan.js';

const book = loadPriceBook({ region: 'us-east-1' });
const hourly = (key: string) => Number(book.price(key)!.usd);

const rds: RdsSpec = {
  engine: 'postgresql',
  memoryGiBBase: 1,
  memoryGiBPerMillionUsers: 8,
  classFamilies: ['db.t4g', 'db.m7g', 'db.r7g', 'db.r6g'],
  readReplicas: [
    { fromUsers: 100_000, replicas: 1 },
    { fromUsers: 1_000_000, replicas: 2 },
  ],
  minStorageGb: 20,
};

describe('RDS', () => {
  it('needs base + per-million memory and picks the cheapest allowed class with that much', () => {
    const plan = planRds(rds, book, 1_000_000, false);
    expect(plan.memoryGiBNeeded).toBe(9);
    const candidates = book.dimensions.filter(
      (d) => /^rds\/postgresql\/db\.(t4g|m7g|r7g|r6g)\.[a-z0-9]+\/single-az$/.test(d.key) && d.spec!.memoryGiB >= 9,
    );
    const cheapest = Math.min(...candidates.map((d) => Number(d.usd)));
    expect(hourly(`rds/postgresql/${plan.instanceClass}/single-az`)).toBe(cheapest);
    expect(plan.deployment).toBe('single-az');
  });

  it('is Multi-AZ when HA', () => {
    const plan = planRds(rds, book, 10, true);
    expect(plan.deployment).toBe('multi-az');
    expect(book.price(`rds/postgresql/${plan.instanceClass}/multi-az`)).toBeDefined();
  });

  it('takes read replicas from the largest tier reached', () => {
    expect(readReplicasFor(rds, 99_999)).toBe(0);
    expect(readReplicasFor(rds, 100_000)).toBe(1);
    expect(readReplicasFor(rds, 5_000_000)).toBe(2);
    expect(planRds(rds, book, 2_000_000, true).readReplicas).toBe(2);
  });

  it('fails with NO_CLASS_FITS when no allowed class has the memory', () => {
    const attempt = () => planRds({ ...rds, classFamilies: ['db.t4g'] }, book, 10_000_000, false);
    expect(attempt).toThrow(PlanningError);
    expect(attempt).toThrow(/db\.t4g.*largest is db\.t4g\.large/);
    try {
      attempt();
    } catch (e) {
      expect((e as PlanningError).code).toBe('NO_CLASS_FITS');
    }
  });

  it('matches class families at the dot: db.m5 is not db.m5d', () => {
    expect(inClassFamilies('db.m5.large', ['db.m5'])).toBe(true);
    expect(inClassFamilies('db.m5d.large', ['db.m5'])).toBe(false);
    expect(inClassFamilies('db.t4g.micro', ['db.t4g'])).toBe(true);
  });
});

const cache: CacheSpec = { engine: 'valkey', fromUsers: 10_000, kibPerActiveUser: 64, nodeFamilies: ['cache.t4g', 'cache.r7g'] };

describe('ElastiCache', () => {
  it('sizes hot data × 1.25 and picks the cheapest node that holds it', () => {
    const plan = planCache(cache, book, 100_000, false);
    expect(plan.memoryGiBNeeded).toBeCloseTo(((100_000 * 64) / 1024 ** 2) * 1.25, 10);
    expect(plan.nodes).toBe(1);
    const candidates = book.dimensions.filter((d) => /^elasticache\/valkey\/cache\.(t4g|r7g)\./.test(d.key) && d.spec!.memoryGiB >= plan.memoryGiBNeeded);
    expect(hourly(`elasticache/valkey/${plan.nodeType}`)).toBe(Math.min(...candidates.map((d) => Number(d.usd))));
  });

  it('adds a replica per primary when HA', () => {
    expect(planCache(cache, book, 100_000, true).nodes).toBe(2);
  });

  it('shards over the largest allowed node when none holds it alone', () => {
    const plan = planCache(cache, book, 10_000_000, true);
    const largest = book.price(`elasticache/valkey/${plan.nodeType}`)!.spec!.memoryGiB;
    const primaries = Math.ceil(plan.memoryGiBNeeded / largest);
    expect(primaries).toBeGreaterThan(1);
    expect(plan.nodes).toBe(primaries * 2);
    expect(plan.nodeType).toMatch(/^cache\.r7g\./);
  });
});

const kafka: KafkaSpec = {
  fromUsers: 100_000,
  brokerFamilies: ['kafka.m7g', 'kafka.m5'],
  mbPerSecondPerBrokerVcpu: 10,
  bytesPerRequest: 1000,
  retentionHours: 72,
  replicationFactor: 3,
};

describe('MSK', () => {
  it('runs at least the replication factor, a multiple of the AZs when HA', () => {
    const plan = planKafka(kafka, book, 100, true, 2);
    expect(plan.brokers).toBe(4);
    expect(planKafka(kafka, book, 100, true, 3).brokers).toBe(3);
    expect(planKafka({ ...kafka, replicationFactor: 2 }, book, 100, false, 3).brokers).toBe(2);
  });

  it('adds brokers for throughput and sizes storage for retention × replication', () => {
    // 100,000 rps × 1000 B = 100 MB/s; a 2-vCPU broker takes 10 MB/s → 10 brokers, or fewer larger ones
    const plan = planKafka(kafka, book, 100_000, true, 3);
    const vcpu = book.price(`msk/broker/${plan.brokerType}`)!.spec!.vcpu;
    expect(plan.brokers * ((10 * vcpu) / 2)).toBeGreaterThanOrEqual(100);
    expect(plan.brokers % 3).toBe(0);
    expect(plan.storageGbPerBroker).toBe(Math.ceil((100 * 3600 * 72 * 3) / 1000 / plan.brokers));
  });

  it('stores at least 1 GB per broker', () => {
    expect(planKafka(kafka, book, 0.001, false, 1).storageGbPerBroker).toBe(1);
  });

  it('fails with NO_CLASS_FITS when no broker family is priced', () => {
    expect(() => planKafka({ ...kafka, brokerFamilies: ['kafka.zz9'] }, book, 10, false, 1)).toThrow(PlanningError);
  });
});
