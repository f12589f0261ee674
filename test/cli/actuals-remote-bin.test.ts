// tier-planner actuals through the built bin against a loopback Athena and a loopback S3: the same
// sample month read from a local folder, from S3 and through Athena gives the same document. The
// sample's amounts are test data, not AWS prices.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAthenaServer, type AthenaServer } from '../../packages/aws-billing/src/testing/athena-server.js';
import { uploadFolder } from '../../packages/aws-billing/src/testing/s3-fixtures.js';
import { startS3Server, type S3TestServer } from '../../packages/aws-billing/src/testing/s3-server.js';
import { expectedSums, SAMPLE_MONTH, writeSampleExport } from '../../packages/aws-billing/src/testing/sample-month.js';
import { athenaQueryCostUsd } from '../../packages/aws-billing/src/athena/athena-cost.js';
import { spendSql } from '../../packages/aws-billing/src/sql/spend-sql.js';
import { BIN } from './run-bin.js';

// Test keys for the loopback servers: never real AWS.
const AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST', AWS_SECRET_ACCESS_KEY: 'loopback-test-secret', AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** The bin run asynchronously, so the servers in this process can answer it. */
function run(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...AWS_ENV }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const root = mkdtempSync(join(tmpdir(), 'tp-actuals-remote-'));
const exportDir = join(root, 'export');
let athena: AthenaServer;
let s3: S3TestServer;

beforeAll(async () => {
  await writeSampleExport(exportDir, 'cur2');
  athena = await startAthenaServer({ dataDir: exportDir, database: 'billing', table: 'cur2', pageSize: 7, runningPolls: 1 });
  s3 = await startS3Server({ pageSize: 1 });
  s3.buckets.set('org-billing', new Map());
  uploadFolder(s3, 'org-billing', 'exports/cur2/data/', exportDir);
});
afterAll(async () => {
  await athena?.close();
  await s3?.close();
  rmSync(root, { recursive: true, force: true });
});

const month = ['--format', 'cur2', '--month', SAMPLE_MONTH, '--json'];
// What differs by engine: the engine's name, and Athena's bytes scanned, query id and its cost.
const engineNeutral = (doc: Record<string, unknown>) => ({ ...doc, engine: undefined, bytesScanned: undefined, queryId: undefined, athenaQueryCostUsd: undefined });

describe('tier-planner actuals from S3 and Athena', () => {
  it('reads the same month from a folder, from S3 and through Athena, and Athena runs the shared SQL', async () => {
    const local = await run(['actuals', '--path', exportDir, ...month]);
    expect(local.status, local.stderr).toBe(0);
    const localDoc = JSON.parse(local.stdout) as Record<string, any>;
    const expected = expectedSums(() => 'all').get('all')!;
    expect(localDoc.total.unblendedUsd).toBe(expected.unblended.toString());
    expect(localDoc.total.amortizedUsd).toBe(expected.amortized.toString());

    const fromS3 = await run(['actuals', '--path', 's3://org-billing/exports/cur2', '--s3-endpoint', s3.endpoint, '--cache-dir', join(root, 'cache'), ...month]);
    expect(fromS3.status, fromS3.stderr).toBe(0);
    expect(engineNeutral(JSON.parse(fromS3.stdout))).toEqual(engineNeutral(localDoc));
    expect(s3.requests.filter((r) => r.kind === 'get').length).toBeGreaterThan(0);
    expect(s3.requests.every((r) => r.accessKeyId === AWS_ENV.AWS_ACCESS_KEY_ID)).toBe(true);

    const viaAthena = await run(['actuals', '--source', 'athena', '--workgroup', 'primary', '--database', 'billing', '--table', 'cur2', '--athena-endpoint', athena.endpoint, ...month]);
    expect(viaAthena.status, viaAthena.stderr).toBe(0);
    const athenaDoc = JSON.parse(viaAthena.stdout) as Record<string, any>;
    expect(engineNeutral(athenaDoc)).toEqual(engineNeutral(localDoc));
    expect(athenaDoc.engine).toBe('athena');
    expect(athenaDoc.bytesScanned).toBeGreaterThan(0);
    // Under Athena's 10 MB minimum per query, the query costs the minimum.
    expect(athenaDoc.athenaQueryCostUsd).toBe(athenaQueryCostUsd(1).toString());
    expect(athena.queries()).toEqual([spendSql({ format: 'cur2', from: '"billing"."cur2"', month: SAMPLE_MONTH, tagKey: 'tier-planner:plan' })]);
  });

  it('says in one line when Athena fails the query or S3 has no such bucket', async () => {
    const missing = await run(['actuals', '--path', 's3://no-such-bucket/x', '--s3-endpoint', s3.endpoint, '--cache-dir', join(root, 'cache2'), ...month]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^tier-planner: .*no-such-bucket/);
    const wrongTable = await run(['actuals', '--source', 'athena', '--workgroup', 'primary', '--database', 'billing', '--table', 'nope', '--athena-endpoint', athena.endpoint, ...month]);
    expect(wrongTable.status).not.toBe(0);
    expect(wrongTable.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrongTable.stderr).toMatch(/^tier-planner: /);
  });
});
