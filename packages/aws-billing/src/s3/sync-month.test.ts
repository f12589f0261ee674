import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BillingError } from '../billing-error.js';
import { cur2Usage, tempDir, uploadFolder, writeCur2Folder } from '../testing/s3-fixtures.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { MANIFEST_FILE, readManifest } from './cache-manifest.js';
import { s3Client } from './s3-client.js';
import type { S3Location } from './s3-location.js';
import { syncMonth } from './sync-month.js';

// Test data: amounts and keys are made up; never real AWS (the client talks to a loopback server).
const BUCKET = 'tp-billing';
const PREFIX = 'cur2/tp-export/data/';
const EXPORT: S3Location = { bucket: BUCKET, prefix: 'cur2/tp-export/data' };
const NOV = 'BILLING_PERIOD=2026-11';
const credentials = { accessKeyId: 'AKIDTESTSYNC', secretAccessKey: 'test-secret' };

let server: S3TestServer;
let client: S3Client;
let cacheDir: string;
let local: string;

async function rejection(p: Promise<unknown>): Promise<BillingError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BillingError);
  return e as BillingError;
}

const gets = () => server.requests.filter((r) => r.kind === 'get').map((r) => r.key?.slice(PREFIX.length)).sort();
const cached = (rel: string) => readFileSync(join(cacheDir, ...rel.split('/')));
const sync = (month = '2026-11', concurrency?: number) => syncMonth(client, EXPORT, month, { cacheDir, ...(concurrency ? { concurrency } : {}) });

beforeEach(async () => {
  server = await startS3Server({ pageSize: 1 });
  client = s3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials });
  cacheDir = tempDir('s3-cache');
  local = await writeCur2Folder({
    [`${NOV}/part-0.parquet`]: [cur2Usage('2026-11-03', 'AmazonEC2', 'BoxUsage:m7g.large', 1.25, 'prod')],
    [`${NOV}/part-1.parquet`]: [cur2Usage('2026-11-04', 'AmazonRDS', 'InstanceUsage:db.r7g.large', 2.5, 'prod')],
    ['BILLING_PERIOD=2026-10/part-0.parquet']: [cur2Usage('2026-10-04', 'AmazonS3', 'TimedStorage-ByteHrs', 0.75)],
  });
  uploadFolder(server, BUCKET, PREFIX, local);
  // Objects beside the export that a sync must not take: another prefix, and a non-parquet file.
  server.put(BUCKET, 'cur2/tp-export-old/data/BILLING_PERIOD=2026-11/part-0.parquet', Buffer.from('not this export'));
  server.put(BUCKET, `${PREFIX}metadata/BILLING_PERIOD=2026-11/manifest.json`, Buffer.from('{}'));
});

afterEach(async () => {
  client.destroy();
  await server.close();
});

describe('syncMonth', () => {
  it('first downloads the month’s parquet objects, across ListObjectsV2 pages, byte for byte', async () => {
    const r = await sync();
    expect(r.downloaded).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(gets()).toEqual(r.downloaded);
    // Page size 1: the 4 keys under the prefix take 4 pages, so the continuation token was followed.
    expect(server.requests.filter((q) => q.kind === 'list').length).toBe(4);
    for (const rel of r.downloaded) expect(cached(rel).equals(readFileSync(join(local, ...rel.split('/'))))).toBe(true);
    expect(existsSync(join(cacheDir, 'BILLING_PERIOD=2026-10'))).toBe(false);
    expect(readManifest(cacheDir, EXPORT).scopes['2026-11']?.complete).toBe(true);
  });

  it('then downloads nothing while ETags and sizes match', async () => {
    await sync();
    server.requests.length = 0;
    const r = await sync();
    expect(r.downloaded).toEqual([]);
    expect(r.kept).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(gets()).toEqual([]);
  });

  it('re-downloads a file that was deleted or truncated locally even when the manifest lists it', async () => {
    await sync();
    writeFileSync(join(cacheDir, NOV, 'part-1.parquet'), 'cut');
    server.requests.length = 0;
    expect((await sync()).downloaded).toEqual([`${NOV}/part-1.parquet`]);
  });

  it('re-downloads only an object that changed', async () => {
    await sync();
    const changed = Buffer.from('a new delivery of part-1');
    server.put(BUCKET, `${PREFIX}${NOV}/part-1.parquet`, changed);
    server.requests.length = 0;
    const r = await sync();
    expect(r.downloaded).toEqual([`${NOV}/part-1.parquet`]);
    expect(gets()).toEqual([`${NOV}/part-1.parquet`]);
    expect(cached(`${NOV}/part-1.parquet`).equals(changed)).toBe(true);
    // Same size, other bytes: the ETag alone tells.
    const sameSize = Buffer.from('A NEW DELIVERY OF PART-1');
    server.put(BUCKET, `${PREFIX}${NOV}/part-1.parquet`, sameSize);
    expect((await sync()).downloaded).toEqual([`${NOV}/part-1.parquet`]);
    expect(cached(`${NOV}/part-1.parquet`).equals(sameSize)).toBe(true);
  });

  it('deletes a cached file of the month that S3 no longer lists, and keeps other months', async () => {
    await sync('2026-10');
    await sync();
    server.remove(BUCKET, `${PREFIX}${NOV}/part-1.parquet`);
    const r = await sync();
    expect(r.removed).toEqual([`${NOV}/part-1.parquet`]);
    expect(existsSync(join(cacheDir, NOV, 'part-1.parquet'))).toBe(false);
    expect(existsSync(join(cacheDir, 'BILLING_PERIOD=2026-10', 'part-0.parquet'))).toBe(true);
    expect(Object.keys(readManifest(cacheDir, EXPORT).scopes['2026-11']?.objects ?? {})).toEqual([`${NOV}/part-0.parquet`]);
  });

  it('a sync whose download is cut keeps the previous cache whole, and the next one finishes it', async () => {
    await sync();
    const before = readFileSync(join(cacheDir, MANIFEST_FILE), 'utf8');
    const old0 = cached(`${NOV}/part-0.parquet`);
    const old1 = cached(`${NOV}/part-1.parquet`);
    const new0 = Buffer.from('part-0, delivered again');
    const new1 = Buffer.from('part-1, delivered again, and cut on the way');
    server.put(BUCKET, `${PREFIX}${NOV}/part-0.parquet`, new0);
    server.put(BUCKET, `${PREFIX}${NOV}/part-1.parquet`, new1);
    server.faults.cutBody = new Map([[`${PREFIX}${NOV}/part-1.parquet`, 99]]);
    const e = await rejection(sync('2026-11', 1));
    expect(e.reason).toBe('network');
    expect(e.message).not.toContain('\n');
    // part-0 arrived but is not swapped in: the month stays as the last complete sync left it.
    expect(cached(`${NOV}/part-0.parquet`).equals(old0)).toBe(true);
    expect(cached(`${NOV}/part-1.parquet`).equals(old1)).toBe(true);
    expect(readFileSync(join(cacheDir, MANIFEST_FILE), 'utf8')).toBe(before);
    server.faults.cutBody = undefined;
    const r = await sync();
    expect(r.downloaded).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(cached(`${NOV}/part-1.parquet`).equals(new1)).toBe(true);
  });

  it('retries a body cut once, and a 500 (the SDK’s retry)', async () => {
    server.faults.cutBody = new Map([[`${PREFIX}${NOV}/part-0.parquet`, 1]]);
    server.faults.internalErrors = 1;
    const r = await sync();
    expect(r.downloaded).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(gets()).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(server.requests.filter((q) => q.kind === 'list').length).toBe(5);
  });

  it('gives up on a download that stalls, and keeps the cache', async () => {
    await sync();
    const old1 = cached(`${NOV}/part-1.parquet`);
    server.put(BUCKET, `${PREFIX}${NOV}/part-1.parquet`, Buffer.from('a delivery that never arrives whole'));
    server.faults.stallBody = new Set([`${PREFIX}${NOV}/part-1.parquet`]);
    const impatient = s3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials, idleTimeoutMs: 200 });
    try {
      const e = await rejection(syncMonth(impatient, EXPORT, '2026-11', { cacheDir }));
      expect(e.reason).toBe('network');
      expect(e.message).toMatch(/^S3 did not answer downloading s3:\/\/tp-billing\/cur2\/tp-export\/data\/BILLING_PERIOD=2026-11\/part-1\.parquet: /);
    } finally {
      impatient.destroy();
    }
    expect(cached(`${NOV}/part-1.parquet`).equals(old1)).toBe(true);
  });

  it('trusts nothing of a month whose last sync stopped while swapping files', async () => {
    await sync();
    const m = JSON.parse(readFileSync(join(cacheDir, MANIFEST_FILE), 'utf8')) as { scopes: Record<string, { complete: boolean }> };
    (m.scopes['2026-11'] as { complete: boolean }).complete = false;
    writeFileSync(join(cacheDir, MANIFEST_FILE), JSON.stringify(m));
    expect((await sync()).downloaded).toEqual([`${NOV}/part-0.parquet`, `${NOV}/part-1.parquet`]);
    expect(readManifest(cacheDir, EXPORT).scopes['2026-11']?.complete).toBe(true);
  });

  it('downloads at most `concurrency` objects at a time', async () => {
    for (let i = 2; i < 8; i++) server.put(BUCKET, `${PREFIX}${NOV}/part-${i}.parquet`, Buffer.from(`part ${i}`));
    server.faults.getDelayMs = 40;
    const r = await sync('2026-11', 3);
    expect(r.downloaded.length).toBe(8);
    expect(server.maxGetsInFlight).toBe(3);
  });

  it('takes every parquet object of an export not laid out by BILLING_PERIOD', async () => {
    server.put(BUCKET, 'flat/a.parquet', Buffer.from('a'));
    server.put(BUCKET, 'flat/sub/b.parquet', Buffer.from('b'));
    const r = await syncMonth(client, { bucket: BUCKET, prefix: 'flat' }, '2026-11', { cacheDir });
    expect(r.scope).toBe('*');
    expect(r.downloaded).toEqual(['a.parquet', 'sub/b.parquet']);
    expect(cached('sub/b.parquet').toString()).toBe('b');
  });

  it('says in one line: no such bucket, access denied, no data for the month, no connection', async () => {
    const noBucket = await rejection(syncMonth(client, { bucket: 'tp-missing', prefix: '' }, '2026-11', { cacheDir }));
    expect([noBucket.reason, noBucket.message]).toEqual(['bad_input', 'S3 bucket tp-missing does not exist (listing s3://tp-missing)']);
    server.faults.denyAll = true;
    const denied = await rejection(sync());
    expect(denied.reason).toBe('credentials');
    expect(denied.message).toMatch(/^S3 refused listing s3:\/\/tp-billing\/cur2\/tp-export\/data \(AccessDenied\): check the AWS credentials/);
    server.faults.denyAll = false;
    const noMonth = await rejection(sync('2026-12'));
    expect([noMonth.reason, noMonth.message]).toEqual(['no_data', 's3://tp-billing/cur2/tp-export/data has no BILLING_PERIOD=2026-12/ parquet object; it has 2026-10, 2026-11']);
    const empty = await rejection(syncMonth(client, { bucket: BUCKET, prefix: 'nothing-here' }, '2026-11', { cacheDir }));
    expect(empty.reason).toBe('no_data');
    await server.close();
    const offline = await rejection(sync());
    expect(offline.reason).toBe('network');
    for (const e of [noBucket, denied, noMonth, empty, offline]) expect(e.message).not.toContain('\n');
  });
});

describe('syncMonth, over any run of deliveries', () => {
  const KEYS = [`${NOV}/a.parquet`, `${NOV}/b.parquet`, `${NOV}/sub/c.parquet`, 'BILLING_PERIOD=2026-10/a.parquet'];
  const op = fc.record({ key: fc.constantFrom(...KEYS), body: fc.option(fc.constantFrom('x', 'yy', 'zz', 'YY', 'www'), { nil: null }) });
  const round = fc.record({ ops: fc.array(op, { maxLength: 4 }), cut: fc.option(fc.constantFrom(...KEYS), { nil: null }) });

  function cachedMonth(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const k of KEYS) if (existsSync(join(dir, ...k.split('/')))) out.set(k, readFileSync(join(dir, ...k.split('/')), 'utf8'));
    return out;
  }

  it('the cache holds exactly S3’s month after a sync, downloads only what changed, and is untouched by a failed one', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 5 }), async (rounds) => {
        const bucket = `prop-${run++}`;
        const dir = tempDir('s3-prop');
        const where: S3Location = { bucket, prefix: 'data' };
        server.buckets.set(bucket, new Map());
        const s3 = new Map<string, string>();
        for (const r of rounds) {
          for (const { key, body } of r.ops) {
            if (body === null) {
              s3.delete(key);
              server.remove(bucket, `data/${key}`);
            } else {
              s3.set(key, body);
              server.put(bucket, `data/${key}`, Buffer.from(body));
            }
          }
          const before = cachedMonth(dir);
          const month = new Map([...s3].filter(([k]) => k.startsWith(NOV)));
          const changed = [...month].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
          server.faults.cutBody = r.cut ? new Map([[`data/${r.cut}`, 99]]) : undefined;
          server.requests.length = 0;
          const outcome = await syncMonth(client, where, '2026-11', { cacheDir: dir }).then(
            (result) => ({ result }),
            (error: unknown) => ({ error: error as BillingError }),
          );
          if (month.size === 0 || (r.cut !== null && changed.includes(r.cut))) {
            expect('error' in outcome && outcome.error.reason).toBe(month.size === 0 ? 'no_data' : 'network');
            expect(cachedMonth(dir)).toEqual(before);
          } else {
            expect('result' in outcome && outcome.result.downloaded).toEqual([...changed].sort());
            expect(cachedMonth(dir)).toEqual(month);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
