import { loadPriceBook, snapshotPath, type PriceDimension, type SnapshotContent } from '@tier-planner/cost-model';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEmbeddedReference } from './embedded-reference.js';
import { isCopiedKey } from './assemble-snapshot.js';
import { refreshPriceSnapshot, type RefreshOptions, type RefreshProgress } from './index.js';
import { SERVICES } from './services/index.js';
import type { FakePriceListServer, FakeProduct } from './testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from './testing/fixture-items.js';
import {
  clientFor,
  dirWithPreviousSnapshot as previousSnapshot,
  expectUntouched,
  onCleanup,
  refreshError,
  runCleanups,
  serve,
  tempDir,
} from './testing/refresh-harness.js';

// These tests drive the real AWS SDK client over HTTP against a loopback Price List server whose
// products are generated from the embedded us-east-1 snapshot (plus one real m5.large item).

const NOW = new Date('2026-12-01T10:00:00Z');
const noSleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});

let embedded: SnapshotContent;
let fixtures: FakeProduct[];

beforeAll(() => {
  embedded = readEmbeddedReference();
  fixtures = fixtureProductsFromSnapshot(embedded);
});

afterEach(async () => {
  await runCleanups();
  noSleep.mockClear();
});

function options(server: FakePriceListServer, outDir: string, extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { region: 'us-east-1', outDir, client: clientFor(server), now: () => NOW, sleep: noSleep, random: () => 0.5, ...extra };
}

const dirWithPreviousSnapshot = () => previousSnapshot(embedded);

const priceOf = (d: PriceDimension | undefined) => d && { usd: d.usd, tiers: d.tiers, unit: d.unit, description: d.description, service: d.service };
const served = (key: string) => SERVICES.some((s) => s.ruleFor(key) !== undefined);

describe('refreshPriceSnapshot against the loopback Price List server', () => {
  it('reproduces the embedded us-east-1 prices for every key it serves, and the real m5.large reserved terms', async () => {
    const server = await serve(fixtures);
    const dir = tempDir();
    const events: RefreshProgress[] = [];
    const { path, content, report } = await refreshPriceSnapshot(options(server, dir, { onProgress: (e) => events.push(e) }));

    expect(path).toBe(snapshotPath(dir, 'us-east-1'));
    const book = loadPriceBook({ file: path, region: 'us-east-1' });
    expect(book.generator).toBe('pricing refresh (AWS Price List API)');
    expect(book.generatedAt).toBe('2026-12-01T10:00:00Z');

    const byKey = new Map(content.prices.map((p) => [p.key, p]));
    const missingKeys = new Map(content.missing.map((m) => [m.key, m.reason]));
    for (const dim of embedded.prices) {
      if (isCopiedKey(dim.key)) expect(byKey.get(dim.key)).toEqual(dim);
      else if (served(dim.key)) expect(priceOf(byKey.get(dim.key)), dim.key).toEqual(priceOf(dim));
      else {
        expect(byKey.has(dim.key), dim.key).toBe(false);
        expect(missingKeys.get(dim.key), dim.key).toMatch(/\w/);
      }
    }
    expect(content.prices.map((p) => p.key).sort()).toEqual(embedded.prices.filter((p) => byKey.has(p.key)).map((p) => p.key).sort());
    expect([...missingKeys.keys()].filter((k) => k.startsWith('fargate-spot/'))).toHaveLength(2);
    expect(content.allowances).toEqual(embedded.allowances);
    // The EKS version calendar is AWS documentation, not a Price List product: kept as built, with its sources.
    expect(content.kubernetesVersions).toEqual(embedded.kubernetesVersions);
    for (const v of content.kubernetesVersions!) expect(content.sources[v.source], v.version).toEqual(embedded.sources[v.source]);
    expect(book.kubernetesVersion('1.34')?.endOfStandardSupport).toBe('2026-12-02');
    // So is the RDS Extended Support calendar.
    expect(content.rdsEngineVersions).toEqual(embedded.rdsEngineVersions);
    for (const v of content.rdsEngineVersions!) expect(content.sources[v.source], v.version).toEqual(embedded.sources[v.source]);
    // MSK broker and ElastiCache node sizing facts are AWS documentation too: kept, with their sources.
    const sized = embedded.prices.filter((p) => (p.spec?.broker || p.spec?.cacheNode) && byKey.has(p.key));
    expect(sized.length).toBeGreaterThan(0);
    for (const dim of sized) {
      expect(byKey.get(dim.key)!.spec, dim.key).toEqual(dim.spec);
      const id = (dim.spec!.broker ?? dim.spec!.cacheNode)!.source;
      expect(content.sources[id], dim.key).toEqual(embedded.sources[id]);
    }

    expect(content.prices.some((p) => p.key === 'support/business/monthly-minimum')).toBe(true);
    for (const p of content.prices.filter((p) => !isCopiedKey(p.key))) {
      expect(p.sku, p.key).toMatch(/^[A-Z0-9]+$/);
      expect(content.sources[p.source]).toMatchObject({ confidence: 'vendor-api', title: expect.stringMatching(/^AWS Price List API GetProducts /) });
    }

    // The EC2 catalog: same types, same figures; pods and ENIs come from the embedded catalog.
    expect(Object.keys(content.ec2.instances).sort()).toEqual(Object.keys(embedded.ec2.instances).sort());
    for (const [name, record] of Object.entries(embedded.ec2.instances)) {
      const { reserved: _r, ...rest } = record;
      const { reserved: _n, ...fresh } = content.ec2.instances[name]!;
      expect(fresh, name).toEqual(rest);
    }
    // CPU credit baselines and previous-generation marks are kept with their sources.
    expect(content.ec2.instances['t3.medium']!.burst).toEqual(embedded.ec2.instances['t3.medium']!.burst);
    expect(content.ec2.instances['a1.large']!.previousGeneration).toBeDefined();
    for (const r of Object.values(content.ec2.instances)) {
      for (const id of [r.burst?.source, r.previousGeneration?.source]) if (id) expect(content.sources[id], id).toEqual(embedded.sources[id]);
    }
    const strip = (r: readonly { term: string; offeringClass: string; paymentOption: string; hourlyUsd: string; upfrontUsd: string }[] = []) =>
      r.map(({ term, offeringClass, paymentOption, hourlyUsd, upfrontUsd }) => ({ term, offeringClass, paymentOption, hourlyUsd, upfrontUsd }));
    expect(strip(content.ec2.instances['t3.medium']!.reserved)).toEqual(expect.arrayContaining(strip(embedded.ec2.instances['t3.medium']!.reserved)));
    const m5 = content.ec2.instances['m5.large']!;
    expect(m5.onDemandUsd).toBe('0.096');
    expect(m5.reserved).toHaveLength(12);
    expect(strip(m5.reserved)).toEqual(
      expect.arrayContaining([
        { term: '1yr', offeringClass: 'standard', paymentOption: 'No Upfront', hourlyUsd: '0.06', upfrontUsd: '0' },
        { term: '1yr', offeringClass: 'convertible', paymentOption: 'Partial Upfront', hourlyUsd: '0.034', upfrontUsd: '294' },
        { term: '3yr', offeringClass: 'convertible', paymentOption: 'All Upfront', hourlyUsd: '0', upfrontUsd: '1161' },
        { term: '3yr', offeringClass: 'standard', paymentOption: 'No Upfront', hourlyUsd: '0.041', upfrontUsd: '0' },
      ]),
    );
    expect(m5.reserved!.every((r) => r.sku === '6C86BEPQVG73ZGGR')).toBe(true);
    expect(content.sources[content.ec2.priceSource]!.asOf).toBe('2026-11-23');

    // The real wire format, and visible progress.
    expect(server.requests[0]!.target).toBe('AWSPriceListService.GetProducts');
    expect(server.requests[0]!.body.Filters).toEqual(expect.arrayContaining([{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' }]));
    expect(report.requests).toBe(server.requests.length);
    expect(events.filter((e) => e.kind === 'page').length).toBe(server.requests.length);
    expect(events.at(-1)).toEqual({ kind: 'writing', path });
    expect(report.instanceTypes).toBe(Object.keys(embedded.ec2.instances).length);
  });

  it('follows NextToken over many pages', async () => {
    const server = await serve(fixtures, { pageSize: 37 });
    const { content } = await refreshPriceSnapshot(options(server, tempDir()));
    const ec2Pages = server.requests.filter((r) => r.body.ServiceCode === 'AmazonEC2' && r.body.Filters?.some((f) => f.Value === 'Compute Instance'));
    const computeItems = fixtures.filter((p) => JSON.stringify(p.item).includes('"productFamily":"Compute Instance"')).length;
    expect(ec2Pages.length).toBe(Math.ceil(computeItems / 37));
    expect(ec2Pages.map((r) => r.body.NextToken)).toEqual([undefined, ...ec2Pages.slice(1).map((_, i) => String((i + 1) * 37))]);
    expect(Object.keys(content.ec2.instances)).toHaveLength(Object.keys(embedded.ec2.instances).length);
  });

  it('retries a throttled request once with backoff and then succeeds', async () => {
    const server = await serve(fixtures, { throttleRequests: [3] });
    const events: RefreshProgress[] = [];
    const { report } = await refreshPriceSnapshot(options(server, tempDir(), { onProgress: (e) => events.push(e) }));
    expect(report.retries).toBe(1);
    expect(noSleep).toHaveBeenCalledTimes(1);
    expect(noSleep.mock.calls[0]).toEqual([375, expect.any(AbortSignal)]); // 500 ms ceiling, half fixed + half × jitter 0.5
    expect(events.filter((e) => e.kind === 'retry')).toEqual([{ kind: 'retry', service: 'EC2', serviceCode: 'AmazonEC2', attempt: 1, delayMs: 375, reason: 'throttled' }]);
  });

  it('gives up with THROTTLED after maxAttempts and leaves the previous snapshot alone', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures, { throttleRequests: [1, 2, 3] });
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir, { maxAttempts: 3 })));
    expect(error.code).toBe('THROTTLED');
    expect(error.message).toMatch(/throttled GetProducts AmazonEC2 3 times/);
    expect(noSleep.mock.calls.map((c) => c[0])).toEqual([375, 750]);
    expectUntouched(prev);
  });

  it('fails with NETWORK when the server dies mid-pagination, leaving the previous snapshot byte-for-byte intact', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures, { pageSize: 50, dieFromRequest: 6 });
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir)));
    expect(error.code).toBe('NETWORK');
    expect(error.message).not.toContain('\n');
    expect(server.requests[5]!.body.NextToken).toBe('250'); // it died on page 6 of the first query
    expect(server.requests.length).toBe(10); // 5 pages, then page 6 tried maxAttempts (5) times: a reset is transient
    expectUntouched(prev);
  });

  it('retries HTTP 5xx and reports NETWORK when it persists', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures, { serverErrorRequests: [1, 2] });
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir, { maxAttempts: 2 })));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/HTTP 500/);
    expectUntouched(prev);
  });

  it('refuses a malformed item with a message naming its SKU', async () => {
    const prev = dirWithPreviousSnapshot();
    const broken = structuredClone(fixtures.find((p) => JSON.stringify(p.item).includes('NatGateway-Hours'))!);
    const item = broken.item as { product: { sku: string }; terms: { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }> } };
    const dim = Object.values(Object.values(item.terms.OnDemand)[0]!.priceDimensions)[0]!;
    dim.pricePerUnit.USD = '4.5e-2';
    const server = await serve([...fixtures.filter((p) => !JSON.stringify(p.item).includes('NatGateway-Hours')), broken]);
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir)));
    expect(error.code).toBe('MALFORMED_ITEM');
    expect(error.message).toContain(`SKU ${item.product.sku}`);
    expect(error.message).toContain('"4.5e-2"');
    expectUntouched(prev);
  });

  it('names the IAM actions it needs when access is denied', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures, { denyAccess: true });
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir)));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain('pricing:GetProducts');
    expect(error.message).toContain('pricing:DescribeServices');
    expectUntouched(prev);
  });

  it('refuses to write when the API returns no EC2 prices', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures.filter((p) => !JSON.stringify(p.item).includes('BoxUsage:')));
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir)));
    expect(error.code).toBe('EMPTY');
    expectUntouched(prev);
  });

  it('puts dimensions the API did not return into missing, never at zero', async () => {
    const withoutNat = fixtures.filter((p) => !JSON.stringify(p.item).includes('NatGateway-'));
    const zeroed = structuredClone(withoutNat.find((p) => JSON.stringify(p.item).includes('AmazonECR'))!);
    const ecrDims = Object.values((zeroed.item as { terms: { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }> } }).terms.OnDemand)[0]!.priceDimensions;
    for (const d of Object.values(ecrDims)) d.pricePerUnit.USD = '0.0000000000';
    const server = await serve([...withoutNat.filter((p) => !JSON.stringify(p.item).includes('AmazonECR')), zeroed]);
    const { content } = await refreshPriceSnapshot(options(server, tempDir()));
    const missing = new Map(content.missing.map((m) => [m.key, m.reason]));
    const keys = new Set(content.prices.map((p) => p.key));
    expect(missing.get('vpc/nat-gateway/hours')).toMatch(/no AmazonEC2 productFamily="NAT Gateway" usagetype=\*NatGateway-Hours product/);
    expect(missing.get('vpc/nat-gateway/data-processed')).toBeDefined();
    expect(missing.get('ecr/storage')).toMatch(/listed at 0 USD/);
    expect(missing.get('fargate-spot/linux-x86/vcpu-hours')).toMatch(/Fargate Spot/);
    expect(missing.get('ec2/spot')).toBeDefined();
    expect(missing.get('ec2/savings-plans')).toBeDefined();
    for (const k of ['vpc/nat-gateway/hours', 'ecr/storage', 'fargate-spot/linux-x86/vcpu-hours']) expect(keys.has(k)).toBe(false);
    expect(content.prices.filter((p) => p.usd === '0' || p.tiers?.some((t) => t.usd === '0'))).toEqual([]);
  });

  it('prices another region only from that region: nothing is copied from us-east-1', async () => {
    const euSnapshot: SnapshotContent = { ...embedded, region: 'eu-west-1' };
    const euProducts = fixtureProductsFromSnapshot(euSnapshot).filter((p) => {
      const text = JSON.stringify(p.item);
      return text.includes('BoxUsage:') || text.includes('AmazonEKS');
    });
    const server = await serve([...euProducts, ...fixtures.filter((p) => JSON.stringify(p.item).includes('NatGateway-'))]);
    const { content, path } = await refreshPriceSnapshot(options(server, tempDir(), { region: 'eu-west-1' }));
    expect(path.endsWith('eu-west-1.json')).toBe(true);
    expect(content.region).toBe('eu-west-1');
    const keys = content.prices.map((p) => p.key).filter((k) => !isCopiedKey(k));
    expect(keys.sort()).toEqual(['eks/cluster/extended-support', 'eks/cluster/standard-support']);
    expect(content.missing.map((m) => m.key)).toContain('vpc/nat-gateway/hours'); // us-east-1 NAT products are not eu-west-1's
    expect(content.sources['aws-price-list-AmazonEKS']!.ref).toBe('pricing:GetProducts ServiceCode=AmazonEKS regionCode=eu-west-1');
    expect(server.requests.every((r) => !r.body.Filters?.some((f) => f.Value === 'us-east-1'))).toBe(true);
  });

  it('stops when aborted, before writing anything', async () => {
    const prev = dirWithPreviousSnapshot();
    const server = await serve(fixtures);
    const controller = new AbortController();
    let pages = 0;
    const error = await refreshError(
      refreshPriceSnapshot(options(server, prev.dir, { signal: controller.signal, onProgress: (e) => e.kind === 'page' && ++pages === 2 && controller.abort() })),
    );
    expect(error.code).toBe('ABORTED');
    expect(server.requests.length).toBe(2);
    expectUntouched(prev);
  });

  it('builds its own client from `endpoint` with SDK retries off', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    onCleanup(() => {
      vi.unstubAllEnvs();
    });
    const server = await serve(fixtures, { throttleRequests: [1] });
    const error = await refreshError(
      refreshPriceSnapshot({ region: 'us-east-1', outDir: tempDir(), endpoint: server.url, maxAttempts: 1, sleep: noSleep }),
    );
    expect(error.code).toBe('THROTTLED');
    expect(server.requests.length).toBe(1); // one attempt: the SDK did not retry behind our back
  });

  it('rejects a region code that is not one', async () => {
    const error = await refreshError(refreshPriceSnapshot({ region: 'Ireland' }));
    expect(error.code).toBe('INVALID_REGION');
  });
});
