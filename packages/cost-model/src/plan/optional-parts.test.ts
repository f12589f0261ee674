import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineItem } from '../cost/line-item.js';
import { Decimal, ZERO, dec } from '../cost/money.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { getProfile, parseProfile, ProfileError } from '../profiles/index.js';
import { PLAN_DEFAULTS } from './plan-assumptions.js';
import { planTier } from './plan-tier.js';
import type { Plan } from './plan-types.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const DAYS = 730 / 24;
const GIB = 1024 ** 3;

const line = (p: Plan, service: string, component: string | RegExp): LineItem | undefined =>
  p.lineItems.find((i) => i.service === service && (typeof component === 'string' ? i.component === component : component.test(i.component)));
const types = (p: Plan) => new Set(p.bom.resources.map((r) => r.type));
const monthlyOf = (items: readonly LineItem[]) => items.reduce((t, i) => (i.monthly ? t.plus(i.monthly) : t), ZERO);

/** Business Support written out from AWS's table, independent of the price book's tiers. */
function businessSupport(charges: Decimal): Decimal {
  const bands: [number, number][] = [[10_000, 0.1], [80_000, 0.07], [250_000, 0.05], [Infinity, 0.03]];
  let rest = charges;
  let floor = 0;
  let fee = ZERO;
  for (const [upTo, rate] of bands) {
    const inBand = Decimal.min(rest, dec(upTo === Infinity ? rest : upTo - floor));
    fee = fee.plus(inBand.times(rate));
    rest = rest.minus(inBand);
    floor = upTo;
    if (rest.lte(0)) break;
  }
  return Decimal.max(dec(100), fee);
}

describe('optional parts', () => {
  it('are all off by default: no part resources, no parts summary, no environments', () => {
    const p = planTier({ users: 100_000, profile: 'nextjs-nestjs-postgres' }, book);
    for (const t of ['cloudfront_distribution', 'waf_web_acl', 'rds_backup', 'vpc_endpoint', 'support_plan']) expect(types(p).has(t as never)).toBe(false);
    expect(p.parts).toBeUndefined();
    expect(p.environments).toBeUndefined();
  });

  describe('CloudFront', () => {
    const base = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book);
    const cdn = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book, { parts: { cdn: {} } });

    it('carries the internet egress plus static assets; the origin stops paying data transfer out', () => {
      expect(line(base, 'Data Transfer', 'Data transfer out to the internet')).toBeDefined();
      expect(line(cdn, 'Data Transfer', 'Data transfer out to the internet')).toBeUndefined();
      const requests = cdn.demand.requestsPerDay * DAYS;
      const staticGb = (requests * PLAN_DEFAULTS.cdnStaticKiBPerRequest.value * 1024) / GIB;
      const out = line(cdn, 'CloudFront', /^Data transfer out/)!;
      expect(out.quantity.toNumber()).toBeCloseTo(cdn.demand.egressGbPerMonth + staticGb - 1024, 6);
      expect(out.provenance?.sourceId).toBe('aws-cloudfront-pricing');
      // First 10 TB at $0.085, next 40 TB at $0.080 … (AWS's table), so the blended price is below the first tier's.
      expect(out.tiers![0]!.unitPrice.toString()).toBe('0.085');
      expect(out.unitPrice!.lt('0.085')).toBe(true);
    });

    it('prices what it knows and leaves HTTPS requests unpriced with the reason, never as zero', () => {
      const https = line(cdn, 'CloudFront', 'HTTPS requests')!;
      expect(https.monthly).toBeUndefined();
      expect(https.unpriced).toMatch(/cloudfront\/requests\/https\/us.*no AWS page/);
      expect(cdn.monthly.complete).toBe(false);
      const removed = line(base, 'Data Transfer', 'Data transfer out to the internet')!.monthly!;
      expect(cdn.monthly.total.minus(base.monthly.total).toString()).toBe(line(cdn, 'CloudFront', /^Data transfer out/)!.monthly!.minus(removed).toString());
      expect(cdn.assumptions.find((a) => a.name === 'cdnStaticKiBPerRequest')?.why).toMatch(/tier-planner assumption/);
      expect(base.assumptions.some((a) => a.name === 'cdnStaticKiBPerRequest')).toBe(false);
    });
  });

  describe('AWS WAF', () => {
    it('sits on the ALB without a CDN and inspects every API request; on CloudFront it inspects every CloudFront request', () => {
      const alb = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { parts: { waf: { rules: 8 } } });
      const edge = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { parts: { waf: {}, cdn: {} } });
      expect(alb.parts?.waf).toMatchObject({ on: 'alb', rules: 8, requests: alb.demand.requestsPerDay * DAYS });
      expect(edge.parts?.waf).toMatchObject({ on: 'cloudfront', rules: PLAN_DEFAULTS.wafRules.value, requests: edge.parts!.cdn!.httpsRequests });
      expect(line(alb, 'WAF', 'Rules')!.quantity.toNumber()).toBe(8);
      expect(line(alb, 'WAF', 'Requests inspected')!.quantity.toNumber()).toBeCloseTo((alb.demand.requestsPerDay * DAYS) / 1e6, 9);
      for (const c of ['Web ACL', 'Rules', 'Requests inspected']) {
        expect(line(alb, 'WAF', c)!.monthly).toBeUndefined();
        expect(line(alb, 'WAF', c)!.unpriced).toMatch(/AWS WAF prices are not in the shared facts/);
      }
    });
  });

  describe('backups', () => {
    it('bill RDS backup storage only beyond the provisioned storage (free up to 100%, AWS)', () => {
      const p = planTier({ users: 1_000_000, profile: 'nextjs-nestjs-postgres' }, book, { parts: { backups: { retentionDays: 35 } } });
      const db = p.storage.database!;
      const stored = p.demand.databaseGb * (1 + PLAN_DEFAULTS.backupDailyChangedShare.value * 35);
      const free = db.storageGb * db.instances;
      const item = line(p, 'RDS', 'Backup storage (beyond the free allocation)')!;
      expect(item.quantity.toNumber()).toBeCloseTo(Math.max(0, stored - free), 6);
      expect(item.unitPrice!.toString()).toBe(book.price('rds/backup-storage')!.usd);
      expect(p.parts?.backups).toMatchObject({ retentionDays: 35, rdsFreeGb: free });
    });

    it('never bill a negative amount, and keeping backups longer never costs less (all profiles and users)', () => {
      const withDb = ['nextjs-nestjs-postgres', 'microservices-mysql', 'trading-fargate', 'fintech-fargate-jenkins'];
      fc.assert(
        fc.property(fc.constantFrom(...withDb), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 34 }), (profile, users, days) => {
          const cost = (d: number) => {
            const p = planTier({ users, profile }, book, { parts: { backups: { retentionDays: d } } });
            const items = p.lineItems.filter((i) => i.resource === 'database backups' || i.resource === 'volume snapshots');
            for (const i of items) expect(i.quantity.gte(0)).toBe(true);
            return monthlyOf(items);
          };
          expect(cost(days + 1).gte(cost(days))).toBe(true);
        }),
        { numRuns: 25, seed: 13 },
      );
    });

    it('snapshot persistent volumes incrementally: size × (1 + changed share × retention days)', () => {
      const p = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { parts: { backups: {} } });
      const gb = p.storage.persistentVolumes.reduce((n, v) => n + v.sizeGb * v.count, 0);
      expect(gb).toBeGreaterThan(0);
      const snap = line(p, 'EBS', 'Snapshot storage')!;
      expect(snap.quantity.toNumber()).toBeCloseTo(gb * (1 + 0.05 * 7), 9);
      expect(planTier({ users: 100_000, profile: 'eks-web-app' }, book, { parts: { backups: { ebsSnapshots: false } } }).lineItems.some((i) => i.component === 'Snapshot storage')).toBe(false);
    });
  });

  describe('VPC endpoints', () => {
    it('take S3 and AWS API bytes off NAT: the gateway endpoint for free, interface endpoints per GB and per AZ-hour', () => {
      const base = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book);
      const p = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book, { parts: { vpcEndpoints: {} } });
      const nat = (x: Plan) => line(x, 'VPC', 'Data processed (NAT gateway)')!.quantity.toNumber();
      expect(nat(p)).toBeCloseTo(nat(base) * (1 - 0.5 - 0.3), 6);
      expect(line(p, 'VPC', 'Data processed (interface endpoints)')!.quantity.toNumber()).toBeCloseTo(nat(base) * 0.3, 6);
      expect(p.parts?.vpcEndpoints?.natGbRemoved).toBeCloseTo(nat(base) * 0.8, 6);
      const hours = line(p, 'VPC', 'Interface endpoint (per AZ)')!;
      expect(hours.quantity.toNumber()).toBe(730 * 5 * p.azs);
      expect(hours.unpriced).toMatch(/per interface endpoint per AZ/);
      const s3Only = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book, { parts: { vpcEndpoints: { interface: [] } } });
      expect(types(s3Only).has('vpc_endpoint')).toBe(false);
      expect(nat(s3Only)).toBeCloseTo(nat(base) * 0.5, 6);
    });
  });

  describe('AWS Support', () => {
    it('is the banded share of the AWS charges (not GitHub), at least the monthly minimum', () => {
      for (const users of [10, 3_000_000]) {
        const p = planTier({ users, profile: 'nextjs-nestjs-postgres' }, book, { parts: { support: 'business' } });
        const support = line(p, 'Support', 'AWS Support (business)')!;
        const charges = monthlyOf(p.lineItems.filter((i) => i.service !== 'Support' && i.service !== 'GitHub Actions'));
        expect(support.quantity.toString()).toBe(charges.toString());
        expect(support.monthly!.toString()).toBe(businessSupport(charges).toString());
        if (users === 10) expect(support.note).toMatch(/monthly minimum of \$100 applies/);
      }
    });

    it('basic is no plan at all', () => {
      expect(types(planTier({ users: 10, profile: 'eks-web-app' }, book, { parts: { support: 'basic' } })).has('support_plan')).toBe(false);
    });
  });

  describe('other environments', () => {
    it('are their own single-AZ plans, shown apart from the total and summed beside it', () => {
      const prod = planTier({ users: 2_000_000, profile: 'nextjs-nestjs-postgres' }, book);
      const p = planTier({ users: 2_000_000, profile: 'nextjs-nestjs-postgres' }, book, { parts: { environments: [{ name: 'staging', share: 0.05 }, { name: 'qa', users: 500, ha: true }] } });
      expect(p.monthly.total.toString()).toBe(prod.monthly.total.toString());
      const [staging, qa] = p.environments!;
      const alone = planTier({ users: 100_000, profile: 'nextjs-nestjs-postgres' }, book, { ha: false });
      expect(staging).toMatchObject({ name: 'staging', users: 100_000, ha: false });
      expect(staging!.monthly.total.toString()).toBe(alone.monthly.total.toString());
      expect(qa).toMatchObject({ name: 'qa', users: 500, ha: true });
      expect(p.withEnvironments!.total.toString()).toBe(p.monthly.total.plus(staging!.monthly.total).plus(qa!.monthly.total).toString());
      expect(p.withEnvironments!.costPerUser.toString()).toBe(p.withEnvironments!.total.div(2_000_000).toDecimalPlaces(20).toString());
    });

    it('share one Support plan with production, priced on the whole account', () => {
      const p = planTier({ users: 1_000_000, profile: 'nextjs-nestjs-postgres' }, book, { parts: { support: 'business', environments: [{ name: 'staging', share: 0.1 }] } });
      const support = line(p, 'Support', /^AWS Support/)!;
      const prodAws = monthlyOf(p.lineItems.filter((i) => i.service !== 'Support' && i.service !== 'GitHub Actions'));
      const envAws = monthlyOf(p.environments![0]!.lineItems.filter((i) => i.service !== 'GitHub Actions'));
      expect(support.quantity.toString()).toBe(prodAws.plus(envAws).toString());
      expect(p.environments![0]!.lineItems.some((i) => i.service === 'Support')).toBe(false);
    });
  });

  it('a caller can turn a profile part off with false', () => {
    const profile = { ...getProfile('eks-web-app'), name: 'with-cdn', parts: { cdn: {}, support: 'developer' as const } };
    expect(types(planTier({ users: 1000, profile }, book)).has('cloudfront_distribution')).toBe(true);
    const off = planTier({ users: 1000, profile }, book, { parts: { cdn: false } });
    expect(types(off).has('cloudfront_distribution')).toBe(false);
    expect(types(off).has('support_plan')).toBe(true);
  });

  it('bad parts are reported at once, path first', () => {
    const raw = JSON.parse(JSON.stringify(getProfile('eks-web-app')));
    raw.parts = { support: 'gold', environments: [{ name: 'staging', users: 10, share: 0.1 }, { name: 'qa' }], backups: { retentionDays: 90 } };
    let problems: readonly string[] = [];
    try {
      parseProfile(raw, 'test');
    } catch (e) {
      problems = (e as ProfileError).problems;
    }
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\.parts\.support: must be one of basic, developer/), expect.stringMatching(/^\$\.parts\.backups\.retentionDays: must be at least 1 and at most 35/)]));
    raw.parts = { environments: [{ name: 'staging', users: 10, share: 0.1 }, { name: 'qa' }, { name: 'qa', users: 3 }] };
    try {
      parseProfile(raw, 'test');
      problems = [];
    } catch (e) {
      problems = (e as ProfileError).problems;
    }
    expect(problems).toEqual(['$.parts.environments[0]: give either users or share, not both', '$.parts.environments[1]: give either users or share, not neither', '$.parts.environments[2].name: duplicate environment name "qa"']);
    expect(() => planTier({ users: 10, profile: 'eks-web-app' }, book, { parts: { environments: [{ name: 'x' }] } })).toThrow(/give either users or share/);
  });
});
