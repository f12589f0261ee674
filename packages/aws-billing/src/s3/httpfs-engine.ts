import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { BillingError, firstLine } from '../billing-error.js';
import type { QueryEngine, QueryResult, TextRow } from '../engine/query-engine.js';
import { REQUIRED_COLUMNS } from '../export-format/export-format.js';
import { str } from '../sql/sql-text.js';
import type { S3ReadOptions } from './s3-options.js';
import { s3Url, type S3Location } from './s3-location.js';

export interface HttpfsEngineOptions extends S3ReadOptions {
  readonly memoryLimit?: string;
}

async function run(c: DuckDBConnection, sql: string, what: string): Promise<QueryResult> {
  try {
    const reader = await c.runAndReadAll(sql);
    const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
    return { rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v)])) as TextRow) };
  } catch (e) {
    throw new BillingError('query_failed', `DuckDB failed ${what}: ${firstLine((e as Error).message)}`);
  }
}

/** The S3 secret DuckDB signs requests with: given keys, else the AWS credential chain. */
function secretSql(o: S3ReadOptions): string {
  const parts = o.credentials
    ? [`PROVIDER config`, `KEY_ID ${str(o.credentials.accessKeyId)}`, `SECRET ${str(o.credentials.secretAccessKey)}`, ...(o.credentials.sessionToken ? [`SESSION_TOKEN ${str(o.credentials.sessionToken)}`] : [])]
    : [`PROVIDER credential_chain`, ...(o.profile ? [`PROFILE ${str(o.profile)}`] : [])];
  if (o.region) parts.push(`REGION ${str(o.region)}`);
  if (o.endpoint) {
    const u = new URL(o.endpoint);
    parts.push(`ENDPOINT ${str(u.host)}`, `URL_STYLE 'path'`, `USE_SSL ${u.protocol === 'https:' ? 'true' : 'false'}`);
  }
  return `CREATE SECRET tier_planner_export (TYPE s3, ${parts.join(', ')})`;
}

/**
 * DuckDB reading the export in S3 itself through its httpfs and aws extensions. They are loaded,
 * never installed here: a machine without them gets a one-line error naming the default reader.
 */
export async function httpfsEngine(l: S3Location, o: HttpfsEngineOptions = {}): Promise<QueryEngine> {
  const url = s3Url(l);
  // No download of extensions behind the caller's back.
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', ...(o.memoryLimit ? { memory_limit: o.memoryLimit } : {}) });
  const c = await instance.connect();
  const close = async () => {
    c.closeSync();
    instance.closeSync();
  };
  // httpfs reads s3://; the credential chain (profiles, SSO, roles) is the aws extension's.
  const extensions = o.credentials ? ['httpfs'] : ['httpfs', 'aws'];
  try {
    for (const x of extensions) await c.run(`LOAD ${x}`);
  } catch (e) {
    await close();
    throw new BillingError(
      'bad_input',
      `DuckDB's ${extensions.join('/')} extension cannot load (${firstLine((e as Error).message)}): read ${url} with the default reader (s3.reader 'sync'), or install it with DuckDB's ${extensions.map((x) => `INSTALL ${x}`).join('; ')}`,
    );
  }
  await run(c, secretSql(o), `setting up S3 access for ${url}`);
  return {
    kind: 'duckdb',
    async source(format, month) {
      const monthGlob = `${url}/**/BILLING_PERIOD=${month}/*.parquet`;
      const allGlob = `${url}/**/*.parquet`;
      const count = async (g: string) => Number((await run(c, `SELECT count(*) AS n FROM glob(${str(g)})`, `listing ${g}`)).rows[0]?.n ?? 0);
      const glob = (await count(monthGlob)) > 0 ? monthGlob : allGlob;
      if (glob === allGlob && (await count(allGlob)) === 0) throw new BillingError('no_data', `${url} holds no .parquet object`);
      const from = `read_parquet(${str(glob)}, union_by_name = true)`;
      const described = await run(c, `DESCRIBE SELECT * FROM ${from}`, `reading ${url}`);
      const columns = new Set(described.rows.map((r) => (r.column_name ?? '').toLowerCase()));
      const missing = REQUIRED_COLUMNS[format].filter((k) => !columns.has(k.toLowerCase()));
      if (missing.length > 0) throw new BillingError('bad_input', `${url} is not a ${format === 'cur2' ? 'CUR 2.0' : 'FOCUS 1.2'} export: it lacks ${missing.join(', ')}`);
      return { from };
    },
    query: (sql) => run(c, sql, `reading ${url}`),
    close,
  };
}
