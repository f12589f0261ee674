import { join } from 'node:path';
import type { PriceDimension } from '@tier-planner/cost-model';
import { readTsv } from '../read-tsv.js';
import { flat, type FactRows } from './fact-rows.js';

type Missing = { key: string; reason: string };

const REFRESH = 'a refresh (tier-planner pricing refresh) fills it';

/**
 * Managed data stores, EC2 and EBS extras: ElastiCache node types beyond the managed price table,
 * RDS gp2/io1/io2 storage, RDS Extended Support, EC2 Windows, CPU credits and EBS-optimized
 * surcharges, EBS snapshot archive and Fast Snapshot Restore. A key the shared facts do not price is
 * listed missing with its reason, so the model reports it unpriced rather than as zero.
 */
export function buildCatalogExtras(f: FactRows, awsDir: string, priced: readonly PriceDimension[]): { prices: PriceDimension[]; missing: Missing[] } {
  const g = f.golden1.bind(f);
  const cacheSpecs = new Map(readTsv(join(awsDir, 'elasticache-node-specs.tsv')).rows.map((r) => [r.node_type!, r]));
  const specOf = (node: string) => {
    const row = cacheSpecs.get(node);
    if (!row) throw new Error(`ElastiCache node ${node} has no row in elasticache-node-specs.tsv`);
    return { vcpu: Number(row.vcpu), memoryGiB: Number(row.memory_gib) };
  };
  const redisNode = (node: string) =>
    flat(`elasticache/redis/${node}`, 'ElastiCache', `Redis OSS ${node} node`, 'node-hours', g('ElastiCache', new RegExp(`^${node.replace(/\./g, '\\.')} Redis on-demand`)), { spec: specOf(node) });

  const prices: PriceDimension[] = [
    // ElastiCache nodes the managed price table lacks; the specs file gives their vCPU and memory.
    redisNode('cache.r5.4xlarge'),
    redisNode('cache.m6g.12xlarge'),
    flat('elasticache/memcached/cache.m4.large', 'ElastiCache', 'Memcached cache.m4.large node', 'node-hours', g('ElastiCache', /^cache\.m4\.large Memcached on-demand/), {
      note: 'previous-generation node type: not in the current-generation node table, so it has no sizing facts',
    }),

    // RDS Provisioned IOPS storage (Single-AZ only in the sources) and Extended Support.
    flat('rds/io1/storage/single-az', 'RDS', 'Storage (provisioned IOPS SSD, io1, Single-AZ)', 'GB-months', g('RDS', /^io1 storage Single-AZ/)),
    flat('rds/io1/iops/single-az', 'RDS', 'Provisioned IOPS (io1, Single-AZ)', 'IOPS-months', g('RDS', /^io1 provisioned IOPS Single-AZ/)),
    flat('rds/extended-support/year-1', 'RDS', 'RDS Extended Support, year 1 (per vCPU of each instance, standbys included)', 'vCPU-hours', g('RDS', /^"?Extended support year 1/), {
      note: 'the source row covers PostgreSQL 11/12 and MySQL 5.7; the rate is per vCPU-hour whatever the engine',
    }),

    // EC2 extras
    flat('ec2/cpu-credits/t2', 'EC2', 'CPU credits (t2 unlimited)', 'vCPU-hours', g('EC2', /^CPU credits, t2 unlimited/)),
    flat('ec2/windows/t3.medium/on-demand', 'EC2', 't3.medium Windows, on-demand (license included)', 'hours', g('EC2', /^t3\.medium on-demand Windows/)),
    flat('ec2/ebs-optimized/r3.xlarge', 'EC2', 'EBS-optimized surcharge (r3.xlarge, previous generation)', 'hours', g('EC2', /^EBS-optimized surcharge, r3\.xlarge/)),

    // EBS snapshots
    flat('ebs/snapshot/fast-restore', 'EBS', 'Fast Snapshot Restore (per snapshot per availability zone)', 'DSU-hours', g('EBS', /^fast snapshot restore/), {
      note: 'one DSU-hour per hour each snapshot has fast snapshot restore enabled in one availability zone',
    }),
  ];

  const have = new Set([...priced, ...prices].map((p) => p.key));
  const missing: Missing[] = [];
  // Every current-generation node type AWS's table lists, for each engine, that no source prices.
  for (const node of cacheSpecs.keys()) {
    for (const [engine, label] of [['redis', 'Redis OSS'], ['valkey', 'Valkey'], ['memcached', 'Memcached']] as const) {
      const key = `elasticache/${engine}/${node}`;
      if (!have.has(key)) missing.push({ key, reason: `${label} ${node} is a known node type (ElastiCache node table) but the shared facts give no ${label} price for it; ${REFRESH}` });
    }
  }
  missing.push(
    { key: 'rds/io1/storage/multi-az', reason: `the shared facts price io1 storage for Single-AZ only; ${REFRESH}` },
    { key: 'rds/io1/iops/multi-az', reason: `the shared facts price io1 IOPS for Single-AZ only; ${REFRESH}` },
    ...['single-az', 'multi-az'].flatMap((d) => [
      { key: `rds/io2/storage/${d}`, reason: `no source in the shared facts prices RDS io2 storage; ${REFRESH}` },
      { key: `rds/io2/iops/${d}`, reason: `no source in the shared facts prices RDS io2 IOPS; ${REFRESH}` },
    ]),
    ...['rds/gp2/storage', 'rds/io1/storage', 'rds/io1/iops', 'rds/io2/storage', 'rds/io2/iops'].map((k) => ({
      key: `${k}/multi-az-cluster`,
      reason: 'no source in the shared facts prices this storage for Multi-AZ DB clusters (nor says the deployment offers it)',
    })),
    { key: 'rds/extended-support/year-2', reason: `no AWS page read (2026-12-01) gives the year-2 Extended Support rate, and the shared facts have year 1 only; ${REFRESH}` },
    { key: 'rds/extended-support/year-3', reason: `no AWS page read (2026-12-01) gives the year-3 Extended Support rate; ${REFRESH}` },
    { key: 'ec2/cpu-credits/windows', reason: 'the Windows surplus CPU credit rate is not in the shared facts (AWS EC2 user guide gives the Linux rate only)' },
    { key: 'ec2/windows/<instance type>/on-demand', reason: `the shared EC2 price table is Linux/UNIX only; Windows rates are in the shared facts for t3.medium alone; ${REFRESH}` },
    { key: 'ec2/windows/<instance type>/<purchase>', reason: 'Windows rates are priced on demand only' },
    { key: 'ec2/ebs-optimized/<instance type>', reason: `EBS-optimized surcharges of previous-generation types are in the shared facts for r3.xlarge alone; ${REFRESH}` },
    { key: 'ebs/snapshot/archive-storage', reason: `EBS snapshot archive storage is not in the shared facts and no AWS page read (2026-12-01) gave the figure; ${REFRESH}` },
    { key: 'ebs/snapshot/archive-restore', reason: `EBS snapshot archive restores are not in the shared facts and no AWS page read (2026-12-01) gave the figure; ${REFRESH}` },
  );
  return { prices, missing };
}
