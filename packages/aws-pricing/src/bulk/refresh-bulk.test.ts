import { loadPriceBook, type SnapshotContent } from '@tier-planner/cost-model';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEmbeddedReference } from '../embedded-reference.js';
import { refreshPriceSnapshot, type RefreshOptions, type RefreshProgress } from '../index.js';
import type { SavingsPlanOfferSink } from '../savings-plans/offer-sink.js';
import { bulkFilesFrom, offerFilePath, savingsPlanTestOffer, spOfferFilePath, spRegionIndexPath, spVersionIndexPath } from '../testing/bulk-offer-files.js';
import { startFakeBulkServer, type BulkServerScript, type FakeBulkServer } from '../testing/fake-bulk-server.js';
import type { FakeProduct } from '../testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot, realM5LargeItem } from '../testing/fixture-items.js';
import { manualTimer } from '../testing/manual-timer.js';
import { clientFor, dirWithPreviousSnapshot, expectUntouched, onCleanup, refreshError, runCleanups, serve, tempDir } from '../testing/refresh-harness.js';

// The bulk source end to end over real HTTP: a loopback server serves an offer index, region
// indexes and per-region offer files (JSON and CSV, TEST DATA generated from the embedded
// snapshot's own prices), plus a Savings Plans offer. The same products are served to the
// GetProducts stand-in, so a bulk refresh must write exactly what an API refresh writes.

const NOW = new Date('2026-12-01T10:00:00Z');
const noSleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});

let embedded: SnapshotContent;
let products: FakeProduct[];
let files: Map<string, Buffer>;
let viaApi: SnapshotContent;

/** A Windows m5.large at another price: kept by a reader that does not filter, it would make m5.large ambiguous. */
function windowsM5Large(): FakeProduct {
  const item = realM5LargeItem() as { product: { sku: string; attributes: Record<string, string> }; terms: Record<string, unknown> };
  const copy = JSON.parse(JSON.stringify(item).replaceAll(item.product.sku, 'TESTWINDOWSM5LARGE').replace(/"0\.0960000000"/g, '"0.1920000000"'));
  copy.product.attributes.operatingSystem = 'Windows';
  return { serviceCode: 'AmazonEC2', item: copy };
}

beforeAll(async () => {
  embedded = readEmbeddedReference();
  products = [...fixtureProductsFromSnapshot(embedded), windowsM5Large()];
  files = bulkFilesFrom(products, 'us-east-1').files;
  const api = await serve(products);
  viaApi = (await refreshPriceSnapshot({ region: 'us-east-1', outDir: tempDir(), client: clientFor(api), now: () => NOW, sleep: noSleep, random: () => 0.5 })).content;
  await runCleanups();
});

afterEach(async () => {
  await runCleanups();
  noSleep.mockClear();
});

async function serveBulk(script: BulkServerScript = {}, served: Map<string, Buffer> = files): Promise<FakeBulkServer> {
  const server = await startFakeBulkServer(served, script);
  onCleanup(() => server.close());
  return server;
}

/** Savings Plans off by default here: the API refresh compared against reads none. */
function bulk(server: FakeBulkServer, outDir: string, extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { region: 'us-east-1', source: 'bulk', baseUrl: server.url, outDir, now: () => NOW, sleep: noSleep, savingsPlans: 'off', ...extra };
}

/** What must not depend on the source: every price, instance type, drop count and missing key. */
const priced = (c: SnapshotContent) => ({ prices: c.prices, instances: c.ec2.instances, dropped: c.ec2.dropped, missing: c.missing, allowances: c.allowances });

class RecordingSink implements SavingsPlanOfferSink {
  readonly products: unknown[] = [];
  readonly terms: unknown[] = [];
  product(value: unknown): void {
    this.products.push(value);
  }
  term(value: unknown): void {
    this.terms.push(value);
  }
}

const EC2_JSON = offerFilePath('AmazonEC2', 'us-east-1');

describe('refreshPriceSnapshot --source bulk against a loopback Price List Bulk API', () => {
  it('writes from the JSON offer files exactly what the API writes, and cites each offer file', async () => {
    expect(viaApi.ec2.instances['m5.large']?.onDemandUsd).toBe('0.096'); // the Windows twin was filtered out by the API too
    const server = await serveBulk();
    const dir = tempDir();
    const { path, content, report } = await refreshPriceSnapshot(bulk(server, dir));
    expect(priced(content)).toEqual(priced(viaApi));
    expect(content.ec2.instances['m5.large']?.reserved?.length).toBeGreaterThan(0);
    expect(content.generator).toBe('pricing refresh (AWS Price List Bulk API offer files)');
    const ec2Source = content.sources[content.ec2.priceSource]!;
    expect(ec2Source).toMatchObject({ title: 'AWS Price List Bulk API offer file AmazonEC2', ref: `${server.url}${EC2_JSON}`, asOf: '2026-11-20', confidence: 'vendor-api' });
    expect(report.source).toBe('bulk');
    expect(report.files?.map((f) => f.serviceCode)).toContain('AmazonRoute53');
    // Route 53 is global: its region index lists no region and the offer's one file is read instead.
    expect(server.requests.map((r) => r.path)).toContain('/offers/v1.0/aws/AmazonRoute53/current/index.json');
    expect(server.requests.every((r) => r.acceptEncoding === 'gzip')).toBe(true);
    expect(loadPriceBook({ file: path, region: 'us-east-1' }).generator).toBe(content.generator);
  });

  it('writes the same snapshot from the CSV offer files', async () => {
    const server = await serveBulk();
    const { content } = await refreshPriceSnapshot(bulk(server, tempDir(), { format: 'csv' }));
    expect(priced(content)).toEqual(priced(viaApi));
    expect(server.requests.map((r) => r.path)).toContain(offerFilePath('AmazonEC2', 'us-east-1', 'csv'));
  });

  it('reads gzip-encoded files', async () => {
    const server = await serveBulk({ gzip: true });
    const { content } = await refreshPriceSnapshot(bulk(server, tempDir()));
    expect(priced(content)).toEqual(priced(viaApi));
  });

  it('streams the Savings Plans offer into the sink, element by element, as AWS wrote them', async () => {
    const server = await serveBulk({ gzip: true });
    const sink = new RecordingSink();
    await refreshPriceSnapshot(bulk(server, tempDir(), { savingsPlanSink: sink }));
    const offer = savingsPlanTestOffer() as { products: unknown[]; terms: { savingsPlan: unknown[] } };
    expect(sink.products).toEqual(offer.products);
    expect(sink.terms).toEqual(offer.terms.savingsPlan);
    const paths = server.requests.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining([spVersionIndexPath, spRegionIndexPath, spOfferFilePath('us-east-1')]));
  });

  it('by default reads the Savings Plans offer in the same walk: rates per instance type and for Fargate, citing the file (test rates)', async () => {
    const server = await serveBulk();
    const { content, report } = await refreshPriceSnapshot({ ...bulk(server, tempDir()), savingsPlans: undefined });
    expect(content.ec2.instances['m5.large']?.savingsPlans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ plan: 'compute', term: '1yr', paymentOption: 'No Upfront', usd: '0.0123' }),
        expect.objectContaining({ plan: 'ec2-instance', term: '1yr', paymentOption: 'All Upfront', usd: '0.0111' }),
      ]),
    );
    const fargate = content.prices.filter((p) => p.savingsPlans?.length);
    expect(fargate.map((p) => p.savingsPlans![0]!.usd)).toEqual(['0.0321']);
    const source = content.sources[content.ec2.instances['m5.large']!.savingsPlans![0]!.source]!;
    expect(source.ref).toBe(`${server.url}${spOfferFilePath('us-east-1')}`);
    expect(report.savingsPlanInstanceTypes).toBe(1);
    // What the test file does not rate is listed as missing, not left silent.
    expect(content.missing.some((m) => /savings/i.test(m.key))).toBe(true);
  });

  it('reports download progress: bytes, size, rows and an ETA from the injected clock', async () => {
    const server = await serveBulk();
    let t = NOW.getTime();
    const events: RefreshProgress[] = [];
    await refreshPriceSnapshot(bulk(server, tempDir(), { now: () => new Date((t += 1000)), progressEveryBytes: 64 * 1024, onProgress: (e) => events.push(e) }));
    const ec2 = events.filter((e): e is Extract<RefreshProgress, { kind: 'download' }> => e.kind === 'download' && e.file === 'AmazonEC2 offer file');
    const size = files.get(EC2_JSON)!.length;
    expect(ec2.length).toBeGreaterThan(2);
    expect(ec2.every((e) => e.totalBytes === size)).toBe(true);
    expect(ec2.at(-1)).toMatchObject({ bytes: size, etaMs: 0 });
    const mid = ec2[0]!;
    expect(mid.bytes).toBeLessThan(size);
    // One clock tick (1 s) per reading: the ETA is the time left at the rate so far.
    expect(mid.etaMs).toBeGreaterThan(0);
    expect(ec2.map((e) => e.rows)).toEqual([...ec2.map((e) => e.rows)].sort((a, b) => a - b));
    expect(ec2.at(-1)!.rows).toBeGreaterThan(products.filter((p) => p.serviceCode === 'AmazonEC2').length);
  });

  it('resumes a cut connection with a Range request from the byte reached, and the result is whole', async () => {
    const server = await serveBulk({ gzip: true, cut: [{ path: EC2_JSON, afterBytes: 10_000, times: 2 }] });
    const events: RefreshProgress[] = [];
    const { content, report } = await refreshPriceSnapshot(bulk(server, tempDir(), { onProgress: (e) => events.push(e) }));
    expect(priced(content)).toEqual(priced(viaApi));
    const gets = server.requests.filter((r) => r.path === EC2_JSON);
    expect(gets.map((r) => r.range)).toEqual([undefined, 'bytes=10000-', 'bytes=20000-']);
    expect(gets[1]!.ifRange).toMatch(/^".+"$/);
    expect(report.retries).toBe(2);
    expect(events.filter((e) => e.kind === 'retry').map((e) => (e as { reason: string }).reason)).toEqual([
      expect.stringMatching(/^cut after 10000 bytes .*resuming$/),
      expect.stringMatching(/^cut after 20000 bytes .*resuming$/),
    ]);
  });

  it('fails cleanly, old snapshot intact, when a cut file cannot be resumed (no ranges), or changed meanwhile, or is cut too often', async () => {
    const cases: [BulkServerScript, Partial<RefreshOptions>, RegExp][] = [
      [{ ranges: false, cut: [{ path: EC2_JSON, afterBytes: 10_000 }] }, {}, /was cut after 10000 bytes .*does not offer resuming/],
      [{ etags: false, cut: [{ path: EC2_JSON, afterBytes: 10_000 }] }, {}, /does not offer resuming/],
      [{ republish: [EC2_JSON], cut: [{ path: EC2_JSON, afterBytes: 10_000 }] }, {}, /changed on the server while it was read/],
      [{ cut: [{ path: EC2_JSON, afterBytes: 10_000, times: 9 }] }, { maxAttempts: 3 }, /failed 3 times \(last: /],
    ];
    for (const [script, extra, message] of cases) {
      const prev = dirWithPreviousSnapshot(embedded);
      const server = await serveBulk(script);
      const error = await refreshError(refreshPriceSnapshot(bulk(server, prev.dir, extra)));
      expect(error.code).toBe('NETWORK');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
      expect(error.message).toMatch(/previous snapshot is unchanged$/);
      expectUntouched(prev);
    }
  });

  it('cuts a stalled download after the request timeout (manual clock) and resumes it; a deadline ends the refresh', async () => {
    const clock = manualTimer();
    const server = await serveBulk({ stall: { path: EC2_JSON, afterBytes: 4096 } });
    const prev = dirWithPreviousSnapshot(embedded);
    const run = refreshPriceSnapshot(bulk(server, prev.dir, { setTimer: clock.setTimer, requestTimeoutMs: 30_000, maxAttempts: 2 }));
    await server.stalled();
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(30_000); // first attempt: no byte for 30 s → cut, resumed at 4096; the resumed answer stalls too
    await vi.waitFor(() => expect(server.requests.filter((r) => r.path === EC2_JSON).map((r) => r.range)).toEqual([undefined, 'bytes=4096-']));
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(30_000);
    const error = await refreshError(run);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/failed 2 times \(last: no data for 30 s\)/);
    expectUntouched(prev);

    const clock2 = manualTimer();
    const slow = await serveBulk({ stall: { path: EC2_JSON, afterBytes: 4096 } });
    const run2 = refreshPriceSnapshot(bulk(slow, prev.dir, { setTimer: clock2.setTimer, deadlineMs: 60_000, requestTimeoutMs: 120_000 }));
    await slow.stalled();
    clock2.advance(60_000);
    const late = await refreshError(run2);
    expect(late.code).toBe('NETWORK');
    expect(late.message).toMatch(/deadline/);
    expectUntouched(prev);
  });

  it('retries HTTP 5xx and refused files a bounded number of times; a 404 is API_ERROR at once', async () => {
    const server = await serveBulk({ errors: [{ path: EC2_JSON, status: 503, times: 2 }] });
    const { content, report } = await refreshPriceSnapshot(bulk(server, tempDir()));
    expect(priced(content)).toEqual(priced(viaApi));
    expect(report.retries).toBe(2);
    expect(server.requests.filter((r) => r.path === EC2_JSON)).toHaveLength(3);

    const prev = dirWithPreviousSnapshot(embedded);
    const down = await serveBulk({ errors: [{ path: EC2_JSON, status: 500, times: 9 }] });
    const failed = await refreshError(refreshPriceSnapshot(bulk(down, prev.dir, { maxAttempts: 2 })));
    expect(failed.code).toBe('API_ERROR');
    expect(failed.message).toMatch(/AmazonEC2 offer file .* failed 2 times \(last: GET .* answered HTTP 500\) after 0 bytes; nothing was written, the previous snapshot is unchanged$/);
    const missing = new Map(files);
    missing.delete(EC2_JSON);
    const gone = await refreshError(refreshPriceSnapshot(bulk(await serveBulk({}, missing), prev.dir)));
    expect(gone.code).toBe('API_ERROR');
    expect(gone.message).toMatch(/answered HTTP 404; nothing was written, the previous snapshot is unchanged$/);
    expectUntouched(prev);
  });

  it('answers a slow server without giving up while bytes keep coming', async () => {
    const server = await serveBulk({ delayMs: 5 });
    const { content } = await refreshPriceSnapshot(bulk(server, tempDir(), { requestTimeoutMs: 5_000 }));
    expect(priced(content)).toEqual(priced(viaApi));
  });

  it('applies the API path checks: a region code, a region AWS lists, an index that parses, a file that is whole', async () => {
    const server = await serveBulk();
    const prev = dirWithPreviousSnapshot(embedded);
    expect((await refreshError(refreshPriceSnapshot(bulk(server, prev.dir, { region: 'Mars-1' })))).code).toBe('INVALID_REGION');
    const unknown = await refreshError(refreshPriceSnapshot(bulk(server, prev.dir, { region: 'eu-west-1' })));
    expect(unknown.code).toBe('INVALID_REGION');
    expect(unknown.message).toMatch(/no region "eu-west-1"/);
    const broken = new Map(files);
    broken.set(EC2_JSON, files.get(EC2_JSON)!.subarray(0, 20_000));
    const truncated = await refreshError(refreshPriceSnapshot(bulk(await serveBulk({}, broken), prev.dir)));
    expect(truncated.code).toBe('MALFORMED_ITEM');
    expect(truncated.message).toMatch(/AmazonEC2 offer file .* is not a valid price list file: the JSON ends early/);
    expectUntouched(prev);
  });
});
