import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ident, str } from '../sql/sql-text.js';

/**
 * A loopback Athena: a node:http server speaking Athena's JSON 1.1 protocol for the four operations
 * a query needs. It runs the QueryString it receives in DuckDB, where "database"."table" is a view
 * over the fixture's parquet files, so the exact SQL Athena would get is executed. Every request
 * is recorded for the tests to inspect.
 */
export interface AthenaServerOptions {
  /** Folder of the export's parquet files (BILLING_PERIOD=YYYY-MM folders, as AWS writes them). */
  readonly dataDir: string;
  readonly database: string;
  readonly table: string;
  /** Catalog the view is also reachable under (QueryExecutionContext.Catalog); default AwsDataCatalog. */
  readonly catalog?: string;
  /** Polls answered QUEUED, then RUNNING, before the state is final; default 0 and 0. */
  readonly queuedPolls?: number;
  readonly runningPolls?: number;
  /** Every query ends FAILED with this StateChangeReason (whatever DuckDB says). */
  readonly failWith?: string;
  /** Queries stay RUNNING until stopped. */
  readonly neverFinish?: boolean;
  /** Answer the first call of this operation with a throttling error (the SDK retries it). */
  readonly throttleOnce?: AthenaOp;
  /** Rows per GetQueryResults page at most (Athena's own cap is 1,000). */
  readonly pageSize?: number;
  /** Refuse every request's credentials, as Athena does an unknown access key. */
  readonly rejectCredentials?: boolean;
  /** Workgroups that exist; others are refused as Athena refuses them. Default: any. */
  readonly workgroups?: readonly string[];
}

export type AthenaOp = 'StartQueryExecution' | 'GetQueryExecution' | 'GetQueryResults' | 'StopQueryExecution';

export interface RecordedRequest {
  readonly op: string;
  readonly contentType: string | undefined;
  /** The SigV4 Authorization header the SDK signed the request with. */
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

interface Execution {
  readonly id: string;
  readonly sql: string;
  readonly request: Record<string, unknown>;
  polls: number;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  reason?: string;
  columns?: { name: string; type: string }[];
  rows?: (string | null)[][];
  bytesScanned: number;
}

export interface AthenaServer {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** The QueryStrings received, in order. */
  readonly queries: () => string[];
  readonly close: () => Promise<void>;
}

class AthenaFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const parquetFiles = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => join(dir, f))
    .sort();

/** DuckDB's type names as Athena's ColumnInfo.Type spells them. */
function athenaType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR') return 'varchar';
  if (t === 'BIGINT') return 'bigint';
  if (t === 'INTEGER') return 'integer';
  if (t === 'DOUBLE') return 'double';
  if (t === 'BOOLEAN') return 'boolean';
  if (t.startsWith('DECIMAL')) return 'decimal';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  return t.toLowerCase();
}

/**
 * Athena reports a column it cannot find as COLUMN_NOT_FOUND with the column lower-cased and the
 * place in the query ("COLUMN_NOT_FOUND: line 7:5: Column 'x' cannot be resolved or requester is
 * not authorized to access requested resources", as Athena's failures are seen worded); DuckDB's
 * binder says it otherwise. Reword DuckDB's message that way.
 */
function athenaReason(sql: string, duckMessage: string): string {
  const missing = /Referenced column "?([^"\s]+)"? not found/i.exec(duckMessage);
  if (missing) {
    const column = missing[1]!;
    const at = sql.toLowerCase().indexOf(column.toLowerCase());
    const before = at < 0 ? '' : sql.slice(0, at);
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return `COLUMN_NOT_FOUND: line ${line}:${col}: Column '${column.toLowerCase()}' cannot be resolved or requester is not authorized to access requested resources`;
  }
  return `GENERIC_INTERNAL_ERROR: ${duckMessage.split('\n')[0]}`;
}

async function createView(c: DuckDBConnection, o: AthenaServerOptions): Promise<void> {
  const files = parquetFiles(o.dataDir);
  const select = `SELECT * FROM read_parquet([${files.map(str).join(', ')}], union_by_name = true, hive_partitioning = true, hive_types_autocast = false)`;
  await c.run(`CREATE SCHEMA ${ident(o.database)}`);
  await c.run(`CREATE VIEW ${ident(o.database)}.${ident(o.table)} AS ${select}`);
  const catalog = o.catalog ?? 'AwsDataCatalog';
  await c.run(`ATTACH ':memory:' AS ${ident(catalog)}`);
  await c.run(`CREATE SCHEMA ${ident(catalog)}.${ident(o.database)}`);
  await c.run(`CREATE VIEW ${ident(catalog)}.${ident(o.database)}.${ident(o.table)} AS ${select}`);
}

/**
 * Bytes a query reads, as Athena would bill them: the sizes of the table's parquet files, only
 * those of the partition when the query names it (partition pruning). Athena reads fewer bytes
 * than whole files (only the columns asked); whole files are an upper bound, and enough to show
 * what pruning saves.
 */
function bytesScanned(dataDir: string, sql: string): number {
  const files = parquetFiles(dataDir);
  const pruned = /"billing_period"\s*=\s*'(\d{4}-\d{2})'/i.exec(sql);
  const read = pruned ? files.filter((f) => f.includes(`BILLING_PERIOD=${pruned[1]}`)) : files;
  return read.reduce((s, f) => s + statSync(f).size, 0);
}

async function runSql(c: DuckDBConnection, e: Execution, dataDir: string): Promise<void> {
  try {
    const reader = await c.runAndReadAll(e.sql);
    e.columns = reader.columnNames().map((name, i) => ({ name, type: athenaType(String(reader.columnTypes()[i])) }));
    e.rows = reader.getRowsJson().map((r) => r.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v))));
    e.bytesScanned = bytesScanned(dataDir, e.sql);
    e.state = 'SUCCEEDED';
  } catch (err) {
    e.state = 'FAILED';
    e.reason = athenaReason(e.sql, (err as Error).message);
  }
}

export async function startAthenaServer(o: AthenaServerOptions): Promise<AthenaServer> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await createView(c, o);
  const requests: RecordedRequest[] = [];
  const executions = new Map<string, Execution>();
  const throttled = new Set<string>();
  let next = 0;

  const execution = (body: Record<string, unknown>): Execution => {
    const e = executions.get(String(body.QueryExecutionId));
    if (!e) throw new AthenaFault(400, 'InvalidRequestException', `QueryExecution ${String(body.QueryExecutionId)} was not found`);
    return e;
  };

  async function advance(e: Execution): Promise<void> {
    e.polls += 1;
    if (e.state !== 'QUEUED' && e.state !== 'RUNNING') return;
    if (e.polls <= (o.queuedPolls ?? 0)) e.state = 'QUEUED';
    else if (o.neverFinish || e.polls <= (o.queuedPolls ?? 0) + (o.runningPolls ?? 0)) e.state = 'RUNNING';
    else if (o.failWith !== undefined) {
      e.state = 'FAILED';
      e.reason = o.failWith;
    } else await runSql(c, e, o.dataDir);
  }

  const ops: Record<AthenaOp, (body: Record<string, unknown>) => Promise<unknown>> = {
    async StartQueryExecution(body) {
      if (typeof body.QueryString !== 'string' || body.QueryString === '') throw new AthenaFault(400, 'InvalidRequestException', 'QueryString is required');
      if (o.workgroups && !o.workgroups.includes(String(body.WorkGroup ?? 'primary'))) throw new AthenaFault(400, 'InvalidRequestException', 'WorkGroup is not found.');
      next += 1;
      const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
      executions.set(id, { id, sql: body.QueryString, request: body, polls: 0, state: 'QUEUED', bytesScanned: 0 });
      return { QueryExecutionId: id };
    },
    async GetQueryExecution(body) {
      const e = execution(body);
      await advance(e);
      const done = e.state === 'SUCCEEDED' || e.state === 'FAILED' || e.state === 'CANCELLED';
      return {
        QueryExecution: {
          QueryExecutionId: e.id,
          Query: e.sql,
          StatementType: 'DML',
          QueryExecutionContext: e.request.QueryExecutionContext,
          ResultConfiguration: e.request.ResultConfiguration ?? { OutputLocation: `s3://loopback-athena-results/${e.id}.csv` },
          WorkGroup: e.request.WorkGroup ?? 'primary',
          Status: {
            State: e.state,
            ...(e.reason !== undefined ? { StateChangeReason: e.reason } : {}),
            ...(e.state === 'FAILED' ? { AthenaError: { ErrorCategory: 2, ErrorType: 1000, Retryable: false, ErrorMessage: e.reason } } : {}),
            SubmissionDateTime: 1_764_547_200,
            ...(done ? { CompletionDateTime: 1_764_547_201 } : {}),
          },
          Statistics: { DataScannedInBytes: e.bytesScanned, EngineExecutionTimeInMillis: 1, TotalExecutionTimeInMillis: 1 },
        },
      };
    },
    async GetQueryResults(body) {
      const e = execution(body);
      if (e.state !== 'SUCCEEDED') throw new AthenaFault(400, 'InvalidRequestException', `Query has not yet finished. Current state: ${e.state}`);
      const max = Math.min(typeof body.MaxResults === 'number' ? body.MaxResults : 1000, o.pageSize ?? 1000);
      // A SELECT's first page starts with the header row, which counts against MaxResults.
      const all = [e.columns!.map((col) => col.name), ...e.rows!];
      const start = typeof body.NextToken === 'string' ? Number(Buffer.from(body.NextToken, 'base64url').toString()) : 0;
      if (!Number.isInteger(start) || start < 0 || start > all.length) throw new AthenaFault(400, 'InvalidRequestException', 'NextToken is not valid');
      const end = Math.min(all.length, start + max);
      return {
        ResultSet: {
          Rows: all.slice(start, end).map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
          ResultSetMetadata: {
            ColumnInfo: e.columns!.map((col) => ({ CatalogName: 'hive', SchemaName: '', TableName: '', Name: col.name, Label: col.name, Type: col.type, Precision: 0, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: col.type === 'varchar' })),
          },
        },
        UpdateCount: 0,
        ...(end < all.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}),
      };
    },
    async StopQueryExecution(body) {
      const e = execution(body);
      if (e.state === 'QUEUED' || e.state === 'RUNNING') e.state = 'CANCELLED';
      return {};
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `loopback-${requests.length}` });
      res.end(JSON.stringify(payload));
    };
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.startsWith('AmazonAthena.') ? target.slice('AmazonAthena.'.length) : target;
    let body: Record<string, unknown> = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      reply(400, { __type: 'SerializationException', message: 'body is not JSON' });
      return;
    }
    requests.push({ op, contentType: req.headers['content-type'], authorization: req.headers.authorization, body });
    try {
      if (req.method !== 'POST' || req.url !== '/') throw new AthenaFault(404, 'UnknownOperationException', `${req.method} ${req.url}`);
      const handler = (ops as Record<string, (b: Record<string, unknown>) => Promise<unknown>>)[op];
      if (!target.startsWith('AmazonAthena.') || !handler) throw new AthenaFault(400, 'UnknownOperationException', `unknown operation ${target}`);
      if (o.rejectCredentials) throw new AthenaFault(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      if (o.throttleOnce === op && !throttled.has(op)) {
        throttled.add(op);
        throw new AthenaFault(400, 'TooManyRequestsException', 'Rate exceeded');
      }
      reply(200, await handler(body));
    } catch (err) {
      if (err instanceof AthenaFault) reply(err.status, { __type: err.type, message: err.message });
      else reply(500, { __type: 'InternalServerException', message: (err as Error).message });
    }
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    queries: () => requests.filter((r) => r.op === 'StartQueryExecution').map((r) => String(r.body.QueryString)),
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
      c.closeSync();
      instance.closeSync();
    },
  };
}
