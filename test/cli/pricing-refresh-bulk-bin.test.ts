// `tier-planner pricing refresh --source bulk` end to end: the real bin in a child process reads a
// loopback Price List Bulk API host (TEST DATA offer files generated from the embedded snapshot);
// without --source, it picks the bulk files when no AWS credentials are found, the API otherwise.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEmbeddedReference } from '../../packages/aws-pricing/src/embedded-reference.js';
import { bulkFilesFrom, offerFilePath } from '../../packages/aws-pricing/src/testing/bulk-offer-files.js';
import { startFakeBulkServer, type BulkServerScript, type FakeBulkServer } from '../../packages/aws-pricing/src/testing/fake-bulk-server.js';
import { startFakePriceListServer, type FakePriceListServer, type FakeProduct } from '../../packages/aws-pricing/src/testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from '../../packages/aws-pricing/src/testing/fixture-items.js';
import { BIN, runBin } from './run-bin.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

let products: FakeProduct[];
let files: Map<string, Buffer>;
beforeAll(() => {
  products = fixtureProductsFromSnapshot(readEmbeddedReference());
  files = bulkFilesFrom(products, 'us-east-1').files;
});

function runBinAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A clean environment: no credentials leak in from the machine running the tests.
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function bulkHost(script: BulkServerScript = {}): Promise<FakeBulkServer> {
  const server = await startFakeBulkServer(files, script);
  closers.push(() => server.close());
  return server;
}

async function apiHost(): Promise<FakePriceListServer> {
  const server = await startFakePriceListServer(products);
  closers.push(() => server.close());
  return server;
}

const emptyHome = () => mkdtempSync(join(tmpdir(), 'tp-bulk-home-'));

function previousSnapshot(): { dir: string; untouched: () => boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'tp-bulk-bin-'));
  const path = join(dir, 'us-east-1.json');
  writeFileSync(path, readFileSync(new URL('../../data/pricing/snapshots/us-east-1.json', import.meta.url)));
  const before = readFileSync(path);
  return { dir, untouched: () => readFileSync(path).equals(before) && readdirSync(dir).join() === 'us-east-1.json' };
}

describe('tier-planner pricing refresh --source bulk (bin + loopback Price List Bulk API)', () => {
  it('without credentials and without --source, reads the public files, says so, and the snapshot is used', async () => {
    const host = await bulkHost({ gzip: true });
    const dir = join(mkdtempSync(join(tmpdir(), 'tp-bulk-bin-')), 'prices');
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', host.url, '--out', dir], { HOME: emptyHome() });
    expect(r.stderr).toContain('source: AWS Price List Bulk API (public offer files, no account): no AWS credentials found');
    expect(r.stderr).toMatch(/\n  AmazonEC2 offer file: [\d.]+ of [\d.]+ MB, [\d,]+ rows, done/);
    expect(r.stderr).not.toMatch(/Warning|AWS SDK/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^wrote ${dir}/us-east-1.json: 1101 EC2 instance types \\(\\d+ with RI terms, 1 with Savings Plans rates, 0 with Spot history\\), \\d+ prices, 18 files \\([\\d.]+ MB\\), \\d+ requests, 0 retries;`));
    expect(host.requests.some((r) => r.path === offerFilePath('AmazonEC2', 'us-east-1'))).toBe(true);
    const info = runBin(['pricing', 'info'], { TIER_PLANNER_PRICING_DIR: dir });
    expect(info.stdout).toContain('user snapshot');
    expect(info.stdout).toContain('AWS Price List Bulk API');
  });

  it('without --source, uses the API when a shared credentials file has a profile, and reads Savings Plans from --bulk-endpoint', async () => {
    const api = await apiHost();
    const host = await bulkHost();
    const home = emptyHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = test\naws_secret_access_key = test\n');
    const dir = mkdtempSync(join(tmpdir(), 'tp-bulk-bin-'));
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', api.url, '--bulk-endpoint', host.url, '--spot', 'off', '--out', dir], { HOME: home, AWS_REGION: 'us-east-1' });
    expect(r.stderr).toContain(`source: AWS Price List API (GetProducts): AWS credentials found (profile "default" in ${home}/.aws/credentials)`);
    expect(r.status).toBe(0);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('1 with Savings Plans rates');
    // Only the Savings Plans files come from the bulk host: products came from the API.
    expect(host.requests.some((q) => q.path === offerFilePath('AmazonEC2', 'us-east-1'))).toBe(false);
    expect(host.requests.some((q) => q.path.startsWith('/savingsPlan/'))).toBe(true);
  });

  it('--source bulk --format csv reads the CSV files even when credentials exist', async () => {
    const host = await bulkHost();
    const dir = mkdtempSync(join(tmpdir(), 'tp-bulk-bin-'));
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--source', 'bulk', '--format', 'csv', '--endpoint', host.url, '--out', dir], {
      HOME: emptyHome(),
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    expect(r.stderr).toContain('source: AWS Price List Bulk API (public offer files, no account): --source bulk');
    expect(r.status).toBe(0);
    expect(host.requests.some((q) => q.path === offerFilePath('AmazonEC2', 'us-east-1', 'csv'))).toBe(true);
    expect(host.requests.some((q) => q.path === offerFilePath('AmazonEC2', 'us-east-1'))).toBe(false);
  });

  it('a cut it cannot resume: exit 1, one line, the previous snapshot byte-for-byte intact', async () => {
    const host = await bulkHost({ ranges: false, cut: [{ path: offerFilePath('AmazonEC2', 'us-east-1'), afterBytes: 20_000 }] });
    const prev = previousSnapshot();
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--source', 'bulk', '--endpoint', host.url, '--out', prev.dir], { HOME: emptyHome() });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').at(-2)).toMatch(/^tier-planner: pricing refresh failed \(NETWORK\): AmazonEC2 offer file \(http:[^)]+\): the connection was cut after 20000 bytes .*previous snapshot is unchanged$/);
    expect(prev.untouched()).toBe(true);
  });

  it('exits 2 with one line on a bad --source or --format, or --format with --source api', () => {
    for (const [args, message] of [
      [['--source', 'ftp'], '--source must be bulk or api, got "ftp"'],
      [['--format', 'xml'], '--format must be json or csv, got "xml"'],
      [['--source', 'api', '--format', 'csv'], '--format applies to --source bulk only (the API answers in JSON)'],
    ] as const) {
      const r = runBin(['pricing', 'refresh', '--region', 'us-east-1', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`tier-planner: ${message}\n`);
    }
  });
});
