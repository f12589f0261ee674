import { join } from 'node:path';
import type { BrokerSpec, CacheNodeSpec, PriceDimension, SourceRef } from '@tier-planner/cost-model';
import { readTsv, type Tsv } from '../read-tsv.js';

type Row = Readonly<Record<string, string>>;

const MSK_SOURCE = 'msk-broker-guidance';
const CACHE_SOURCE = 'elasticache-node-specs';

/**
 * Adds sizing facts to priced MSK brokers and ElastiCache nodes: partitions and MB/s per broker
 * (msk-broker-throughput.tsv), network bandwidth and Enhanced I/O per node
 * (elasticache-node-specs.tsv). Only priced classes get them; a priced class with no fact row fails
 * the build, so the model never sizes a class on missing facts.
 */
export function withManagedSpecs(prices: readonly PriceDimension[], awsDir: string): { prices: PriceDimension[]; sources: Record<string, SourceRef> } {
  const msk = readTsv(join(awsDir, 'msk-broker-throughput.tsv'));
  const cache = readTsv(join(awsDir, 'elasticache-node-specs.tsv'));
  const brokers = new Map(msk.rows.map((r) => [r.broker_class!, r]));
  const nodes = new Map(cache.rows.map((r) => [r.node_type!, r]));
  const out = prices.map((p) => {
    if (!p.spec) return p;
    if (p.key.startsWith('msk/broker/')) {
      const name = p.key.slice('msk/broker/'.length);
      const row = brokers.get(name);
      if (!row) throw new Error(`MSK broker ${name} is priced but has no row in msk-broker-throughput.tsv`);
      return { ...p, spec: { ...p.spec, broker: brokerSpec(row) } };
    }
    if (p.key.startsWith('elasticache/')) {
      const name = p.key.split('/')[2]!;
      if (!name.startsWith('cache.')) return p;
      const row = nodes.get(name);
      if (!row) throw new Error(`ElastiCache node ${name} is priced but has no row in elasticache-node-specs.tsv`);
      return { ...p, spec: { ...p.spec, cacheNode: cacheNodeSpec(row) } };
    }
    return p;
  });
  return {
    prices: out,
    sources: {
      [MSK_SOURCE]: {
        title: 'MSK broker sizes, partitions per broker and throughput guidance (MSK Developer Guide; AWS MSK MCP server for Standard MB/s)',
        ref: `${headerLine(msk, 'M1 =')}; ${headerLine(msk, 'M2 =')}`,
        asOf: '2026-12-01',
        confidence: 'vendor-data',
      },
      [CACHE_SOURCE]: {
        title: 'ElastiCache node types: network performance, baseline bandwidth, Enhanced I/O (ElastiCache user guide, AWS pricing feed)',
        ref: `${headerLine(cache, 'E1 =')}; ${headerLine(cache, 'E2 =')}`,
        asOf: '2025-03-14',
        confidence: 'vendor-data',
      },
    },
  };
}

function brokerSpec(r: Row): BrokerSpec {
  const express = r.broker_type === 'express';
  // Standard brokers: AWS documents no MB/s; the AWS MCP server's recommended figures are in the note.
  const tool = /ingress ([\d.]+)\/[\d.]+, egress ([\d.]+)\/[\d.]+ MB\/s/.exec(r.throughput_note ?? '');
  const ingress = express ? Number(r.ingress_sustained_mbps) : Number(tool?.[1]);
  const egress = express ? Number(r.egress_sustained_mbps) : Number(tool?.[2]);
  if (!(ingress > 0) || !(egress > 0)) throw new Error(`MSK broker ${r.broker_class}: no sustained MB/s in the fact row`);
  return {
    brokerType: express ? 'express' : 'standard',
    networkGbps: Number(r.network_gbps),
    recommendedPartitions: Number(r.recommended_partitions_per_broker),
    maxPartitions: Number(r.max_partitions_per_broker),
    ingressMBps: ingress,
    egressMBps: egress,
    throughputBasis: express ? 'documented' : 'aws-tool',
    source: MSK_SOURCE,
  };
}

function cacheNodeSpec(r: Row): CacheNodeSpec {
  const baseline = Number(r.baseline_bandwidth_gbps);
  return {
    networkPerformance: r.network_performance!,
    ...(baseline > 0 ? { baselineGbps: baseline } : {}),
    ...(r.redis_enhanced_io === 'Y' || r.redis_enhanced_io === 'N' ? { enhancedIo: r.redis_enhanced_io === 'Y' } : {}),
    source: CACHE_SOURCE,
  };
}

function headerLine(tsv: Tsv, prefix: string): string {
  const line = tsv.comments.find((c) => c.startsWith(prefix));
  if (!line) throw new Error(`fact file header has no "${prefix}" line`);
  return line.slice(prefix.length).trim();
}
