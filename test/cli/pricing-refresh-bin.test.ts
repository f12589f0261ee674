// `tier-planner pricing refresh` end to end: the real bin in a child process, the real AWS SDK
// client inside it, talking to a loopback Price List server; then the refreshed snapshot is used.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEmbeddedReference } from '../../packages/planner-tui/src/pricing-refresh/embedded-reference.js';
import { startFakePriceListServer, type FakePriceListServer } from '../../packages/planner-tui/src/pricing-refresh/testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from '../../packages/planner-tui/src/pricing-refresh/testing/fixture-items.js';
import { BIN, runBin } from './run-bin.js';

const servers: FakePriceListServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

/** Runs the bin without blocking this process, which serves the fake API. */
function runBinAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const fakeAws = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };

describe('tier-planner pricing refresh (bin + real SDK + loopback Price List API)', () => {
  it('refreshes a region, shows progress, and the next plan uses the refreshed snapshot', async () => {
    const server = await startFakePriceListServer(fixtureProductsFromSnapshot(readEmbeddedReference()), { pageSize: 100 });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'tp-refresh-bin-'));
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', server.url, '--out', dir], fakeAws);
    expect(r.stderr).toMatch(/page \d+, \d+ products/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*us-east-1\.json: 1101 EC2 instance types/);
    const info = runBin(['pricing', 'info'], { TIER_PLANNER_PRICING_DIR: dir });
    expect(info.stdout).toContain('user snapshot');
    expect(info.stdout).toContain('AWS Price List API');
  });

  it('leaves the previous snapshot byte-for-byte intact when the API dies mid-way, and exits 1 with one line', async () => {
    const server = await startFakePriceListServer(fixtureProductsFromSnapshot(readEmbeddedReference()), { pageSize: 50, dieFromRequest: 4 });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'tp-refresh-bin-'));
    const previous = join(dir, 'us-east-1.json');
    writeFileSync(previous, readFileSync(new URL('../../data/pricing/snapshots/us-east-1.json', import.meta.url)));
    const before = readFileSync(previous);
    const r = await runBinAsync(['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', server.url, '--out', dir], fakeAws);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pricing refresh failed \(NETWORK\).*previous snapshot is unchanged/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(readFileSync(previous).equals(before)).toBe(true);
  });

  it('exits 2 without --region', () => {
    const r = runBin(['pricing', 'refresh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--region is required/);
  });
});
