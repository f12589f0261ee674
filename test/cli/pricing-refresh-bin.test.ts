// `tier-planner pricing refresh` end to end: the real bin in a child process, the real AWS SDK
// client inside it, talking to a loopback Price List server; then the refreshed snapshot is used.
// Timeouts here are real but small (flags); their exact arithmetic is tested on a manual clock in
// packages/aws-pricing/src/refresh-faults.test.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEmbeddedReference } from '../../packages/aws-pricing/src/embedded-reference.js';
import { startFakePriceListServer, type FakePriceListServer, type FakeServerScript } from '../../packages/aws-pricing/src/testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from '../../packages/aws-pricing/src/testing/fixture-items.js';
import { startFakeEc2Server } from '../../packages/aws-pricing/src/testing/fake-ec2-server.js';
import { BIN, runBin } from './run-bin.js';

const servers: FakePriceListServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

/** Runs the bin without blocking this process, which serves the fake API. `env` replaces the environment when `clean`. */
function runBinAsync(args: string[], env: NodeJS.ProcessEnv, clean = false): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...(clean ? {} : process.env), NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const fakeAws = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };

async function serve(script: FakeServerScript): Promise<FakePriceListServer> {
  const server = await startFakePriceListServer(fixtureProductsFromSnapshot(readEmbeddedReference()), script);
  servers.push(server);
  return server;
}

/** An --out folder holding a previous us-east-1 snapshot; `untouched()` says it is byte-identical and alone. */
function previousSnapshot(): { dir: string; untouched: () => boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'tp-refresh-bin-'));
  const path = join(dir, 'us-east-1.json');
  writeFileSync(path, readFileSync(new URL('../../data/pricing/snapshots/us-east-1.json', import.meta.url)));
  const before = readFileSync(path);
  return { dir, untouched: () => readFileSync(path).equals(before) && readdirSync(dir).join() === 'us-east-1.json' };
}

// Spot is off: its history would come from the real EC2 endpoint (tested against a loopback EC2 in aws-pricing).
const refresh = (server: FakePriceListServer, dir: string, ...flags: string[]) => ['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', server.url, '--out', dir, '--spot', 'off', '--savings-plans', 'off', ...flags];
const ONE_LINE_FAILURE = /^tier-planner: pricing refresh failed \((\w+)\): [^\n]*previous snapshot is unchanged\)?\n$/;
/** stderr without the line that says which source was used (printed before anything is fetched). */
const afterSourceLine = (stderr: string) => {
  expect(stderr).toMatch(/^  source: AWS Price List API \(GetProducts\): [^\n]+\n/);
  return stderr.replace(/^  source: [^\n]*\n/, '');
};

describe('tier-planner pricing refresh (bin + real SDK + loopback Price List API)', () => {
  it('refreshes a region, shows progress, and the next plan uses the refreshed snapshot; no SDK Node-version warning', async () => {
    const server = await serve({ pageSize: 100 });
    // A folder name that, echoed raw, would clear the screen and set the terminal's title.
    const parent = mkdtempSync(join(tmpdir(), 'tp-refresh-bin-'));
    const dir = join(parent, 'prices \u001b[2J\u001b]0;pwned\u0007');
    const r = await runBinAsync(refresh(server, dir), fakeAws);
    expect(r.stderr).toMatch(/page \d+, \d+ products/);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain(`writing ${parent}/prices \\x1b[2J\\x1b]0;pwned\\x07/us-east-1.json`);
    expect(r.stderr).not.toMatch(/NodeVersionSupportWarning|will require node|Warning/);
    // Instead, one line of our own, once, where the SDK would have warned.
    expect(r.stderr.match(/note: AWS SDK releases after the first week of January 2027 need Node 22/g) ?? []).toHaveLength(Number(process.versions.node.split('.')[0]) < 22 ? 1 : 0);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote ${parent}/prices \\x1b[2J\\x1b]0;pwned\\x07/us-east-1.json: 1101 EC2 instance types`);
    const info = runBin(['pricing', 'info'], { TIER_PLANNER_PRICING_DIR: dir });
    expect(info.stdout).toContain('user snapshot');
    expect(info.stdout).toContain('AWS Price List API');
  });

  it('leaves the previous snapshot byte-for-byte intact when the API dies mid-way, and exits 1 with one line', async () => {
    const server = await serve({ pageSize: 50, dieFromRequest: 4 });
    const prev = previousSnapshot();
    const r = await runBinAsync(refresh(server, prev.dir, '--max-attempts', '2'), fakeAws);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pricing refresh failed \(NETWORK\).*previous snapshot is unchanged/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(server.requests).toHaveLength(5); // 3 pages, then page 4 twice
    expect(prev.untouched()).toBe(true);
  });

  it('gives up on a server that accepts and never answers: --request-timeout per attempt, retried, then NETWORK', async () => {
    const server = await serve({ neverAnswerFromRequest: 1 });
    const prev = previousSnapshot();
    const r = await runBinAsync(refresh(server, prev.dir, '--request-timeout', '200ms', '--max-attempts', '2'), fakeAws);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('EC2: timed out, retry 1 in');
    const last = r.stderr.split('\n').slice(-2).join('\n');
    expect(last).toMatch(ONE_LINE_FAILURE);
    expect(last).toMatch(/\(NETWORK\): no answer from the AWS Price List API for GetProducts AmazonEC2 within the 200 ms request timeout, 2 times/);
    expect(server.requests).toHaveLength(2);
    expect(prev.untouched()).toBe(true);
  });

  it('stops at --deadline when a slow server answers every request in time but not the whole refresh', async () => {
    const server = await serve({ delayMs: 40 });
    const prev = previousSnapshot();
    const r = await runBinAsync(refresh(server, prev.dir, '--request-timeout', '5s', '--deadline', '400ms'), fakeAws);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('retry'); // no request timed out
    expect(r.stderr.split('\n').at(-2)).toMatch(/\(NETWORK\): the AWS Price List API did not deliver every price within the 400 ms deadline of the refresh/);
    expect(server.requests.length).toBeGreaterThan(1);
    expect(prev.untouched()).toBe(true);
  });

  it('reports NETWORK when every answer is cut off halfway (Content-Length promised, socket destroyed)', async () => {
    const server = await serve({ cutBodyRequests: [1, 2] });
    const prev = previousSnapshot();
    const r = await runBinAsync(refresh(server, prev.dir, '--max-attempts', '2'), fakeAws);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('EC2: answer cut off (ECONNRESET), retry 1 in');
    expect(r.stderr.split('\n').at(-2)).toMatch(/\(NETWORK\): the AWS Price List API's answer to GetProducts AmazonEC2 broke off mid-way, 2 times/);
    expect(prev.untouched()).toBe(true);
  });

  it('says no AWS credentials were found, and how to provide them, when the default chain finds none', async () => {
    const server = await serve({});
    const prev = previousSnapshot();
    const home = mkdtempSync(join(tmpdir(), 'tp-refresh-home-'));
    // --source api: without it, no credentials means the public bulk files (pricing-refresh-bulk-bin.test.ts).
    const r = await runBinAsync(refresh(server, prev.dir, '--source', 'api'), { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' }, true);
    expect(r.status).toBe(1);
    expect(afterSourceLine(r.stderr)).toMatch(ONE_LINE_FAILURE);
    expect(r.stderr).toMatch(/\(NO_CREDENTIALS\): no AWS credentials found \(set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE/);
    expect(r.stderr).not.toMatch(/access denied|Warning/i);
    expect(server.requests).toHaveLength(0); // nothing unsigned went out
    expect(prev.untouched()).toBe(true);
  });

  it('exits 2 without --region, and on a bad --request-timeout, --deadline or --max-attempts', () => {
    const r = runBin(['pricing', 'refresh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--region is required/);
    for (const [flag, value, message] of [
      ['--request-timeout', 'soon', /--request-timeout must be a duration such as 500ms, 30s or 10m, got "soon"/],
      ['--deadline', '0s', /--deadline must be between 1ms and 24h, got "0s"/],
      ['--max-attempts', '0', /--max-attempts must be a whole number from 1 to 20, got "0"/],
    ] as const) {
      const bad = runBin(['pricing', 'refresh', '--region', 'us-east-1', flag, value]);
      expect(bad.status, flag).toBe(2);
      expect(bad.stderr, flag).toMatch(new RegExp(`^tier-planner: ${message.source}\\n$`));
    }
  });

  it('exits 2 on an escape sequence, a long value or a space in --request-timeout, --deadline or --max-attempts, echoed printable and cut', () => {
    const long = '9'.repeat(300);
    const cut = `"${'9'.repeat(119)}…"`;
    const DURATION = 'must be a duration such as 500ms, 30s or 10m, got';
    const ATTEMPTS = 'must be a whole number from 1 to 20, got';
    for (const [flag, value, expected] of [
      ['--request-timeout', '30s\u001b]0;pwned\u0007', `${DURATION} "30s\\x1b]0;pwned\\x07"`],
      ['--deadline', '\u009b31m10m', `${DURATION} "\\x9b31m10m"`],
      ['--max-attempts', '3\u001b[2J', `${ATTEMPTS} "3\\x1b[2J"`],
      ['--request-timeout', `${long}s`, `must be between 1ms and 24h, got ${cut}`],
      ['--deadline', `${long}x`, `${DURATION} ${cut}`],
      ['--max-attempts', long, `${ATTEMPTS} ${cut}`],
      ['--request-timeout', ' 30s', `${DURATION} " 30s"`],
      ['--deadline', '10m ', `${DURATION} "10m "`],
      ['--max-attempts', ' 3', `${ATTEMPTS} " 3"`],
      ['--max-attempts', '3 ', `${ATTEMPTS} "3 "`],
    ] as const) {
      // Were a value taken, the refresh would go to a closed loopback port and fail with exit 1.
      const once = flag === '--max-attempts' ? [] : ['--max-attempts', '1'];
      const bad = runBin(['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', 'http://127.0.0.1:9', ...once, `${flag}=${value}`], fakeAws);
      expect(bad.status, `${flag} ${value}`).toBe(2);
      expect(bad.stderr, `${flag} ${value}`).toBe(`tier-planner: ${flag} ${expected}\n`);
    }
  });

  it('exits 2 on an empty --out or --endpoint, and on an --endpoint that is not an http(s) URL, echoed printable', () => {
    for (const [flag, value, message] of [
      ['--out', '', /--out needs a value/],
      ['--endpoint', '', /--endpoint needs a value/],
      ['--endpoint', 'ftp://127.0.0.1/', /--endpoint must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/127\.0\.0\.1\/"/],
      ['--endpoint', 'not a url\u001b]0;title\u0007', /--endpoint must be an http:\/\/ or https:\/\/ URL, got "not a url\\x1b\]0;title\\x07"/],
      ['--ec2-endpoint', 'ftp://127.0.0.1/', /--ec2-endpoint must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/127\.0\.0\.1\/"/],
      ['--spot', 'sometimes', /--spot must be on or off, got "sometimes"/],
    ] as const) {
      const bad = runBin(['pricing', 'refresh', '--region', 'us-east-1', flag, value]);
      expect(bad.status, `${flag} ${value}`).toBe(2);
      expect(bad.stderr, `${flag} ${value}`).toMatch(new RegExp(`^tier-planner: ${message.source}[^\n]*\n$`));
    }
  });

  it('escapes what a server says before echoing it: no control character reaches the terminal', async () => {
    const prev = previousSnapshot();
    // An IAM user name with ESC ] … BEL in it: echoed raw, it would set the terminal's title.
    const server = await serve({ denyAccess: true, denyMessage: 'User: arn:aws:iam::123456789012:user/\u001b]0;pwned\u0007 is not authorized to perform: pricing:GetProducts' });
    const r = await runBinAsync(refresh(server, prev.dir), fakeAws);
    expect(r.status).toBe(1);
    expect(afterSourceLine(r.stderr)).toMatch(ONE_LINE_FAILURE);
    expect(r.stderr).toContain('user/\\x1b]0;pwned\\x07 is not authorized');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(prev.untouched()).toBe(true);
  });

  it('with --spot on, reads Spot history through --ec2-endpoint into the snapshot (test prices)', async () => {
    const server = await serve({ pageSize: 500 });
    const ec2 = await startFakeEc2Server([{ instanceType: 'm5.large', availabilityZone: 'us-east-1a', spotPrice: '0.0400', timestamp: '2020-01-01T00:00:00Z' }]);
    try {
      const dir = mkdtempSync(join(tmpdir(), 'tp-refresh-bin-'));
      const args = ['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', server.url, '--out', dir, '--spot', 'on', '--ec2-endpoint', ec2.url, '--savings-plans', 'off'];
      const r = await runBinAsync(args, fakeAws);
      expect(r.status, r.stderr).toBe(0);
      const snapshot = JSON.parse(readFileSync(join(dir, 'us-east-1.json'), 'utf8')).snapshot;
      expect(snapshot.ec2.instances['m5.large'].spot).toMatchObject({ medianUsd: '0.04', p90Usd: '0.04', byAz: { 'us-east-1a': { medianUsd: '0.04' } } });
      expect(snapshot.missing.find((m: { key: string }) => m.key === 'ec2/spot')).toBeUndefined();
      expect(ec2.requests.length).toBeGreaterThan(0);
    } finally {
      await ec2.close();
    }
  });
});
