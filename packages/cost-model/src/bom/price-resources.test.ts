import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { dec, sum } from '../cost/money.js';
import { BomError, priceResources } from './price-resources.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

const fullBom = {
  resources: [
    { type: 'eks_cluster', name: 'main' },
    { type: 'ec2_instance', name: 'nodes', instanceType: 't3.small', count: 2 },
    { type: 'ebs_volume', name: 'root', volumeType: 'gp3', sizeGb: 20, count: 2, iops: 4000, throughputMBps: 130 },
    { type: 's3_bucket', name: 'assets', storageGb: { standard: 60000, standardIa: 10, glacierInstant: 5 }, putRequests: 100000, getRequests: 1000000 },
    { type: 'ecr_repository', name: 'images', storageGb: 2 },
    { type: 'nat_gateway', name: 'nat', count: 1, dataProcessedGb: 100 },
    { type: 'load_balancer', name: 'alb', kind: 'alb', capacityUnits: 2 },
    { type: 'rds_instance', name: 'db', engine: 'postgresql', instanceClass: 'db.t4g.micro', deployment: 'multi-az', storageGb: 20 },
    { type: 'elasticache_cluster', name: 'cache', engine: 'redis', nodeType: 'cache.t4g.micro', nodes: 2 },
    { type: 'msk_cluster', name: 'kafka', brokerType: 'kafka.m5.large', brokers: 3, storageGbPerBroker: 100 },
    { type: 'fargate_task', name: 'api', vcpu: 0.5, memoryGb: 1, count: 2, arch: 'arm64' },
    { type: 'cloudwatch_logs', name: 'logs', ingestedGb: 10, storedGb: 30 },
    { type: 'data_transfer', name: 'egress', internetOutGb: 12000, interAzGb: 10, applyFreeAllowanceGb: 100 },
    { type: 'github_actions', name: 'ci', minutes: 5000, runner: 'linux_2_core', plan: 'team', repository: 'private' },
    { type: 'secrets_manager', name: 'secrets', secrets: 5, apiRequests: 20000 },
    { type: 'route53_zone', name: 'dns', queriesMillions: 2 },
    { type: 'public_ipv4', name: 'ips', count: 3 },
  ],
};

describe('priceResources', () => {
  const priced = priceResources(fullBom, book);
  const monthly = (component: RegExp) => priced.lineItems.find((i) => component.test(i.component))?.monthly?.toString();

  it('prices every resource type from the book at 730 h', () => {
    expect(priced.monthly.complete).toBe(true);
    expect(monthly(/^EKS cluster/)).toBe('73'); // 0.10 × 730
    expect(monthly(/t3\.small/)).toBe('30.368'); // 2 × 730 × 0.0208
    expect(monthly(/^Storage \(gp3\)/)).toBe('3.2'); // 40 GB × 0.08
    expect(monthly(/^Provisioned IOPS \(gp3/)).toBe('10'); // 2 × 1,000 × 0.005
    expect(monthly(/^Provisioned throughput/)).toBe('0.4'); // 2 × 5 × 0.04
    expect(monthly(/^NAT gateway$/)).toBe('32.85');
  });

  it('splits tiered S3 storage and data transfer across tiers', () => {
    // 51,200 GB at 0.023 + 8,800 GB at 0.022
    expect(monthly(/^Storage \(S3 Standard\)/)).toBe(dec(51200).times('0.023').plus(dec(8800).times('0.022')).toString());
    // 12,000 − 100 free = 11,900 GB: 10,240 at 0.09 + 1,660 at 0.085
    const dto = priced.lineItems.find((i) => i.component === 'Data transfer out to the internet')!;
    expect(dto.quantity.toString()).toBe('11900');
    expect(dto.monthly!.toString()).toBe(dec(10240).times('0.09').plus(dec(1660).times('0.085')).toString());
  });

  it('subtracts the GitHub plan minutes for standard runners', () => {
    const ci = priced.lineItems.find((i) => i.service === 'GitHub Actions')!;
    expect(ci.quantity.toString()).toBe('2000'); // 5,000 − 3,000 (Team)
    expect(ci.monthly!.toString()).toBe('12');
  });

  it('totals exactly the sum of its line items, by service too', () => {
    expect(priced.monthly.total.equals(sum(priced.lineItems.map((i) => i.monthly!)))).toBe(true);
    expect(priced.monthly.total.equals(sum(priced.monthly.byService.values()))).toBe(true);
  });

  it('carries the source and date of every price', () => {
    for (const item of priced.lineItems) {
      expect(item.provenance?.asOf, item.component).toMatch(/^\d{4}/);
      expect(item.provenance?.snapshot).toContain('embedded us-east-1');
    }
  });

  it('reports what it cannot price instead of pricing it at zero', () => {
    const r = priceResources({ resources: [{ type: 'ec2_instance', name: 'x', instanceType: 'm5.large', purchase: 'spot' }, { type: 'rds_instance', name: 'y', engine: 'mysql', instanceClass: 'db.t3.micro', deployment: 'multi-az-cluster' }] }, book);
    expect(r.monthly.complete).toBe(false);
    expect(r.monthly.total.toString()).toBe('0');
    expect(r.lineItems.map((i) => i.unpriced)).toEqual([expect.stringMatching(/Spot/), expect.stringMatching(/no price for rds\/mysql\/db\.t3\.micro\/multi-az-cluster/)]);
  });

  it('prices a 1-year RI where the book has one and says so where it does not', () => {
    const r = priceResources({ resources: [{ type: 'ec2_instance', name: 'a', instanceType: 't3.medium', purchase: 'reserved-1yr' }, { type: 'ec2_instance', name: 'b', instanceType: 'm5.large', purchase: 'reserved-1yr' }] }, book);
    expect(r.lineItems[0]!.monthly?.toString()).toBe(dec('0.0261').times(730).toString());
    expect(r.lineItems[1]!.unpriced).toMatch(/no reserved 1yr standard No Upfront Reserved Instance rate for m5\.large/);
  });

  it('prices the term, payment and offering class a resource names, with its upfront fee apart', () => {
    const r = priceResources({ resources: [{ type: 'ec2_instance', name: 'a', instanceType: 't3.medium', purchase: 'reserved-3yr', offeringClass: 'convertible' }, { type: 'ec2_instance', name: 'b', instanceType: 't3.medium', purchase: 'reserved-1yr', payment: 'All Upfront' }] }, book);
    expect(r.lineItems[0]!.monthly?.toString()).toBe(dec('0.0206').times(730).toString());
    expect(r.lineItems[0]!.purchase).toBe('reserved 3yr convertible No Upfront');
    expect(r.lineItems[1]!.unpriced).toMatch(/no reserved 1yr standard All Upfront Reserved Instance rate for t3\.medium/);
  });

  it('uses the hours per month it is given (the seeds use 720)', () => {
    const r = priceResources({ hoursPerMonth: 720, resources: [{ type: 'ec2_instance', name: 'n', instanceType: 't3.small' }] }, book);
    expect(r.monthly.total.toString()).toBe('14.976');
  });

  it('doubles when every quantity doubles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 32768 }), (count, gb) => {
        const one = priceResources({ resources: [{ type: 'ec2_instance', name: 'n', instanceType: 'm5.large', count }, { type: 'ebs_volume', name: 'v', sizeGb: gb }] }, book);
        const two = priceResources({ resources: [{ type: 'ec2_instance', name: 'n', instanceType: 'm5.large', count: count * 2 }, { type: 'ebs_volume', name: 'v', sizeGb: gb * 2 }] }, book);
        return two.monthly.total.equals(one.monthly.total.times(2));
      }),
      { numRuns: 200 },
    );
  });
});

describe('bill-of-materials validation', () => {
  function problems(bom: unknown): string[] {
    try {
      priceResources(bom, book);
    } catch (e) {
      if (e instanceof BomError) return [...e.problems];
      throw e;
    }
    return [];
  }

  it('lists every unknown field, value and type at once', () => {
    const p = problems({
      resources: [
        { type: 'ec2_instance', name: 'a', instanceType: 'm5.large', cuont: 2 },
        { type: 'ebs_volume', name: 'b', sizeGb: -1, volumeType: 'gp9' },
        { type: 'warp_drive', name: 'c' },
        { type: 'eks_cluster' },
      ],
      extra: true,
    });
    expect(p).toEqual([
      '$.extra: unknown field (known: resources, hoursPerMonth)',
      expect.stringMatching(/^\$\.resources\[0\]\.cuont: unknown field/),
      expect.stringMatching(/^\$\.resources\[1\]\.volumeType: must be one of gp3/),
      expect.stringMatching(/^\$\.resources\[1\]\.sizeGb: must be a number from 0/),
      expect.stringMatching(/^\$\.resources\[2\]\.type: unknown resource type "warp_drive"/),
      '$.resources[3].name: required',
    ]);
  });

  it('rejects NaN, infinite and non-numeric quantities', () => {
    expect(problems({ resources: [{ type: 'ebs_volume', name: 'v', sizeGb: Number.NaN }] })).toHaveLength(1);
    expect(problems({ resources: [{ type: 'ec2_instance', name: 'n', instanceType: 't3.small', count: 1.5 }] })).toHaveLength(1);
    expect(problems({ resources: 'nope' })).toEqual(['$.resources: must be an array']);
    expect(problems(null)).toHaveLength(1);
  });

  it('never throws anything but BomError for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          priceResources({ resources: [value] }, book);
        } catch (e) {
          return e instanceof BomError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('optional-part resources', () => {
  it('AWS Support bills the banded share, at least the monthly minimum; its charges must be an exact decimal string', () => {
    const price = (plan: string, awsChargesUsd: string) => priceResources({ resources: [{ type: 'support_plan', name: 's', plan, awsChargesUsd }] }, book).lineItems[0]!;
    expect(price('business', '500').monthly!.toString()).toBe('100');
    expect(price('business', '500').note).toMatch(/monthly minimum of \$100 applies/);
    // 10% of 10,000 + 7% of 70,000 + 5% of 20,000 (AWS's example bands).
    expect(price('business', '100000').monthly!.toString()).toBe('6900');
    expect(price('developer', '2000').monthly!.toString()).toBe('60');
    expect(price('enterprise', '1200000').monthly!.toString()).toBe('70500');
    expect(() => priceResources({ resources: [{ type: 'support_plan', name: 's', plan: 'business', awsChargesUsd: 1e3 }] }, book)).toThrow(/awsChargesUsd: must be a plain decimal string/);
  });

  it('RDS backups and CloudFront subtract their free allowance, never below zero', () => {
    const items = priceResources({ resources: [{ type: 'rds_backup', name: 'b', storedGb: 50, freeGb: 80 }, { type: 'cloudfront_distribution', name: 'c', dataOutGb: 11 * 1024, freeDataOutGb: 1024 }] }, book).lineItems;
    expect(items[0]!.quantity.toString()).toBe('0');
    expect(items[0]!.monthly!.toString()).toBe('0');
    // 10 TB at $0.085 after the free 1 TB.
    expect(items[1]!.monthly!.toString()).toBe(dec(10 * 1024).times('0.085').toString());
  });
});
