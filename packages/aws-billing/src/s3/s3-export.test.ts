import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BillingError } from '../billing-error.js';
import type { QueryEngine } from '../engine/query-engine.js';
import { openDataExport } from '../open-export.js';
import { readMonthSpend } from '../spend/read-month-spend.js';
import type { MonthSpend } from '../spend/spend-types.js';
import { cur2Usage, tempDir, uploadFolder, writeCur2Folder } from '../testing/s3-fixtures.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { writeExportParquet } from '../testing/write-export.js';
import { defaultExportCacheDir } from './cache-dir.js';
import { parseS3Url } from './s3-location.js';
import type { S3SyncEngine } from './s3-sync-engine.js';

// Test data: the amounts are made up, not AWS prices; the S3 client talks to a loopback server only.
const BUCKET = 'tp-billing';
const PREFIX = 'exports/cur2/data/';
const URL = `s3://${BUCKET}/exports/cur2`;
const credentials = { accessKeyId: 'AKIDFROMOPTIONS', secretAccessKey: 'test-secret' };

let server: S3TestServer;
let local: string;
const open: QueryEngine[] = [];

async function opened(path: string, s3?: Parameters<typeof openDataExport>[0]['s3']): Promise<QueryEngine> {
  const engine = await openDataExport({ path, ...(s3 ? { s3 } : {}) });
  open.push(engine);
  return engine;
}

function asText(m: MonthSpend) {
  return m.lines.map((l) => ({ ...l, unblended: l.unblended.toFixed(), amortized: l.amortized.toFixed() }));
}

beforeEach(async () => {
  server = await startS3Server({ pageSize: 2 });
  local = await writeCur2Folder({
    'data/BILLING_PERIOD=2026-11/part-0.parquet': [
      cur2Usage('2026-11-01', 'AmazonEC2', 'BoxUsage:m7g.large', 1.125, 'prod'),
      cur2Usage('2026-11-01', 'AmazonEC2', 'BoxUsage:m7g.large', 0.375, 'prod'),
      cur2Usage('2026-11-02', 'AmazonRDS', 'InstanceUsage:db.r7g.large', 3.5, 'staging'),
    ],
    'data/BILLING_PERIOD=2026-11/part-1.parquet': [cur2Usage('2026-11-02', 'AmazonS3', 'TimedStorage-ByteHrs', 0.25), cur2Usage('2026-11-03', 'AWSLambda', 'Request', 0.5, 'prod')],
    'data/BILLING_PERIOD=2026-10/part-0.parquet': [cur2Usage('2026-10-30', 'AmazonEC2', 'BoxUsage:m7g.large', 9, 'prod')],
  });
  uploadFolder(server, BUCKET, 'exports/cur2/', local);
});

afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
  await server.close();
});

describe('openDataExport of s3://', () => {
  it('reads the same month of spend through S3 as from the same files on disk', async () => {
    const cacheDir = tempDir('s3-cache');
    const fromS3 = await readMonthSpend(await opened(URL, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir }), { format: 'cur2', month: '2026-11' });
    const fromDisk = await readMonthSpend(await opened(local), { format: 'cur2', month: '2026-11' });
    expect(fromS3.lines.length).toBeGreaterThan(3);
    expect(asText(fromS3)).toEqual(asText(fromDisk));
    expect(fromS3.engine).toBe('duckdb');
    // Only the month's two objects were fetched, signed with the keys given in the options.
    const gets = server.requests.filter((r) => r.kind === 'get');
    expect(gets.map((r) => r.key)).toEqual([`${PREFIX}BILLING_PERIOD=2026-11/part-0.parquet`, `${PREFIX}BILLING_PERIOD=2026-11/part-1.parquet`]);
    expect(new Set(server.requests.map((r) => `${r.accessKeyId}@${r.region}`))).toEqual(new Set(['AKIDFROMOPTIONS@us-east-1']));
  });

  it('reads a second month through the same engine, syncing only that month', async () => {
    const engine = (await opened(URL, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir: tempDir('s3-cache') })) as S3SyncEngine;
    await readMonthSpend(engine, { format: 'cur2', month: '2026-11' });
    const october = await readMonthSpend(engine, { format: 'cur2', month: '2026-10' });
    expect(engine.lastSync?.downloaded).toEqual(['data/BILLING_PERIOD=2026-10/part-0.parquet']);
    expect(october.lines.map((l) => [l.day, l.unblended.toFixed()])).toEqual([['2026-10-30', '9']]);
  });

  describe('with the standard credential chain', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    // No AWS config of the machine's user is read: the config and credentials files point nowhere.
    function isolatedEnv(vars: Record<string, string>): void {
      const nowhere = join(tempDir('no-aws'), 'none');
      for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
      Object.assign(process.env, { AWS_CONFIG_FILE: nowhere, AWS_SHARED_CREDENTIALS_FILE: nowhere, AWS_EC2_METADATA_DISABLED: 'true', ...vars });
    }

    it('says in one line when the chain finds no region or no credentials', async () => {
      isolatedEnv({ AWS_ACCESS_KEY_ID: 'AKIDFROMENV', AWS_SECRET_ACCESS_KEY: 'env-secret' });
      const noRegion = await opened(URL, { endpoint: server.endpoint, cacheDir: tempDir('s3-cache') });
      await expect(readMonthSpend(noRegion, { format: 'cur2', month: '2026-11' })).rejects.toMatchObject({
        reason: 'bad_input',
        message: `no AWS region for listing ${URL}: set AWS_REGION or the profile's region`,
      });
      isolatedEnv({ AWS_REGION: 'eu-west-1' });
      const noKeys = await opened(URL, { endpoint: server.endpoint, cacheDir: tempDir('s3-cache') });
      await expect(readMonthSpend(noKeys, { format: 'cur2', month: '2026-11' })).rejects.toMatchObject({
        reason: 'credentials',
        message: expect.stringMatching(/^no AWS credentials for listing s3:\/\/tp-billing\/exports\/cur2: set AWS_PROFILE/),
      });
      expect(server.requests).toEqual([]);
    });

    it('signs with the environment’s keys and region when the options give none', async () => {
      isolatedEnv({
        AWS_ACCESS_KEY_ID: 'AKIDFROMENV',
        AWS_SECRET_ACCESS_KEY: 'env-secret',
        AWS_REGION: 'eu-west-1',
      });
      const spend = await readMonthSpend(await opened(URL, { endpoint: server.endpoint, cacheDir: tempDir('s3-cache') }), { format: 'cur2', month: '2026-11' });
      expect(spend.lines.length).toBeGreaterThan(0);
      expect(new Set(server.requests.map((r) => `${r.accessKeyId}@${r.region}`))).toEqual(new Set(['AKIDFROMENV@eu-west-1']));
    });
  });

  it('a failed sync leaves last month’s cache readable as a local export', async () => {
    const cacheDir = tempDir('s3-cache');
    const before = await readMonthSpend(await opened(URL, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir }), { format: 'cur2', month: '2026-11' });
    server.put(BUCKET, `${PREFIX}BILLING_PERIOD=2026-11/part-1.parquet`, Buffer.from('a newer delivery'));
    server.faults.cutBody = new Map([[`${PREFIX}BILLING_PERIOD=2026-11/part-1.parquet`, 99]]);
    const again = await opened(URL, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir });
    await expect(readMonthSpend(again, { format: 'cur2', month: '2026-11' })).rejects.toMatchObject({ reason: 'network' });
    const cachedCopy = await readMonthSpend(await opened(cacheDir), { format: 'cur2', month: '2026-11' });
    expect(asText(cachedCopy)).toEqual(asText(before));
  });

  it('names the s3:// address when the synced files are not a whole export', async () => {
    const partial = tempDir('partial');
    await writeExportParquet(join(partial, 'BILLING_PERIOD=2026-11', 'part-0.parquet'), 'cur2', [cur2Usage('2026-11-01', 'AmazonEC2', 'BoxUsage:m7g.large', 1)], { omit: ['resource_tags'] });
    uploadFolder(server, BUCKET, 'partial/', partial);
    const cacheDir = tempDir('s3-cache');
    const engine = await opened(`s3://${BUCKET}/partial`, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir });
    await expect(readMonthSpend(engine, { format: 'cur2', month: '2026-11' })).rejects.toMatchObject({
      reason: 'bad_input',
      message: `s3://${BUCKET}/partial (synced to ${cacheDir}) is not a CUR 2.0 export: it lacks resource_tags`,
    });
  });

  it('says in one line when the cache folder cannot be written', async () => {
    const blocked = join(tempDir('blocked'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const engine = await opened(URL, { endpoint: server.endpoint, region: 'us-east-1', credentials, cacheDir: join(blocked, 'cache') });
    await expect(readMonthSpend(engine, { format: 'cur2', month: '2026-11' })).rejects.toMatchObject({
      reason: 'bad_input',
      message: `cannot write the S3 cache folder ${join(blocked, 'cache')} (ENOTDIR): set another with s3.cacheDir`,
    });
  });

  it('puts the cache under the user cache folder by default', () => {
    const dir = defaultExportCacheDir(parseS3Url('s3://tp-billing/exports/cur2/'), { XDG_CACHE_HOME: '/var/cache/me' });
    expect(dir).toBe(join('/var/cache/me', 'tier-planner', 'data-exports', 'tp-billing', 'exports', 'cur2'));
  });

  it('refuses an address that is not s3://bucket/prefix in one line', async () => {
    for (const bad of ['s3://', 's3://Bad_Bucket/x', 's3:///prefix']) {
      await expect(openDataExport({ path: bad })).rejects.toMatchObject({ reason: 'bad_input', message: `${bad} is not an s3://bucket/prefix address` });
    }
  });

  it('with the httpfs reader, says in one line to use the default reader when the extension cannot load', async () => {
    const e = await openDataExport({ path: URL, s3: { reader: 'httpfs', endpoint: server.endpoint, region: 'us-east-1', credentials } }).then(
      (engine) => engine.close().then(() => undefined),
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(BillingError);
    expect((e as BillingError).reason).toBe('bad_input');
    expect((e as BillingError).message).toMatch(/^DuckDB's httpfs extension cannot load \(.+\): read s3:\/\/tp-billing\/exports\/cur2 with the default reader \(s3\.reader 'sync'\), or install it with DuckDB's INSTALL httpfs$/);
    expect((e as BillingError).message).not.toContain('\n');
    expect(server.requests).toEqual([]);
    // Without keys in the options, the credential chain needs the aws extension as well.
    await expect(openDataExport({ path: URL, s3: { reader: 'httpfs', region: 'us-east-1' } })).rejects.toMatchObject({
      reason: 'bad_input',
      message: expect.stringMatching(/^DuckDB's httpfs\/aws extension cannot load .*INSTALL httpfs; INSTALL aws$/),
    });
  });
});
