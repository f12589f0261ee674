import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClientConfig,
  type QueryExecution,
  type ResultSet,
} from '@aws-sdk/client-athena';
import { BillingError, firstLine } from '../billing-error.js';
import type { QueryEngine, QueryResult, TextRow } from '../engine/query-engine.js';
import { ident } from '../sql/sql-text.js';
import { athenaApiError, athenaQueryFailure } from './athena-errors.js';
import type { AthenaOptions } from './athena-options.js';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
// Polls start quick (most refreshes finish in seconds) and back off so a long query costs few calls.
const DEFAULT_POLL_MS = 500;
const POLL_GROWTH = 1.5;
const MAX_POLL_MS = 5_000;
// Athena's largest GetQueryResults page.
const PAGE_SIZE = 1000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The rows of result pages: the header row of a SELECT's first page dropped, absent values NULL. */
function rowsOf(page: ResultSet | undefined, dropHeader: boolean): TextRow[] {
  const names = (page?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? '');
  const rows = page?.Rows ?? [];
  return rows.slice(dropHeader ? 1 : 0).map((r) => {
    const out: Record<string, string | null> = {};
    names.forEach((name, i) => {
      out[name] = r.Data?.[i]?.VarCharValue ?? null;
    });
    return out;
  });
}

/** The export's table in Athena, queried with the same SQL DuckDB runs. */
export async function athenaEngine(o: AthenaOptions): Promise<QueryEngine> {
  const config: AthenaClientConfig = { region: o.region };
  if (o.endpoint) config.endpoint = o.endpoint;
  if (o.profile) config.profile = o.profile;
  if (o.credentials) config.credentials = o.credentials;
  if (o.maxAttempts) config.maxAttempts = o.maxAttempts;
  const client = new AthenaClient(config);
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tableParts = [o.catalog, o.database, o.table].filter((p): p is string => p !== undefined);
  const table = tableParts.join('.');
  const where = o.endpoint ?? `region ${o.region}`;

  async function call<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw athenaApiError(name, where, e);
    }
  }

  async function waitFor(queryId: string): Promise<QueryExecution> {
    const started = now();
    let interval = o.pollIntervalMs ?? DEFAULT_POLL_MS;
    for (;;) {
      const { QueryExecution: q } = await call('GetQueryExecution', () => client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId })));
      const state = q?.Status?.State;
      if (state === 'SUCCEEDED') return q!;
      if (state === 'FAILED') throw athenaQueryFailure(table, queryId, q?.Status?.StateChangeReason ?? q?.Status?.AthenaError?.ErrorMessage ?? 'no reason given');
      if (state === 'CANCELLED') throw new BillingError('query_failed', `Athena query ${queryId} was cancelled${q?.Status?.StateChangeReason ? `: ${firstLine(q.Status.StateChangeReason)}` : ''}`);
      if (now() - started >= timeoutMs) {
        // Stop it: a query left running keeps scanning, and Athena bills the bytes it scans.
        const stopped = await client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId })).then(
          () => 'it was stopped',
          (e: unknown) => `stopping it failed too (${athenaApiError('StopQueryExecution', where, e).message})`,
        );
        throw new BillingError('timeout', `Athena query ${queryId} did not finish within ${(timeoutMs / 1000).toLocaleString('en-US')} s (still ${state ?? 'unknown'}); ${stopped}`);
      }
      // Never sleep past the deadline: the last poll lands on it.
      await sleep(Math.min(interval, Math.max(0, timeoutMs - (now() - started))));
      interval = Math.min(MAX_POLL_MS, interval * POLL_GROWTH);
    }
  }

  async function results(queryId: string, dropHeader: boolean): Promise<TextRow[]> {
    const rows: TextRow[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page = await call('GetQueryResults', () => client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId, MaxResults: PAGE_SIZE, ...(token ? { NextToken: token } : {}) })));
      rows.push(...rowsOf(page.ResultSet, first && dropHeader));
      first = false;
      token = page.NextToken;
    } while (token);
    return rows;
  }

  return {
    kind: 'athena',
    // No probe query here: Athena bills every query (10 MB at least), so a table without the
    // format's columns is reported from the spend query's own COLUMN_NOT_FOUND failure instead.
    async source(_format, month) {
      const from = tableParts.map(ident).join('.');
      return o.partitionColumn ? { from, partition: { column: o.partitionColumn, value: month } } : { from };
    },
    async query(sql): Promise<QueryResult> {
      const started = await call('StartQueryExecution', () =>
        client.send(
          new StartQueryExecutionCommand({
            QueryString: sql,
            QueryExecutionContext: { Database: o.database, ...(o.catalog ? { Catalog: o.catalog } : {}) },
            WorkGroup: o.workgroup,
            ...(o.outputLocation ? { ResultConfiguration: { OutputLocation: o.outputLocation } } : {}),
          }),
        ),
      );
      const queryId = started.QueryExecutionId;
      if (!queryId) throw new BillingError('query_failed', 'Athena StartQueryExecution returned no QueryExecutionId');
      const done = await waitFor(queryId);
      // Only a SELECT's result starts with a header row; DDL results do not.
      const rows = await results(queryId, done.StatementType !== 'DDL');
      const scanned = done.Statistics?.DataScannedInBytes;
      return { rows, queryId, ...(scanned !== undefined ? { bytesScanned: scanned } : {}) };
    },
    async close() {
      client.destroy();
    },
  };
}
