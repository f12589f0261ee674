import { isAbsolute, resolve } from 'node:path';
import { PLAN_TAG_KEY } from '@tier-planner/cost-model';
import type { ActualsConfig, AthenaConfig, CostBasisConfig, DataExportConfig, ExportSchedule, PlanConfig } from './config-types.js';
import { fail, known, object, optionalString, withFile, type Obj } from './config-fields.js';
import { parseDuration } from './duration.js';

export const ACTUALS_DEFAULTS = {
  source: 'cost-explorer',
  // AWS Data Exports "updates the export up to three times a day": reading more often finds nothing new.
  refreshInterval: '4h',
  basis: 'amortized',
  backoffInitial: '1m',
  backoffMax: '1h',
  queryTimeout: '10m',
  athenaFormat: 'cur2',
} as const;

const SOURCES = ['cost-explorer', 'data-export', 'athena'];
const FORMATS = ['cur2', 'focus'];
const BASES = ['amortized', 'unblended'];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const MEMORY = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** The `actuals:` block; absent, Cost Explorer as configured under costExplorer:. */
export function actualsConfig(value: unknown, plans: readonly PlanConfig[], file: string): ActualsConfig {
  const a = value === undefined ? {} : object(value, 'actuals', file);
  known(a, ['source', 'dataExport', 'athena', 'basis', 'refreshInterval', 'backoffInitial', 'backoffMax'], 'actuals.', file);
  const source = optionalString(a.source, 'actuals.source', file) ?? ACTUALS_DEFAULTS.source;
  if (!SOURCES.includes(source)) fail(file, `actuals.source must be cost-explorer, data-export or athena, got ${JSON.stringify(source)}`);
  const other = source === 'data-export' ? 'athena' : source === 'athena' ? 'dataExport' : undefined;
  if (source === 'cost-explorer') {
    const given = ['dataExport', 'athena', 'basis', 'refreshInterval', 'backoffInitial', 'backoffMax'].find((k) => a[k] !== undefined);
    if (given) fail(file, `actuals.${given} applies to the data-export and athena sources; actuals.source is cost-explorer (configure it under costExplorer:)`);
    return { source: 'cost-explorer' };
  }
  if (other && a[other] !== undefined) fail(file, `actuals.${other} does not apply to actuals.source ${source}`);
  const schedule = exportSchedule(a, file);
  if (source === 'data-export') {
    if (a.dataExport === undefined) fail(file, 'actuals.source data-export needs actuals.dataExport with path and format');
    const dataExport = dataExportConfig(object(a.dataExport, 'actuals.dataExport', file), file);
    oneTagKey(dataExport.tagKey, 'actuals.dataExport.tagKey', plans, file);
    return { source: 'data-export', dataExport, ...schedule };
  }
  if (a.athena === undefined) fail(file, 'actuals.source athena needs actuals.athena with region, workgroup, database and table');
  const athena = athenaConfig(object(a.athena, 'actuals.athena', file), file);
  oneTagKey(athena.tagKey, 'actuals.athena.tagKey', plans, file);
  return { source: 'athena', athena, ...schedule };
}

function exportSchedule(a: Obj, file: string): ExportSchedule {
  const basis = optionalString(a.basis, 'actuals.basis', file) ?? ACTUALS_DEFAULTS.basis;
  if (!BASES.includes(basis)) fail(file, `actuals.basis must be amortized or unblended, got ${JSON.stringify(basis)}`);
  const duration = (key: string, fallback: string) => withFile(file, () => parseDuration(a[key] ?? fallback, `actuals.${key}`));
  const backoffInitialMs = duration('backoffInitial', ACTUALS_DEFAULTS.backoffInitial);
  const backoffMaxMs = duration('backoffMax', ACTUALS_DEFAULTS.backoffMax);
  if (backoffMaxMs < backoffInitialMs) fail(file, 'actuals.backoffMax must not be shorter than actuals.backoffInitial');
  return { basis: basis as CostBasisConfig, refreshIntervalMs: duration('refreshInterval', ACTUALS_DEFAULTS.refreshInterval), backoffInitialMs, backoffMaxMs };
}

function format(value: unknown, where: string, file: string, fallback?: string): 'cur2' | 'focus' {
  const f = optionalString(value, where, file) ?? fallback;
  if (f === undefined) fail(file, `${where} is needed: cur2 (CUR 2.0) or focus (FOCUS 1.2)`);
  if (!FORMATS.includes(f)) fail(file, `${where} must be cur2 or focus, got ${JSON.stringify(f)}`);
  return f as 'cur2' | 'focus';
}

function dataExportConfig(d: Obj, file: string): DataExportConfig {
  known(d, ['path', 'format', 'tagKey', 'memoryLimit', 's3'], 'actuals.dataExport.', file);
  const path = optionalString(d.path, 'actuals.dataExport.path', file);
  if (path === undefined) fail(file, 'actuals.dataExport.path is needed: the export folder, or s3://bucket/prefix');
  const memoryLimit = optionalString(d.memoryLimit, 'actuals.dataExport.memoryLimit', file);
  if (memoryLimit !== undefined && !MEMORY.test(memoryLimit)) fail(file, `actuals.dataExport.memoryLimit must be a size such as 2GB, got ${JSON.stringify(memoryLimit)}`);
  const tagKey = optionalString(d.tagKey, 'actuals.dataExport.tagKey', file);
  const s3 = d.s3 === undefined ? undefined : s3Config(object(d.s3, 'actuals.dataExport.s3', file), file);
  if (s3 && !path.startsWith('s3://')) fail(file, 'actuals.dataExport.s3 applies to an s3:// path only');
  // A relative folder is the config file's neighbour, as plan files are.
  const resolved = path.startsWith('s3://') || isAbsolute(path) ? path : resolve(file, '..', path);
  return {
    path: resolved,
    format: format(d.format, 'actuals.dataExport.format', file),
    ...(tagKey !== undefined ? { tagKey } : {}),
    ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    ...(s3 ? { s3 } : {}),
  };
}

function s3Config(s: Obj, file: string): NonNullable<DataExportConfig['s3']> {
  known(s, ['region', 'profile', 'endpoint', 'cacheDir'], 'actuals.dataExport.s3.', file);
  const out: Record<string, string> = {};
  for (const k of ['region', 'profile', 'endpoint', 'cacheDir']) {
    const v = optionalString(s[k], `actuals.dataExport.s3.${k}`, file);
    if (v !== undefined) out[k] = v;
  }
  if (out.region !== undefined && !REGION.test(out.region)) fail(file, `actuals.dataExport.s3.region must be an AWS region code such as us-east-1, got ${JSON.stringify(out.region)}`);
  return out;
}

function athenaConfig(t: Obj, file: string): AthenaConfig {
  known(t, ['region', 'workgroup', 'database', 'table', 'format', 'tagKey', 'catalog', 'outputLocation', 'partitionColumn', 'endpoint', 'profile', 'queryTimeout'], 'actuals.athena.', file);
  const need = (key: string) => {
    const v = optionalString(t[key], `actuals.athena.${key}`, file);
    if (v === undefined) fail(file, `actuals.athena.${key} is needed`);
    return v;
  };
  const region = need('region');
  if (!REGION.test(region)) fail(file, `actuals.athena.region must be an AWS region code such as us-east-1, got ${JSON.stringify(region)}`);
  const optional: Record<string, string> = {};
  for (const k of ['tagKey', 'catalog', 'outputLocation', 'partitionColumn', 'endpoint', 'profile']) {
    const v = optionalString(t[k], `actuals.athena.${k}`, file);
    if (v !== undefined) optional[k] = v;
  }
  if (optional.outputLocation !== undefined && !optional.outputLocation.startsWith('s3://')) fail(file, `actuals.athena.outputLocation must be an s3:// folder, got ${JSON.stringify(optional.outputLocation)}`);
  if (optional.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(optional.endpoint)) fail(file, `actuals.athena.endpoint must be an http(s) URL, got ${JSON.stringify(optional.endpoint)}`);
  if (optional.partitionColumn !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(optional.partitionColumn)) fail(file, `actuals.athena.partitionColumn must be a column name, got ${JSON.stringify(optional.partitionColumn)}`);
  return {
    region,
    workgroup: need('workgroup'),
    database: need('database'),
    table: need('table'),
    format: format(t.format, 'actuals.athena.format', file, ACTUALS_DEFAULTS.athenaFormat),
    ...optional,
    queryTimeoutMs: withFile(file, () => parseDuration(t.queryTimeout ?? ACTUALS_DEFAULTS.queryTimeout, 'actuals.athena.queryTimeout')),
  };
}

/** One query reads one spelling of one tag key: the export's own spelling can serve one plan tag key only. */
function oneTagKey(tagKey: string | undefined, where: string, plans: readonly PlanConfig[], file: string): void {
  if (tagKey === undefined) return;
  const keys = new Set(plans.map((p) => (p.match === undefined ? PLAN_TAG_KEY : p.match.kind === 'tag' ? p.match.key : undefined)).filter((k) => k !== undefined));
  if (keys.size > 1) fail(file, `${where} is the export's spelling of one tag key, but the plans match ${keys.size} tag keys (${[...keys].join(', ')}); leave it out, or give the plans one key`);
}
