import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planTier } from '../plan/plan-tier.js';
import { cacheNodeTypes, ENHANCED_IO_FACTOR, OPS_PER_ENGINE_THREAD, T_MAX_WORKLOAD_OPS } from './cache-nodes.js';
import { planCache } from './cache-plan.js';
import { PlanningError } from './capacity-types.js';

const book = loadPriceBook({ region: 'us-east-1' });
const hourly = (engine: string, node: string) => Number(book.price(`elasticache/${engine}/${node}`)!.usd);
const nodeType = (engine: string, node: string) => cacheNodeTypes(book).find((c) => c.parts[0] === engine && c.className === node)!;

const cache: CacheSpec = { engine: 'valkey', fromUsers: 1, kibPerActiveUser: 64, nodeFamilies: ['cache.t4g', 'cache.m7g', 'cache.r7g', 'cache.r6g'] };
/** Demand with peak rps = DAU × 0.05 (a trading-like day). */
const demand = (dau: number, peakRps = dau * 0.05) => ({ dailyActiveUsers: dau, peakRps });

describe('ElastiCache node facts', () => {
  it('every priced node has a network figure; Enhanced I/O nodes carry more commands, burstable ones less', () => {
    expect(nodeType('redis', 'cache.r6g.xlarge').opsPerSecond).toBe(OPS_PER_ENGINE_THREAD * ENHANCED_IO_FACTOR);
    expect(nodeType('redis', 'cache.r6g.large').opsPerSecond).toBe(OPS_PER_ENGINE_THREAD);
    expect(nodeType('redis', 'cache.t4g.micro').opsPerSecond).toBeLessThan(OPS_PER_ENGINE_THREAD);
    expect(nodeType('redis', 'cache.m6g.large').networkGbps).toBe(0.75); // AWS's baseline, not the "Up to 10 Gigabit" burst
    // r7g has no documented baseline: it takes that of the documented node with the same "Up to 12.5 Gigabit" label
    expect(nodeType('valkey', 'cache.r7g.large').networkGbps).toBe(nodeType('valkey', 'cache.m7g.large').networkGbps);
    expect(nodeType('valkey', 'cache.r7g.large').networkBasis).toMatch(/tier-planner assumption/);
  });
});

describe('ElastiCache sizing', () => {
  it('memory: hot data × 1.25 on the cheapest node that holds it (light traffic)', () => {
    const plan = planCache(cache, book, demand(100_000, 10), false);
    expect(plan.memoryGiBNeeded).toBeCloseTo(((100_000 * 64) / 1024 ** 2) * 1.25, 10);
    expect(plan.shards).toBe(1);
    expect(plan.nodes).toBe(1);
    const fits = cacheNodeTypes(book).filter((c) => c.parts[0] === 'valkey' && /^cache\.(t4g|m7g|r7g|r6g)\./.test(c.className) && c.memoryGiB >= plan.memoryGiBNeeded);
    expect(hourly('valkey', plan.nodeType)).toBe(Math.min(...fits.map((c) => c.hourlyUsd)));
  });

  it('operations: shards when one primary cannot carry the commands, and says so', () => {
    const plan = planCache({ ...cache, kibPerActiveUser: 1 }, book, demand(1_000, 200_000), false); // 400,000 commands/s
    expect(plan.binding).toBe('operations');
    expect(plan.shards * plan.opsPerSecondPerShard).toBeGreaterThanOrEqual(plan.opsPerSecond);
    expect(plan.shards).toBeGreaterThan(1);
    expect(plan.why).toMatch(/bound by operations: 400,000 commands\/s/);
    expect(plan.assumptions.join(' ')).toMatch(/tier-planner assumption: 50,000 commands\/s per engine thread/);
  });

  it('network: shards when commands × bytes exceed the baseline bandwidth', () => {
    const plan = planCache({ ...cache, kibPerActiveUser: 1, bytesPerOp: 100_000, nodeFamilies: ['cache.r6g.large'] }, book, demand(1_000, 5_000), false);
    // 10,000 commands/s × 100 kB × 8 = 8 Gbit/s against 0.75 Gbit/s baseline
    expect(plan.binding).toBe('network');
    expect(plan.shards).toBe(Math.ceil(8 / 0.75));
  });

  it('says when the shards exceed the 500 nodes one cluster allows', () => {
    const plan = planCache({ ...cache, nodeFamilies: ['cache.r6g.large'] }, book, demand(200_000_000, 1), true);
    expect(plan.nodes).toBeGreaterThan(500);
    expect(plan.why).toMatch(/more than the 500 nodes one cluster allows/);
    expect(planCache(cache, book, demand(1_000_000), true).why).not.toMatch(/500 nodes/);
  });

  it('HA: one replica per shard (Multi-AZ failover needs one)', () => {
    const plan = planCache(cache, book, demand(10_000_000), true);
    expect(plan.replicasPerShard).toBe(1);
    expect(plan.nodes).toBe(plan.shards * 2);
    expect(plan.why).toMatch(/one replica per shard in another AZ/);
  });

  it('cache.t only within AWS’s T3 guidance; with only cache.t allowed beyond it, a clear error', () => {
    const busy = planCache({ ...cache, kibPerActiveUser: 1 }, book, demand(1_000, 15_000), false); // 30,000 commands/s
    expect(busy.nodeType).not.toMatch(/^cache\.t/);
    const attempt = () => planCache({ ...cache, nodeFamilies: ['cache.t4g'] }, book, demand(1_000, 15_000), false);
    expect(attempt).toThrow(PlanningError);
    expect(attempt).toThrow(/20,000 TPS guidance/);
  });

  it('fails with NO_CLASS_FITS when no node family is priced', () => {
    expect(() => planCache({ ...cache, nodeFamilies: ['cache.zz9'] }, book, demand(10), false)).toThrow(PlanningError);
  });

  const dau = fc.double({ min: 0, max: 5_000_000, noNaN: true });
  const rpsPerDau = fc.double({ min: 0, max: 0.2, noNaN: true });

  it('property: the chosen shards carry memory, commands and network; t* never above its limits', () => {
    fc.assert(
      fc.property(dau, rpsPerDau, fc.boolean(), (d, r, ha) => {
        const plan = planCache(cache, book, demand(d, d * r), ha);
        const node = nodeType('valkey', plan.nodeType);
        expect(plan.shards * node.memoryGiB).toBeGreaterThanOrEqual(plan.memoryGiBNeeded * (1 - 1e-9));
        expect(plan.shards * node.opsPerSecond).toBeGreaterThanOrEqual(plan.opsPerSecond * (1 - 1e-9));
        expect(plan.shards * node.networkGbps).toBeGreaterThanOrEqual(plan.networkGbps * (1 - 1e-9));
        expect(plan.nodes).toBe(plan.shards * (ha ? 2 : 1));
        if (node.burstable) {
          expect(plan.opsPerSecond).toBeLessThanOrEqual(T_MAX_WORKLOAD_OPS);
          expect(plan.shards).toBe(1);
        }
      }),
    );
  });

  it('property: cost never falls as users (and so data and traffic) grow', () => {
    fc.assert(
      fc.property(dau, dau, rpsPerDau, fc.boolean(), (x, y, r, ha) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const p = planCache(cache, book, demand(lo, lo * r), ha);
        const q = planCache(cache, book, demand(hi, hi * r), ha);
        expect(q.nodes * hourly('valkey', q.nodeType)).toBeGreaterThanOrEqual(p.nodes * hourly('valkey', p.nodeType) - 1e-12);
      }),
    );
  });
});

describe('ElastiCache in the trading-fargate ladder', () => {
  it('10M users: commands bind before memory; a burstable node is not chosen at that load', () => {
    const plan = planTier({ users: 10_000_000, profile: 'trading-fargate' }, book).datastores.cache!;
    expect(plan.opsPerSecond).toBeGreaterThan(T_MAX_WORKLOAD_OPS);
    expect(plan.nodeType).not.toMatch(/^cache\.t/);
    expect(plan.shards * plan.opsPerSecondPerShard).toBeGreaterThanOrEqual(plan.opsPerSecond);
  });
});
