import { parseArgs } from 'node:util';
import { athenaEngine, EXPORT_FORMATS, openDataExport, readMonthSpend, type AthenaOptions, type CostBasis, type ExportFormat, type QueryEngine } from '@tier-planner/aws-billing';
import { defaultPlanName } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { isRegionCode, usageErrors } from '../cli/parse-args.js';
import { parseDurationFlag } from '../cli/parse-duration.js';
import { readPlanFile } from '../cli/plan-file.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { renderActualsText } from '../render/actuals-text.js';
import { toJsonText } from '../render/json.js';
import { printableLines, quoted } from '../render/printable.js';
import { actualsJson, summariseActuals } from './actuals-summary.js';
import { asCliErrors } from './billing-errors.js';

export const ACTUALS_HELP = `Usage: tier-planner actuals --source data-export --path DIR|s3://bucket/prefix --format cur2|focus --month YYYY-MM [options]
       tier-planner actuals --source athena --workgroup W --database D --table T --format cur2|focus --month YYYY-MM [options]

A month of actual spend from an AWS Data Export (CUR 2.0 or FOCUS 1.2): unblended and amortized
totals per service, per kind of charge and per plan tag value, and the days the data covers.
--plan plan.json (written by tier-planner --json) adds the plan's expected cost to the end of the
last day with data, per service, and actual ÷ expected.

Options:
  --tag-key K          the export's spelling of the plan tag key (default: tier-planner:plan as
                       user:tier-planner:plan, user_tier_planner_plan, … tried in order)
  --tag-value V        the plan's tag value (default: the plan's name, profile-users-users)
  --basis B            amortized (default: commitments spread over their use, as the plan prices
                       them and the exporter compares an export) or unblended (as billed), for --plan
  --json               the same figures as one JSON document (amounts as exact strings)
S3 (--path s3://…): --region (default $AWS_REGION), --profile, --cache-dir DIR (the month's files are
  copied there; unchanged ones are not fetched again), --s3-reader sync|httpfs, --s3-endpoint URL
Athena: --catalog, --output-location s3://…, --partition-column, --region (default $AWS_REGION),
  --profile, --athena-endpoint URL, --timeout 10m

Exit status: 0 ok, 1 the engine or the network failed, 2 bad flags, paths, months or formats, or no data.
`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const BASES: readonly CostBasis[] = ['unblended', 'amortized'];
const ATHENA_ONLY = ['workgroup', 'database', 'table', 'catalog', 'output-location', 'partition-column', 'athena-endpoint', 'timeout'] as const;
const S3_ONLY = ['cache-dir', 's3-reader', 's3-endpoint'] as const;
const S3_READERS = ['sync', 'httpfs'] as const;

const OPTIONS = {
  source: { type: 'string' },
  path: { type: 'string' },
  format: { type: 'string' },
  month: { type: 'string' },
  plan: { type: 'string' },
  'tag-key': { type: 'string' },
  'tag-value': { type: 'string' },
  basis: { type: 'string' },
  json: { type: 'boolean' },
  workgroup: { type: 'string' },
  database: { type: 'string' },
  table: { type: 'string' },
  catalog: { type: 'string' },
  'output-location': { type: 'string' },
  'partition-column': { type: 'string' },
  region: { type: 'string' },
  'athena-endpoint': { type: 'string' },
  profile: { type: 'string' },
  'cache-dir': { type: 'string' },
  's3-reader': { type: 'string' },
  's3-endpoint': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];
const parse = (argv: readonly string[]) => usageErrors(() => parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: OPTIONS }));

export async function actualsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout.write(ACTUALS_HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`actuals takes no positional arguments (got ${quoted(positionals[0])}); see tier-planner actuals --help`);
  const format = pick('--format', values.format, EXPORT_FORMATS);
  if (values.month === undefined) throw new UsageError('actuals needs --month YYYY-MM (the billing period)');
  if (!MONTH.test(values.month)) throw new UsageError(`--month must be YYYY-MM, got ${quoted(values.month)}`);
  const basis = values.basis === undefined ? 'amortized' : pick('--basis', values.basis, BASES);
  if (values['tag-key'] === '') throw new UsageError('--tag-key needs a key');
  const plan = values.plan === undefined ? undefined : readPlanFile(values.plan);
  if (values['tag-value'] !== undefined && plan === undefined) throw new UsageError('--tag-value picks the plan\'s tag value: give --plan plan.json with it');
  const open = engineOf(values, io);
  const spend = await asCliErrors(async () => {
    const engine = await open.engine();
    try {
      return await readMonthSpend(engine, { format, month: values.month!, ...(values['tag-key'] !== undefined ? { exactTagKey: values['tag-key'] } : {}) });
    } finally {
      await engine.close();
    }
  });
  const summary = summariseActuals(spend, basis, plan ? { plan, tagValue: values['tag-value'] ?? defaultPlanName(plan) } : undefined);
  io.stdout.write(values.json ? toJsonText(actualsJson(summary)) : printableLines(renderActualsText(open.label, summary)));
  return EXIT.ok;
}

function pick<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T {
  if (text === undefined) throw new UsageError(`actuals needs ${flag} ${allowed.join('|')}`);
  if (!allowed.includes(text as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${quoted(text)}`);
  return text as T;
}

function httpUrl(flag: string, url: string | undefined): string | undefined {
  if (url !== undefined && !/^https?:\/\/[^/\s]+/.test(url)) throw new UsageError(`${flag} must be an http(s):// URL, got ${quoted(url)}`);
  return url;
}

/** The engine the flags name, checked before anything is opened. */
function engineOf(values: Values, io: CliIo): { label: string; engine: () => Promise<QueryEngine> } {
  const source = values.source ?? 'data-export';
  // An empty AWS_REGION is unset, as the AWS SDKs read it.
  const region = values.region ?? (io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || undefined);
  if (region !== undefined && !isRegionCode(region)) throw new UsageError(`--region must be an AWS region code such as us-east-1, got ${quoted(region)}`);
  if (source === 'data-export') {
    const stray = ATHENA_ONLY.find((f) => values[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} is for --source athena`);
    const path = values.path;
    if (path === undefined || path === '') throw new UsageError('--source data-export needs --path DIR or s3://bucket/prefix');
    if (path.startsWith('s3://') && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(path)) throw new UsageError(`--path ${quoted(path)} is not an s3://bucket/prefix`);
    if (!path.startsWith('s3://')) {
      const s3Flag = [...S3_ONLY, 'profile' as const].find((f) => values[f] !== undefined);
      if (s3Flag) throw new UsageError(`--${s3Flag} is for an s3:// --path`);
      return { label: path, engine: () => openDataExport({ path }) };
    }
    const reader = values['s3-reader'] === undefined ? undefined : pick('--s3-reader', values['s3-reader'], S3_READERS);
    const s3Endpoint = httpUrl('--s3-endpoint', values['s3-endpoint']);
    if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a folder');
    const s3 = {
      ...(region ? { region } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
      ...(s3Endpoint ? { endpoint: s3Endpoint } : {}),
      ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
      ...(reader ? { reader } : {}),
    };
    return { label: path, engine: () => openDataExport({ path, s3 }) };
  }
  if (source !== 'athena') throw new UsageError(`--source must be data-export or athena, got ${quoted(source)}`);
  if (values.path !== undefined) throw new UsageError('--path is for --source data-export; Athena reads --database and --table');
  const s3Flag = S3_ONLY.find((f) => values[f] !== undefined);
  if (s3Flag) throw new UsageError(`--${s3Flag} is for --source data-export with an s3:// --path`);
  for (const f of ['workgroup', 'database', 'table'] as const) if (!values[f]) throw new UsageError(`--source athena needs --${f}`);
  if (region === undefined) throw new UsageError('--source athena needs --region (or AWS_REGION)');
  const output = values['output-location'];
  if (output !== undefined && !/^s3:\/\/[^/]+/.test(output)) throw new UsageError(`--output-location must be an s3:// folder, got ${quoted(output)}`);
  const endpoint = httpUrl('--athena-endpoint', values['athena-endpoint']);
  const partition = values['partition-column'];
  if (partition !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(partition)) throw new UsageError(`--partition-column must be a column name, got ${quoted(partition)}`);
  const o: AthenaOptions = {
    region,
    workgroup: values.workgroup!,
    database: values.database!,
    table: values.table!,
    ...(values.catalog ? { catalog: values.catalog } : {}),
    ...(output ? { outputLocation: output } : {}),
    ...(partition ? { partitionColumn: partition } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: parseDurationFlag('--timeout', values.timeout) } : {}),
  };
  return { label: `athena ${o.database}.${o.table}`, engine: () => athenaEngine(o) };
}
