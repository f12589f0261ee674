// BOM components for managed data stores, EC2 and EBS extras, priced from the embedded book (and a
// small synthetic book where the embedded one has no figure: its rates are made up, for the arithmetic).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../pricing/price-book.js';
import type { PriceDimension } from '../pricing/snapshot-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { BomError, priceResources } from './price-resources.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const line = (bom: unknown, component: RegExp, date?: string) => {
  const priced = priceResources(bom, book, date ? { date } : {});
  const item = priced.lineItems.find((i) => component.test(i.component));
  if (!item) throw new Error(`no line ${component} in ${priced.lineItems.map((i) => i.component).join(', ')}`);
  return item;
};
const one = (r: Record<string, unknown>) => ({ resources: [{ name: 'x', ...r }] });
const problems = (bom: unknown) => {
  try {
    priceResources(bom, book);
  } catch (e) {
    if (e instanceof BomError) return e.problems;
    throw e;
  }
  return [];
};

/** The embedded book plus made-up dimensions (test data, not facts). */
function withDimensions(extra: PriceDimension[]) {
  return createPriceBook(
    {
      region: book.region, currency: 'USD', generatedAt: book.generatedAt, generator: book.generator,
      sources: { ...book.sources, synthetic: { title: 'made-up test rates', ref: 'test', asOf: '2026-01-01', confidence: 'vendor-data' } },
      ec2: { priceSource: book.ec2Sources.price, specSource: book.ec2Sources.spec, podsSource: book.ec2Sources.pods, instances: {}, dropped: {} },
      prices: [...book.dimensions, ...extra], allowances: book.allowances, rdsEngineVersions: book.rdsEngineVersions, missing: book.missing,
    },
    book.origin,
  );
}
const made = (key: string, usd: string): PriceDimension => ({ key, service: 'RDS', description: key, unit: 'x', usd, purchaseOption: 'on-demand', source: 'synthetic' });

describe('ElastiCache coverage', () => {
  it('prices Memcached and Redis nodes from the book and backup storage per GB-month', () => {
    expect(line(one({ type: 'elasticache_cluster', engine: 'memcached', nodeType: 'cache.m4.large', nodes: 3 }), /Cache nodes/).monthly?.toString()).toBe(String(3 * 730 * 0.156));
    expect(line(one({ type: 'elasticache_cluster', nodeType: 'cache.r5.4xlarge', backupStorageGb: 50 }), /Backup storage/).monthly?.toString()).toBe('4.25'); // 50 × 0.085
  });

  it('every node type of the node table is priced or unpriced with its reason, for each engine', () => {
    const types = ['cache.t3.micro', 'cache.m5.24xlarge', 'cache.r6gd.xlarge', 'cache.c7gn.large'];
    for (const engine of ['redis', 'valkey', 'memcached']) {
      for (const nodeType of types) {
        const item = line(one({ type: 'elasticache_cluster', engine, nodeType }), /Cache nodes/);
        if (item.monthly === undefined) expect(item.unpriced, `${engine} ${nodeType}`).toMatch(/is a known node type .* no .* price/);
      }
    }
  });

  it('Memcached keeps no backups', () => {
    expect(problems(one({ type: 'elasticache_cluster', engine: 'memcached', nodeType: 'cache.m4.large', backupStorageGb: 5 }))).toEqual(['$.resources[0].backupStorageGb: Memcached keeps no backups']);
  });
});

describe('RDS storage types', () => {
  it('gp2 storage bills at the gp2 key with its baseline in the note; plans and defaults keep gp3', () => {
    const gp2 = line(one({ type: 'rds_instance', engine: 'postgresql', instanceClass: 'db.m6g.large', deployment: 'multi-az', storageType: 'gp2', storageGb: 200 }), /^Storage/);
    expect(gp2.price).toEqual({ kind: 'dimension', key: 'rds/gp2/storage/multi-az' });
    expect(gp2.monthly?.toString()).toBe('46'); // 200 × 0.23
    expect(gp2.note).toMatch(/baseline 600 IOPS .* bursts to 3,000/);
    expect(line(one({ type: 'rds_instance', engine: 'postgresql', instanceClass: 'db.m6g.large', storageGb: 200 }), /^Storage/).price).toEqual({ kind: 'dimension', key: 'rds/postgresql/gp3/storage/single-az' });
  });

  it('io1 bills storage and every provisioned IOPS; io2 is unpriced with its reason', () => {
    const bom = one({ type: 'rds_instance', engine: 'mysql', instanceClass: 'db.r6g.large', storageType: 'io1', storageGb: 400, iops: 8000 });
    expect(line(bom, /^Storage/).monthly?.toString()).toBe('50'); // 400 × 0.125
    expect(line(bom, /^Provisioned IOPS \(io1/).monthly?.toString()).toBe('800'); // 8,000 × 0.10
    const io2 = line(one({ type: 'rds_instance', engine: 'mysql', instanceClass: 'db.r6g.large', storageType: 'io2', storageGb: 400, iops: 8000 }), /^Provisioned IOPS \(io2/);
    expect(io2.unpriced).toMatch(/no source in the shared facts prices RDS io2 IOPS/);
  });

  it('refuses io1 without IOPS, and gp3 extra IOPS on gp2', () => {
    expect(problems(one({ type: 'rds_instance', engine: 'mysql', instanceClass: 'db.r6g.large', storageType: 'io1', storageGb: 400 }))).toEqual(['$.resources[0].iops: required with io1 storage (the IOPS provisioned)']);
    expect(problems(one({ type: 'rds_instance', engine: 'mysql', instanceClass: 'db.r6g.large', storageType: 'gp2', storageGb: 400, extraIops: 100 }))[0]).toMatch(/extraIops: only with gp3/);
  });
});

describe('RDS Extended Support', () => {
  const pg12 = (deployment: string) => one({ type: 'rds_instance', engine: 'postgresql', instanceClass: 'db.m6g.large', deployment, engineVersion: '12.22' });

  it('bills year 1 per vCPU-hour of every instance, standbys included, on a day in year 1', () => {
    const single = line(pg12('single-az'), /^Extended Support/, '2025-06-01');
    expect(single.component).toBe('Extended Support (PostgreSQL 12.22, year 1)');
    expect(single.monthly?.toString()).toBe('146'); // 2 vCPU × 730 h × 0.10
    expect(line(pg12('multi-az'), /^Extended Support/, '2025-06-01').quantity.toString()).toBe(String(2 * 2 * 730));
  });

  it('bills nothing while the version is in standard support', () => {
    const priced = priceResources(pg12('single-az'), book, { date: '2025-02-28' });
    expect(priced.lineItems.some((i) => /Extended Support/.test(i.component))).toBe(false);
  });

  it('a year the book has no rate for is unpriced with its reason, and priced once a book has it', () => {
    const y3 = line(pg12('single-az'), /^Extended Support/, '2027-06-01');
    expect(y3.component).toMatch(/year 3/);
    expect(y3.unpriced).toMatch(/year-3 Extended Support rate/);
    const other = withDimensions([made('rds/extended-support/year-3', '0.2')]);
    const priced = priceResources(pg12('single-az'), other, { date: '2027-06-01' }).lineItems.find((i) => /Extended Support/.test(i.component))!;
    expect(priced.monthly?.toString()).toBe('292'); // 2 × 730 × 0.2 (made-up rate)
  });

  it('after Extended Support ends, and for a version the calendar lacks, the line says why it is unpriced', () => {
    expect(line(pg12('single-az'), /^Extended Support/, '2028-03-01').unpriced).toMatch(/ended on 2028-02-28/);
    const unknown = line(one({ type: 'rds_instance', engine: 'postgresql', instanceClass: 'db.m6g.large', engineVersion: '16.4' }), /^Extended Support/, '2026-12-01');
    expect(unknown.unpriced).toMatch(/does not list PostgreSQL 16/);
  });

  it('the day priced defaults to the day the book was written', () => {
    const priced = priceResources(pg12('single-az'), book).lineItems.find((i) => /Extended Support/.test(i.component))!;
    expect(priced.component).toMatch(/year 2/); // the book was written on 2026-11-23
  });

  it('for every priced class and deployment, the quantity is vCPUs × hours × instances (standbys included)', () => {
    const classes = book.dimensions.filter((d) => /^rds\/postgresql\/db\.[^/]+\/(single-az|multi-az|multi-az-cluster)$/.test(d.key) && d.spec);
    fc.assert(
      fc.property(fc.constantFrom(...classes), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 744 }), (dim, count, hoursPerMonth) => {
        const [, , instanceClass, deployment] = dim.key.split('/');
        const bom = { hoursPerMonth, resources: [{ type: 'rds_instance', name: 'x', engine: 'postgresql', instanceClass, deployment, count, engineVersion: '12' }] };
        const es = priceResources(bom, book, { date: '2025-06-01' }).lineItems.find((i) => /^Extended Support/.test(i.component))!;
        const instances = { 'single-az': 1, 'multi-az': 2, 'multi-az-cluster': 3 }[deployment!]!;
        expect(es.quantity.toNumber()).toBe(dim.spec!.vcpu * hoursPerMonth * instances * count);
        expect(es.monthly!.toNumber()).toBeCloseTo(es.quantity.toNumber() * 0.1, 6);
      }),
    );
  });

  it('refuses a version that is not a version', () => {
    expect(problems(one({ type: 'rds_instance', engine: 'postgresql', instanceClass: 'db.m6g.large', engineVersion: 'latest' }))[0]).toMatch(/engineVersion: must be a version/);
  });
});

describe('EC2 extras', () => {
  it('Windows hours price from their own keys; a type without a Windows rate says why', () => {
    expect(line(one({ type: 'ec2_instance', instanceType: 't3.medium', os: 'windows', count: 2 }), /Instance usage/).monthly?.toString()).toBe(String(2 * 730 * 0.06));
    expect(line(one({ type: 'ec2_instance', instanceType: 'm5.large', os: 'windows' }), /Instance usage/).unpriced).toMatch(/Linux\/UNIX only/);
    expect(line(one({ type: 'ec2_instance', instanceType: 't3.medium', os: 'windows', purchase: 'spot' }), /Instance usage/).unpriced).toMatch(/on demand only/);
  });

  it('surplus CPU credits use the T2 rate for t2 and the shared T3 rate for t3/t3a/t4g; Windows credits are unpriced', () => {
    expect(line(one({ type: 'ec2_instance', instanceType: 't2.medium', cpuCreditVcpuHours: 40 }), /CPU credits/).price).toEqual({ kind: 'dimension', key: 'ec2/cpu-credits/t2' });
    expect(line(one({ type: 'ec2_instance', instanceType: 't4g.medium', cpuCreditVcpuHours: 40 }), /CPU credits/).price).toEqual({ kind: 'dimension', key: 'ec2/cpu-credits/t3' });
    expect(line(one({ type: 'ec2_instance', instanceType: 't3.medium', os: 'windows', cpuCreditVcpuHours: 40 }), /CPU credits/).unpriced).toMatch(/Windows surplus CPU credit rate/);
  });

  it('no current-generation type ever gets an EBS-optimized surcharge line; every previous-generation type does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...book.instanceTypes), (t) => {
        const lines = priceResources(one({ type: 'ec2_instance', instanceType: t.name, ebsOptimized: true }), book).lineItems;
        expect(lines.some((i) => /EBS-optimized/.test(i.component))).toBe(!t.currentGeneration);
      }),
      { numRuns: 300 },
    );
  });

  it('EBS optimization bills a surcharge on previous-generation types only, for the hours they run', () => {
    const etl = line(one({ type: 'ec2_instance', instanceType: 'r3.xlarge', ebsOptimized: true, count: 2, hours: 100 }), /EBS-optimized/);
    expect(etl.monthly?.toString()).toBe('4'); // 2 × 100 h × 0.02
    const current = priceResources(one({ type: 'ec2_instance', instanceType: 'm5.large', ebsOptimized: true }), book);
    expect(current.lineItems.map((i) => i.component)).toEqual(['Instance usage (Linux/UNIX, on-demand, m5.large)']);
    expect(line(one({ type: 'ec2_instance', instanceType: 'c3.large', ebsOptimized: true }), /EBS-optimized/).unpriced).toMatch(/r3\.xlarge alone/);
  });
});

describe('EBS snapshots', () => {
  it('Fast Snapshot Restore bills per zone-hour; the archive tier is unpriced with its reason', () => {
    const bom = one({ type: 'ebs_snapshot', sizeGb: 500, archivedGb: 2000, restoredGb: 100, fastRestoreAzs: 2, fastRestoreHours: 24 });
    expect(line(bom, /Fast Snapshot Restore/).monthly?.toString()).toBe('36'); // 2 × 24 × 0.75
    expect(line(bom, /archive tier\)/).unpriced).toMatch(/archive storage is not in the shared facts/);
    expect(line(bom, /restores from the archive/).unpriced).toMatch(/archive restores/);
  });

  it('prices archive storage and restores once a book has them (made-up rates)', () => {
    const other = withDimensions([made('ebs/snapshot/archive-storage', '0.01'), made('ebs/snapshot/archive-restore', '0.02')]);
    const priced = priceResources(one({ type: 'ebs_snapshot', sizeGb: 0, archivedGb: 2000, restoredGb: 100 }), other);
    expect(priced.monthly.complete).toBe(true);
    expect(priced.monthly.total.toString()).toBe('22'); // 2,000 × 0.01 + 100 × 0.02
  });

  it('Fast Snapshot Restore hours need zones', () => {
    expect(problems(one({ type: 'ebs_snapshot', sizeGb: 1, fastRestoreHours: 5 }))[0]).toMatch(/fastRestoreHours: only with fastRestoreAzs/);
  });
});

describe('unpriced reasons for families of keys', () => {
  it('a missing entry with a "<…>" segment explains every key it stands for, and an exact entry wins', () => {
    for (const type of ['m5.large', 'c7g.xlarge', 'x2iedn.32xlarge']) {
      expect(line(one({ type: 'ec2_instance', instanceType: type, os: 'windows' }), /Instance usage/).unpriced).toMatch(/Windows rates are in the shared facts for t3\.medium alone/);
    }
    expect(line(one({ type: 'elasticache_cluster', engine: 'valkey', nodeType: 'cache.m5.24xlarge' }), /Cache nodes/).unpriced).toMatch(/Valkey cache\.m5\.24xlarge is a known node type/);
    // No entry stands for a key with more segments.
    expect(line(one({ type: 'elasticache_cluster', engine: 'valkey', nodeType: 'cache.m5.24xlarge/extra' }), /Cache nodes/).unpriced).toBe('no price for elasticache/valkey/cache.m5.24xlarge/extra in the us-east-1 price book');
  });
});
