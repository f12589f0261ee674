import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingError } from '../billing-error.js';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import type { ExportFormat } from '../export-format/export-format.js';
import { DEFAULT_TAG_KEY, readMonthSpend } from '../spend/read-month-spend.js';
import type { MonthSpend } from '../spend/spend-types.js';
import { spendSql } from '../sql/spend-sql.js';
import { writeAthenaFixture } from '../testing/athena-fixture.js';
import { startAthenaServer, type AthenaServer, type AthenaServerOptions } from '../testing/athena-server.js';
import { athenaEngine } from './athena-engine.js';
import type { AthenaOptions } from './athena-options.js';

const root = mkdtempSync(join(tmpdir(), 'athena-engine-'));
const dirs: Record<string, string> = { cur2: join(root, 'cur2'), focus: join(root, 'focus'), noUsageType: join(root, 'no-usage-type') };
const DB = 'cost_exports';
const TABLE = 'cur2_data';
const KEYS = { accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'loopback-secret' };

beforeAll(async () => {
  await writeAthenaFixture(dirs.cur2!, 'cur2');
  await writeAthenaFixture(dirs.focus!, 'focus');
  await writeAthenaFixture(dirs.noUsageType!, 'cur2', { omit: ['line_item_usage_type'] });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A clock the engine steps through its sleeps: no test waits on the wall clock. */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
}

async function withServer<T>(o: Partial<AthenaServerOptions> & { dataDir: string }, run: (s: AthenaServer) => Promise<T>): Promise<T> {
  const server = await startAthenaServer({ database: DB, table: TABLE, ...o });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

function engineOn(server: AthenaServer, o: Partial<AthenaOptions> = {}) {
  const clock = fakeClock();
  return { clock, engine: athenaEngine({ region: 'us-east-1', workgroup: 'finops', database: DB, table: TABLE, endpoint: server.endpoint, credentials: KEYS, now: clock.now, sleep: clock.sleep, ...o }) };
}

async function readWith(server: AthenaServer, format: ExportFormat, o: Partial<AthenaOptions> = {}): Promise<{ spend: MonthSpend; sleeps: number[] }> {
  const { clock, engine } = engineOn(server, o);
  const e = await engine;
  try {
    return { spend: await readMonthSpend(e, { format, month: '2026-11' }), sleeps: clock.sleeps };
  } finally {
    await e.close();
  }
}

const comparable = (s: MonthSpend) => s.lines.map((l) => ({ ...l, unblended: l.unblended.toFixed(10), amortized: l.amortized.toFixed(10) }));

async function duckDbSpend(format: ExportFormat): Promise<MonthSpend> {
  const e = await duckDbEngine({ path: dirs[format]! });
  try {
    return await readMonthSpend(e, { format, month: '2026-11' });
  } finally {
    await e.close();
  }
}

async function failure(p: Promise<unknown>): Promise<BillingError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BillingError);
  return e as BillingError;
}

describe('athenaEngine through the SDK against a loopback Athena running the SQL in DuckDB', () => {
  it.each(['cur2', 'focus'] as const)('reads the same %s month as duckDbEngine, from the exact spend SQL', async (format) => {
    const expected = await duckDbSpend(format);
    await withServer({ dataDir: dirs[format]! }, async (server) => {
      const { spend } = await readWith(server, format, { catalog: 'AwsDataCatalog', outputLocation: 's3://results-bucket/tier-planner/' });
      expect(spend.engine).toBe('athena');
      expect(comparable(spend)).toEqual(comparable(expected));
      expect(spend.lines.some((l) => l.tagValue === null)).toBe(true);
      expect(server.queries()).toEqual([spendSql({ format, month: '2026-11', from: `"AwsDataCatalog"."${DB}"."${TABLE}"`, tagKey: DEFAULT_TAG_KEY })]);
      const start = server.requests.find((r) => r.op === 'StartQueryExecution')!;
      expect(start.contentType).toBe('application/x-amz-json-1.1');
      expect(start.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/us-east-1\/athena\/aws4_request/);
      expect(start.body).toMatchObject({ QueryExecutionContext: { Database: DB, Catalog: 'AwsDataCatalog' }, WorkGroup: 'finops', ResultConfiguration: { OutputLocation: 's3://results-bucket/tier-planner/' } });
      expect(spend.queryId).toBe(server.requests.find((r) => r.op === 'GetQueryExecution')!.body.QueryExecutionId);
    });
  });

  it('quotes "database"."table" without a catalog and sends no output location when none is given', async () => {
    await withServer({ dataDir: dirs.cur2! }, async (server) => {
      await readWith(server, 'cur2');
      expect(server.queries()[0]).toContain(`FROM "${DB}"."${TABLE}"`);
      const start = server.requests.find((r) => r.op === 'StartQueryExecution')!;
      expect(start.body.ResultConfiguration).toBeUndefined();
      expect(start.body.QueryExecutionContext).toEqual({ Database: DB });
    });
  });

  it('pages through many small GetQueryResults pages to the same lines, header row dropped once', async () => {
    const expected = await duckDbSpend('cur2');
    await withServer({ dataDir: dirs.cur2!, pageSize: 3 }, async (server) => {
      const { spend } = await readWith(server, 'cur2');
      expect(comparable(spend)).toEqual(comparable(expected));
      const pages = server.requests.filter((r) => r.op === 'GetQueryResults');
      // The header row takes a place on the first page.
      expect(pages.length).toBe(Math.ceil((expected.lines.length + 1) / 3));
      expect(pages.length).toBeGreaterThan(10);
      expect(pages[0]!.body.NextToken).toBeUndefined();
      expect(pages.slice(1).every((p) => typeof p.body.NextToken === 'string')).toBe(true);
    });
  });

  it('reads the same lines whatever the page size, and never waits longer than the poll cap', async () => {
    const expected = comparable(await duckDbSpend('cur2'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 4000 }), async (pageSize, runningPolls, pollIntervalMs) => {
        await withServer({ dataDir: dirs.cur2!, pageSize, runningPolls }, async (server) => {
          const { spend, sleeps } = await readWith(server, 'cur2', { pollIntervalMs });
          expect(comparable(spend)).toEqual(expected);
          expect(sleeps.length).toBe(runningPolls);
          expect(sleeps.every((ms) => ms <= Math.max(5000, pollIntervalMs))).toBe(true);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('prunes on the partition column when configured, and reports the bytes Athena scanned', async () => {
    const nov = statSync(join(dirs.cur2!, 'BILLING_PERIOD=2026-11', 'part-0.parquet')).size;
    const oct = statSync(join(dirs.cur2!, 'BILLING_PERIOD=2026-10', 'part-0.parquet')).size;
    await withServer({ dataDir: dirs.cur2! }, async (server) => {
      const pruned = await readWith(server, 'cur2', { partitionColumn: 'billing_period' });
      const sql = server.queries()[0]!;
      expect(sql).toContain(`"billing_period" = '2026-11'`);
      expect(sql).toBe(spendSql({ format: 'cur2', month: '2026-11', from: `"${DB}"."${TABLE}"`, tagKey: DEFAULT_TAG_KEY, partition: { column: 'billing_period', value: '2026-11' } }));
      expect(pruned.spend.bytesScanned).toBe(nov);
      const whole = await readWith(server, 'cur2');
      expect(server.queries()[1]).not.toContain('"billing_period"');
      expect(whole.spend.bytesScanned).toBe(nov + oct);
      expect(comparable(pruned.spend)).toEqual(comparable(whole.spend));
    });
  });

  it('polls while QUEUED and RUNNING with growing waits on the injected clock', async () => {
    await withServer({ dataDir: dirs.cur2!, queuedPolls: 2, runningPolls: 4 }, async (server) => {
      const { sleeps } = await readWith(server, 'cur2', { pollIntervalMs: 200 });
      expect(server.requests.filter((r) => r.op === 'GetQueryExecution').length).toBe(7);
      expect(sleeps.length).toBe(6);
      for (let i = 1; i < sleeps.length; i += 1) expect(sleeps[i]!).toBeGreaterThan(sleeps[i - 1]!);
      expect(sleeps[0]).toBe(200);
    });
  });

  it('caps the poll interval', async () => {
    await withServer({ dataDir: dirs.cur2!, runningPolls: 30 }, async (server) => {
      const { sleeps } = await readWith(server, 'cur2', { pollIntervalMs: 1000 });
      expect(Math.max(...sleeps)).toBe(5000);
    });
  });

  it('turns FAILED into query_failed with the first line of the reason', async () => {
    await withServer({ dataDir: dirs.cur2!, failWith: 'HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split s3://bucket/x.parquet\n  at io.trino.Something' }, async (server) => {
      const e = await failure(readWith(server, 'cur2'));
      expect(e.reason).toBe('query_failed');
      expect(e.message).toMatch(/^Athena query \S+ failed: HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split s3:\/\/bucket\/x\.parquet$/);
    });
  });

  it('stops a query that outlives the timeout and throws timeout, without waiting on the wall clock', async () => {
    await withServer({ dataDir: dirs.cur2!, neverFinish: true }, async (server) => {
      const { clock, engine } = engineOn(server, { timeoutMs: 60_000 });
      const e = await engine;
      const err = await failure(readMonthSpend(e, { format: 'cur2', month: '2026-11' }));
      await e.close();
      expect(err.reason).toBe('timeout');
      const stop = server.requests.filter((r) => r.op === 'StopQueryExecution');
      expect(stop.length).toBe(1);
      expect(stop[0]!.body.QueryExecutionId).toBe(server.requests.find((r) => r.op === 'GetQueryExecution')!.body.QueryExecutionId);
      expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
      expect(err.message).toMatch(/did not finish within 60 s \(still RUNNING\); it was stopped$/);
    });
  });

  it('still reports the timeout when stopping the query fails too', async () => {
    await withServer({ dataDir: dirs.cur2!, neverFinish: true, throttleOnce: 'StopQueryExecution' }, async (server) => {
      const err = await failure(readWith(server, 'cur2', { timeoutMs: 5_000, maxAttempts: 1 }));
      expect(err.reason).toBe('timeout');
      expect(err.message).toContain('stopping it failed too (Athena StopQueryExecution is throttled');
      expect(server.requests.filter((r) => r.op === 'StopQueryExecution').length).toBe(1);
    });
  });

  it('rides out one throttling answer through the SDK retries', async () => {
    const expected = await duckDbSpend('cur2');
    await withServer({ dataDir: dirs.cur2!, throttleOnce: 'StartQueryExecution' }, async (server) => {
      const { spend } = await readWith(server, 'cur2');
      expect(comparable(spend)).toEqual(comparable(expected));
      expect(server.requests.filter((r) => r.op === 'StartQueryExecution').length).toBe(2);
    });
  });

  it('reports throttling that outlasts the retries as a network error, in one line', async () => {
    await withServer({ dataDir: dirs.cur2!, throttleOnce: 'GetQueryExecution' }, async (server) => {
      const e = await failure(readWith(server, 'cur2', { maxAttempts: 1 }));
      expect(e.reason).toBe('network');
      expect(e.message).toMatch(/^Athena GetQueryExecution is throttled \(TooManyRequestsException\)/);
      expect(e.message).not.toContain('\n');
    });
  });

  it('reports a refused connection as network', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const e = await failure(
      (async () => {
        const engine = await athenaEngine({ region: 'us-east-1', workgroup: 'finops', database: DB, table: TABLE, endpoint: `http://127.0.0.1:${port}`, credentials: KEYS, maxAttempts: 1 });
        return engine.query('SELECT 1');
      })(),
    );
    expect(e.reason).toBe('network');
    expect(e.message).toContain(`cannot reach Athena at http://127.0.0.1:${port}`);
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('names a column the table lacks (COLUMN_NOT_FOUND) as bad_input', async () => {
    await withServer({ dataDir: dirs.noUsageType! }, async (server) => {
      const e = await failure(readWith(server, 'cur2'));
      expect(e.reason).toBe('bad_input');
      expect(e.message).toContain(`has no column line_item_usage_type (COLUMN_NOT_FOUND`);
    });
  });

  it('reports refused credentials as credentials, and a provider that finds none likewise', async () => {
    await withServer({ dataDir: dirs.cur2!, rejectCredentials: true }, async (server) => {
      const e = await failure(readWith(server, 'cur2', { maxAttempts: 1 }));
      expect(e.reason).toBe('credentials');
      expect(e.message).toBe('Athena StartQueryExecution refused the credentials: The security token included in the request is invalid.');
    });
    await withServer({ dataDir: dirs.cur2! }, async (server) => {
      const none = async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      };
      const e = await failure(readWith(server, 'cur2', { credentials: none, maxAttempts: 1 }));
      expect(e.reason).toBe('credentials');
      expect(e.message).toContain('Could not load credentials from any providers');
      expect(server.requests.length).toBe(0);
    });
  });

  it('reports a workgroup Athena does not know as bad_input', async () => {
    await withServer({ dataDir: dirs.cur2!, workgroups: ['primary'] }, async (server) => {
      const e = await failure(readWith(server, 'cur2', { workgroup: 'no-such-group' }));
      expect(e.reason).toBe('bad_input');
      expect(e.message).toBe('Athena StartQueryExecution refused the request: WorkGroup is not found.');
    });
  });
});
