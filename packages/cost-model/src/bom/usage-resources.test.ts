import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../cost/money.js';
import { createPriceBook } from '../pricing/price-book.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { BomError, priceResources } from './price-resources.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
/** The book's flat rate for a key (tests compare against the book, never against copied output). */
const rate = (key: string) => dec(book.price(key)!.usd!);
const items = (...resources: object[]) => priceResources({ resources }, book).lineItems;
const only = (...resources: object[]) => {
  const all = items(...resources);
  expect(all).toHaveLength(1);
  return all[0]!;
};

function problems(bom: unknown): string[] {
  try {
    priceResources(bom, book);
  } catch (e) {
    if (e instanceof BomError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('s3_bucket beyond storage', () => {
  it('takes requests with no storage at all', () => {
    const line = only({ type: 's3_bucket', name: 'uploads', putRequests: 2_000_000 });
    expect(line.price).toEqual({ kind: 'dimension', key: 's3/standard/put-requests' });
    expect(line.monthly!.toString()).toBe(rate('s3/standard/put-requests').times(2000).toString());
  });

  it('prices requests, retrievals, restores and transitions per class from their own keys', () => {
    const lines = items({
      type: 's3_bucket',
      name: 'b',
      putRequestsByClass: { standardIa: 10_000, glacierFlexible: 3000 },
      getRequestsByClass: { standardIa: 50_000 },
      retrievalGb: { standardIa: 40, glacierFlexibleExpedited: 2, deepArchiveBulk: 100 },
      restoreRequests: { glacierFlexible: 1000, deepArchiveBulk: 4000 },
      transitionRequests: { glacierFlexible: 5000 },
    });
    const byKey = new Map(lines.map((l) => [(l.price as { key: string }).key, l]));
    expect(byKey.get('s3/standard-ia/put-requests')!.monthly!.toString()).toBe(rate('s3/standard-ia/put-requests').times(10).toString());
    expect(byKey.get('s3/glacier-flexible/put-requests')!.monthly!.toString()).toBe(rate('s3/glacier-flexible/put-requests').times(3).toString());
    expect(byKey.get('s3/standard-ia/get-requests')!.monthly!.toString()).toBe(rate('s3/standard-ia/get-requests').times(50).toString());
    expect(byKey.get('s3/standard-ia/retrieval')!.monthly!.toString()).toBe(rate('s3/standard-ia/retrieval').times(40).toString());
    expect(byKey.get('s3/glacier-flexible/retrieval/expedited')!.monthly!.toString()).toBe(rate('s3/glacier-flexible/retrieval/expedited').times(2).toString());
    expect(byKey.get('s3/deep-archive/retrieval/bulk')!.monthly!.toString()).toBe(rate('s3/deep-archive/retrieval/bulk').times(100).toString());
    expect(byKey.get('s3/glacier-flexible/restore-requests/standard')!.monthly!.toString()).toBe(rate('s3/glacier-flexible/restore-requests/standard').toString());
    expect(byKey.get('s3/deep-archive/restore-requests/bulk')!.monthly!.toString()).toBe(rate('s3/deep-archive/restore-requests/bulk').times(4).toString());
    expect(byKey.get('s3/glacier-flexible/transition-requests')!.monthly!.toString()).toBe(rate('s3/glacier-flexible/transition-requests').times(5).toString());
    // A rate that differs by class is not borrowed from another class.
    expect(rate('s3/glacier-flexible/put-requests').equals(rate('s3/standard/put-requests'))).toBe(false);
  });

  it('prices the Intelligent-Tiering tiers and its monitoring per 1k objects', () => {
    const lines = items({ type: 's3_bucket', name: 'it', storageGb: { intelligentTiering: 100, intelligentTieringInfrequent: 200, intelligentTieringArchive: 300, intelligentTieringDeepArchive: 400 }, monitoredObjects: 250_000 });
    expect(lines.map((l) => l.monthly!.toString())).toEqual([
      rate('s3/intelligent-tiering/frequent-storage').times(100).toString(),
      rate('s3/intelligent-tiering/infrequent-storage').times(200).toString(),
      rate('s3/intelligent-tiering/archive-storage').times(300).toString(),
      rate('s3/intelligent-tiering/deep-archive-storage').times(400).toString(),
      rate('s3/intelligent-tiering/monitoring').times(250).toString(),
    ]);
  });

  it('bills the rest of the minimum storage duration for early deletes, never for objects past it', () => {
    fc.assert(
      fc.property(fc.constantFrom(['standardIa', 30, 's3/standard-ia/storage'], ['oneZoneIa', 30, 's3/one-zone-ia/storage'], ['glacierFlexible', 90, 's3/glacier-flexible/storage'], ['deepArchive', 180, 's3/deep-archive/storage']), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 400 }), ([cls, days, key], gb, age) => {
        const line = only({ type: 's3_bucket', name: 'e', earlyDeletedGb: { [cls]: gb }, earlyDeletedAgeDays: { [cls]: age } });
        const remaining = Math.max(0, (days as number) - age);
        // GB × remaining days × 24 h, in GB-months of 730 h, at the class's own storage price.
        expect(line.quantity.equals(dec(gb).times(remaining).times(24).div(730))).toBe(true);
        expect(line.monthly!.equals(line.quantity.times(rate(key as string)))).toBe(true);
        expect(line.note).toContain(`${days}-day minimum`);
      }),
      { numRuns: 200 },
    );
  });

  it('says what it cannot price: Select, One Zone-IA requests, Glacier Instant Retrieval early deletes', () => {
    const lines = items({ type: 's3_bucket', name: 'x', selectScannedGb: 10, selectReturnedGb: 1, putRequestsByClass: { oneZoneIa: 1000 }, earlyDeletedGb: { glacierInstant: 5 } });
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      expect(l.monthly, l.component).toBeUndefined();
      expect(l.unpriced, l.component).toMatch(/no price for s3\/.+: /);
    }
  });

  it('keeps the old shape (storageGb with Standard requests) pricing as before', () => {
    const lines = items({ type: 's3_bucket', name: 'old', storageGb: { standard: 10, standardIa: 5 }, putRequests: 1000, getRequests: 1000 });
    expect(lines.map((l) => (l.price as { key: string }).key)).toEqual(['s3/standard/storage', 's3/standard-ia/storage', 's3/standard/put-requests', 's3/standard/get-requests']);
  });
});

describe('route53_zone, kms_key, cloudwatch_logs', () => {
  it('prices latency and geo queries on their own tiers (cheaper past 1B queries)', () => {
    const [zone, latency, geo] = items({ type: 'route53_zone', name: 'dns', latencyQueriesMillions: 1500, geoQueriesMillions: 10 });
    expect(zone!.component).toBe('Hosted zone');
    const lat = book.price('route53/latency-queries')!.tiers!;
    expect(latency!.monthly!.toString()).toBe(dec(1000).times(lat[0]!.usd).plus(dec(500).times(lat[1]!.usd)).toString());
    expect(geo!.monthly!.toString()).toBe(dec(10).times(book.price('route53/geo-queries')!.tiers![0]!.usd).toString());
  });

  it('lists health checks as unpriced with the reason, and a zone count of 0 bills no zone', () => {
    const lines = items({ type: 'route53_zone', name: 'hc', zones: 0, healthChecks: { aws: 3, other: 1 }, healthCheckOptionalFeatures: { aws: 2 } });
    expect(lines.map((l) => l.component)).toEqual(['Health checks (AWS endpoints)', 'Health check optional features (AWS endpoints)', 'Health checks (other endpoints)']);
    for (const l of lines) expect(l.unpriced).toMatch(/route53\/health-check.*third-party|route53\/health-check.*not in the shared facts/);
  });

  it('KMS: keys, requests less the free tier the book lists, asymmetric requests at their own rate', () => {
    const free = book.allowance('kms/requests/free')!.quantity;
    const [keys, sym, rsa] = items({ type: 'kms_key', name: 'k', keys: 3, requests: 1_000_000, rsaRequests: 20_000, applyFreeTier: true });
    expect(keys!.monthly!.toString()).toBe(rate('kms/customer-managed-key').times(3).toString());
    expect(sym!.quantity.toString()).toBe(dec(1_000_000 - free).div(10_000).toString());
    expect(sym!.note).toMatch(/less 20000 free/);
    expect(rsa!.monthly!.toString()).toBe(rate('kms/requests/rsa').times(2).toString());
    // An explicit figure overrides the book; without applyFreeTier nothing is subtracted.
    expect(items({ type: 'kms_key', name: 'k', keys: 1, requests: 50_000, freeRequests: 10_000 })[1]!.quantity.toString()).toBe('4');
    expect(items({ type: 'kms_key', name: 'k', keys: 1, requests: 50_000 })[1]!.quantity.toString()).toBe('5');
  });

  it('CloudWatch Logs Insights bills GB scanned', () => {
    const [, insights] = items({ type: 'cloudwatch_logs', name: 'l', ingestedGb: 1, insightsScannedGb: 400 });
    expect(insights!.monthly!.toString()).toBe(rate('cloudwatch/logs/insights-scanned').times(400).toString());
  });
});

describe('cloudfront_distribution and waf_web_acl', () => {
  it('prices each viewer region on its own tiers and takes the free GB off the United States first', () => {
    const lines = items({ type: 'cloudfront_distribution', name: 'cdn', dataOutGb: 600, dataOutGbByRegion: { europe: 2000, japan: 100 }, freeDataOutGb: 1024 });
    expect(lines.map((l) => l.quantity.toString())).toEqual(['0', String(2000 - 424), '100']);
    expect(lines[1]!.monthly!.toString()).toBe(dec(1576).times(book.price('cloudfront/data-transfer-out/europe')!.tiers![0]!.usd).toString());
    expect(lines[2]!.monthly!.toString()).toBe(dec(100).times(book.price('cloudfront/data-transfer-out/japan')!.tiers![0]!.usd).toString());
  });

  it('subtracts exactly the free GB, never more than was sent, and never below zero in any region', () => {
    const gb = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(gb, gb, gb, fc.integer({ min: 0, max: 3_000_000 }), (us, europe, india, free) => {
        const lines = items({ type: 'cloudfront_distribution', name: 'cdn', dataOutGb: us, dataOutGbByRegion: { europe, india }, freeDataOutGb: free });
        const billed = sum(lines.map((l) => l.quantity));
        expect(billed.equals(Math.max(0, us + europe + india - free))).toBe(true);
        for (const l of lines) expect(l.quantity.gte(0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('looks the free tier up in the book when asked, and shows requests unpriced with the reason', () => {
    const [us, https, http] = items({ type: 'cloudfront_distribution', name: 'cdn', dataOutGb: 5000, httpsRequests: 30_000_000, httpRequests: 1_000_000, applyFreeTier: true });
    expect(us!.quantity.toString()).toBe(String(5000 - book.allowance('cloudfront/data-transfer-out/free-gb')!.quantity));
    // 10M free requests come off HTTPS first.
    expect(https!.quantity.toString()).toBe('2000');
    expect(http!.quantity.toString()).toBe('100');
    expect(https!.unpriced).toMatch(/cloudfront\/requests\/https\/us/);
    expect(http!.unpriced).toMatch(/cloudfront\/requests\/http\/us/);
  });

  it('WAF bills per web ACL and stays unpriced with its reason', () => {
    const lines = items({ type: 'waf_web_acl', name: 'w', webAcls: 2, rules: 10, requests: 5e6 });
    expect(lines.map((l) => l.quantity.toString())).toEqual(['2', '10', '5']);
    for (const l of lines) expect(l.unpriced).toMatch(/only third-party pages|no AWS page read/);
  });
});

describe('BOM ergonomics', () => {
  it('a load balancer needs its capacity units: none are invented', () => {
    expect(problems({ resources: [{ type: 'load_balancer', name: 'alb' }] })).toEqual(['$.resources[0].capacityUnits: required (average LCU or NLCU per load balancer; no default is assumed)']);
    const [, lcu] = items({ type: 'load_balancer', name: 'alb', capacityUnits: 0 });
    expect(lcu!.quantity.toString()).toBe('0');
  });

  it('data transfer and GitHub Actions both look their allowance up in the book, and an explicit figure wins', () => {
    const free = book.allowance('data-transfer/internet-out/free-gb')!.quantity;
    expect(only({ type: 'data_transfer', name: 'd', internetOutGb: 500, applyFreeAllowance: true }).quantity.toString()).toBe(String(500 - free));
    expect(only({ type: 'data_transfer', name: 'd', internetOutGb: 500, applyFreeAllowance: true, applyFreeAllowanceGb: 20 }).quantity.toString()).toBe('480');
    // Files written before the lookup existed keep their meaning.
    expect(only({ type: 'data_transfer', name: 'd', internetOutGb: 500, applyFreeAllowanceGb: 100 }).quantity.toString()).toBe('400');
    expect(only({ type: 'data_transfer', name: 'd', internetOutGb: 500 }).quantity.toString()).toBe('500');
    const team = book.allowance('github-actions/included-minutes/team')!.quantity;
    expect(only({ type: 'github_actions', name: 'ci', minutes: 10_000, plan: 'team' }).quantity.toString()).toBe(String(10_000 - team));
    expect(only({ type: 'github_actions', name: 'ci', minutes: 10_000, plan: 'team', includedMinutes: 1000 }).quantity.toString()).toBe('9000');
  });

  it('says so when the book has no allowance to look up, and subtracts nothing', () => {
    const bare = createPriceBook({ ...snapshotOf(book), allowances: [] }, book.origin);
    const line = priceResources({ resources: [{ type: 'data_transfer', name: 'd', internetOutGb: 500, applyFreeAllowance: true }] }, bare).lineItems[0]!;
    expect(line.quantity.toString()).toBe('500');
    expect(line.note).toMatch(/lists no free allowance/);
  });

  it('totals stay the sum of their priced lines with every new field in play', () => {
    const r = priceResources({ resources: [{ type: 's3_bucket', name: 's', storageGb: { deepArchive: 10 }, retrievalGb: { deepArchive: 5 } }, { type: 'kms_key', name: 'k', keys: 1 }, { type: 'route53_zone', name: 'z', geoQueriesMillions: 1 }] }, book);
    expect(r.monthly.complete).toBe(true);
    expect(r.monthly.total.equals(sum(r.lineItems.map((i) => i.monthly!)))).toBe(true);
  });
});

/** The snapshot content behind a book, enough to build a variant of it. */
function snapshotOf(b: typeof book): Parameters<typeof createPriceBook>[0] {
  return {
    region: b.region,
    currency: b.currency,
    generatedAt: b.generatedAt,
    generator: b.generator,
    sources: b.sources,
    ec2: { priceSource: b.ec2Sources.price, specSource: b.ec2Sources.spec, podsSource: b.ec2Sources.pods, instances: {}, dropped: {} },
    prices: b.dimensions,
    allowances: b.allowances,
    missing: b.missing,
  } as unknown as Parameters<typeof createPriceBook>[0];
}
