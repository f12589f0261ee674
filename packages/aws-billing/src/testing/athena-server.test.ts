import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAthenaFixture } from './athena-fixture.js';
import { startAthenaServer, type AthenaServer } from './athena-server.js';

const dir = mkdtempSync(join(tmpdir(), 'athena-server-'));
let server: AthenaServer;

beforeAll(async () => {
  await writeAthenaFixture(dir, 'cur2');
  server = await startAthenaServer({ dataDir: dir, database: 'db', table: 't', queuedPolls: 1 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(op: string, body: unknown, target = `AmazonAthena.${op}`) {
  const res = await fetch(server.endpoint, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
  expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('the loopback Athena', () => {
  it('answers an unknown operation with a JSON 1.1 error', async () => {
    const r = await call('Nope', {}, 'AmazonAthena.Nope');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: 'UnknownOperationException', message: 'unknown operation AmazonAthena.Nope' });
  });

  it('refuses results before the query has finished, then pages them with the header row first', async () => {
    const { json: started } = await call('StartQueryExecution', { QueryString: `SELECT line_item_product_code AS code, COUNT(*) AS n FROM "db"."t" GROUP BY 1 ORDER BY 1` });
    const id = started.QueryExecutionId as string;
    const early = await call('GetQueryResults', { QueryExecutionId: id });
    expect(early.status).toBe(400);
    expect(early.json.__type).toBe('InvalidRequestException');
    expect((await call('GetQueryExecution', { QueryExecutionId: id })).json.QueryExecution.Status.State).toBe('QUEUED');
    const done = (await call('GetQueryExecution', { QueryExecutionId: id })).json.QueryExecution;
    expect(done.Status.State).toBe('SUCCEEDED');
    expect(done.Statistics.DataScannedInBytes).toBeGreaterThan(0);
    const first = (await call('GetQueryResults', { QueryExecutionId: id, MaxResults: 2 })).json;
    expect(first.ResultSet.ResultSetMetadata.ColumnInfo.map((c: { Name: string; Type: string }) => `${c.Name}:${c.Type}`)).toEqual(['code:varchar', 'n:bigint']);
    expect(first.ResultSet.Rows[0]).toEqual({ Data: [{ VarCharValue: 'code' }, { VarCharValue: 'n' }] });
    expect(first.ResultSet.Rows.length).toBe(2);
    const rest = (await call('GetQueryResults', { QueryExecutionId: id, MaxResults: 100, NextToken: first.NextToken })).json;
    expect(rest.NextToken).toBeUndefined();
    expect([...first.ResultSet.Rows.slice(1), ...rest.ResultSet.Rows].map((r: { Data: { VarCharValue?: string }[] }) => r.Data[0]!.VarCharValue)).toEqual(['AmazonEC2', 'AmazonRDS', 'AmazonS3', 'ComputeSavingsPlans']);
  });

  it('writes a NULL cell without VarCharValue', async () => {
    const { json: started } = await call('StartQueryExecution', { QueryString: `SELECT CAST(NULL AS VARCHAR) AS x` });
    await call('GetQueryExecution', { QueryExecutionId: started.QueryExecutionId });
    await call('GetQueryExecution', { QueryExecutionId: started.QueryExecutionId });
    const page = (await call('GetQueryResults', { QueryExecutionId: started.QueryExecutionId })).json;
    expect(page.ResultSet.Rows[1]).toEqual({ Data: [{}] });
  });
});
