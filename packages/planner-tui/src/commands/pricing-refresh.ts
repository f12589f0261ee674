import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { userSnapshotDir } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseRegion, usageErrors } from '../cli/parse-args.js';
import { parseDurationFlag } from '../cli/parse-duration.js';
import { parseNumber } from '../cli/parse-numbers.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { printable, quoted } from '../render/printable.js';

export const PRICING_REFRESH_HELP = `Usage: tier-planner pricing refresh --region R [--source bulk|api] [--format json|csv] [--out DIR]
         [--endpoint URL] [--request-timeout 30s] [--deadline D] [--max-attempts 5]
         [--savings-plans on|off] [--bulk-endpoint URL] [--spot on|off] [--ec2-endpoint URL]

Fetches region R's prices and writes its snapshot atomically to DIR (default:
$TIER_PLANNER_PRICING_DIR or ~/.local/share/tier-planner/pricing).
  --source api    the AWS Price List API (default AWS credential chain; IAM: pricing:GetProducts,
                  pricing:DescribeServices, pricing:GetAttributeValues)
  --source bulk   AWS's public price list files over plain HTTPS, no account needed; --format
                  picks the JSON (default) or CSV offer files
Without --source: api when AWS credentials are found (environment, shared config or credentials
file), else bulk; the choice is printed. --endpoint replaces the API endpoint or the bulk host.
--savings-plans on (the default) reads the region's public Savings Plans offer files (with --source
api from --bulk-endpoint, default AWS's public host). --spot on (the default) also reads the last 7
days of Linux/UNIX Spot prices per zone with ec2:DescribeSpotPriceHistory (through --ec2-endpoint
when given); without credentials for it, Spot stays unpriced and the snapshot says why.
A request without an answer (bulk: without a byte) within --request-timeout is retried or resumed
(up to --max-attempts); the whole refresh gives up after --deadline (default 10m for the API, 60m
for the bulk files or when Savings Plans files are read). A failed refresh leaves the
previous snapshot untouched. See docs/pricing-refresh.md.
`;

const OPTIONS = {
  region: { type: 'string' },
  source: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  endpoint: { type: 'string' },
  'request-timeout': { type: 'string' },
  deadline: { type: 'string' },
  'max-attempts': { type: 'string' },
  spot: { type: 'string' },
  'ec2-endpoint': { type: 'string' },
  'savings-plans': { type: 'string' },
  'bulk-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tier-planner pricing refresh --region R [--source bulk|api] [--format json|csv] [--out DIR] [limits]`:
 * fetches the region from the AWS Price List API or its public bulk files and writes its snapshot
 * atomically. Progress goes to stderr.
 */
export async function pricingRefresh(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: OPTIONS }));
  if (values.help) {
    io.stdout.write(PRICING_REFRESH_HELP);
    return EXIT.ok;
  }
  for (const flag of ['out', 'endpoint', 'ec2-endpoint', 'bulk-endpoint'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} needs a value (an empty one is not taken as the default)`);
  }
  if (values.endpoint !== undefined) checkEndpoint(values.endpoint, '--endpoint');
  if (values['ec2-endpoint'] !== undefined) checkEndpoint(values['ec2-endpoint'], '--ec2-endpoint');
  if (values['bulk-endpoint'] !== undefined) checkEndpoint(values['bulk-endpoint'], '--bulk-endpoint');
  const savingsPlansOn = parseChoice('--savings-plans', values['savings-plans'], ['on', 'off'] as const) !== 'off';
  if (values.spot !== undefined && values.spot !== 'on' && values.spot !== 'off') throw new UsageError(`--spot must be on or off, got ${quoted(values.spot)}`);
  const spotOn = values.spot !== 'off';
  const region = parseRegion(values.region);
  if (!region) throw new UsageError('--region is required (for example --region eu-west-1)');
  const source = parseChoice('--source', values.source, ['bulk', 'api'] as const);
  const format = parseChoice('--format', values.format, ['json', 'csv'] as const);
  if (format !== undefined && source === 'api') throw new UsageError('--format applies to --source bulk only (the API answers in JSON)');
  const limits = {
    ...(values['request-timeout'] !== undefined ? { requestTimeoutMs: parseDurationFlag('--request-timeout', values['request-timeout']) } : {}),
    ...(values.deadline !== undefined ? { deadlineMs: parseDurationFlag('--deadline', values.deadline) } : {}),
    ...(values['max-attempts'] !== undefined ? { maxAttempts: parseNumber('--max-attempts', values['max-attempts'], 1, 20, true) } : {}),
  };
  const { refreshPriceSnapshot, RefreshError, describeSpotPriceHistoryStep, chooseRefreshSource } = await import('@tier-planner/aws-pricing');
  const outDir = values.out ?? userSnapshotDir(io.env);
  // --format alone means the bulk files: only they come as CSV.
  const picked = source
    ? { source, reason: `--source ${source}` }
    : format !== undefined
      ? { source: 'bulk' as const, reason: `--format ${format}` }
      : chooseRefreshSource(io.env, io.env.HOME || homedir());
  io.stderr.write(
    `  source: ${picked.source === 'bulk' ? 'AWS Price List Bulk API (public offer files, no account)' : 'AWS Price List API (GetProducts)'}: ${printable(picked.reason, Infinity)}\n`,
  );
  let pages = 0;
  try {
    const { path, report } = await refreshPriceSnapshot({
      region,
      outDir,
      source: picked.source,
      progressEveryBytes: 8 << 20,
      ...(picked.source === 'bulk'
        ? { format: format ?? 'json', ...(values.endpoint ? { baseUrl: values.endpoint } : {}) }
        : { ...(values.endpoint ? { endpoint: values.endpoint } : {}), ...(values['bulk-endpoint'] ? { baseUrl: values['bulk-endpoint'] } : {}) }),
      savingsPlans: savingsPlansOn ? 'bulk' : 'off',
      ...limits,
      ...(spotOn ? { spot: describeSpotPriceHistoryStep(values['ec2-endpoint'] ? { endpoint: values['ec2-endpoint'] } : {}) } : {}),
      onProgress: (e) => {
        if (e.kind === 'download') {
          io.stderr.write(`  ${e.file}: ${downloadLine(e)}\n`);
        } else if (e.kind === 'page') {
          pages += 1;
          io.stderr.write(`  ${e.service}: page ${e.page}, ${e.itemsSoFar} products (${pages} requests)\n`);
        } else if (e.kind === 'retry') {
          io.stderr.write(`  ${e.service}: ${e.reason}, retry ${e.attempt} in ${e.delayMs} ms\n`);
        } else if (e.kind === 'writing') {
          io.stderr.write(`  writing ${printable(e.path, Infinity)}\n`);
        }
      },
    });
    // The path is the --out folder as typed: escaped, and whole, since it says where to look.
    const files = report.files ? `${report.files.length} files (${mb(report.files.reduce((n, f) => n + f.bytes, 0))}), ` : '';
    io.stdout.write(
      `wrote ${printable(path, Infinity)}: ${report.instanceTypes} EC2 instance types (${report.reservedInstanceTypes} with RI terms, ` +
        `${report.savingsPlanInstanceTypes} with Savings Plans rates, ${report.spotInstanceTypes} with Spot history), ${report.prices} prices, ` +
        `${files}${report.requests} requests, ${report.retries} retries; ${report.missing.length} dimensions missing (see tier-planner pricing info --region ${region})\n`,
    );
    // The SDK's own nine-line warning is kept quiet (createPricingClient); one line says what it meant.
    if (picked.source === 'api' && Number(process.versions.node.split('.')[0]) < 22) {
      io.stderr.write(`note: AWS SDK releases after the first week of January 2027 need Node 22 or later; the one installed works on Node ${process.versions.node}\n`);
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof RefreshError) {
      // The message may quote what a server or a flag said: escaped, so it cannot drive the terminal.
      const message = e.message.split('\n')[0]!;
      const unchanged = message.includes('snapshot is unchanged') ? '' : '; the previous snapshot is unchanged';
      io.stderr.write(`tier-planner: pricing refresh failed (${e.code}): ${printable(message, Infinity)}${unchanged}\n`);
      return e.code === 'INVALID_REGION' ? EXIT.usage : EXIT.failure;
    }
    throw e;
  }
}

function parseChoice<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${flag} must be ${allowed.join(' or ')}, got ${quoted(text)}`);
}

const mb = (bytes: number): string => `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/** "12.3 of 45.6 MB, 12,345 rows, about 1 min 5 s left". */
function downloadLine(e: { bytes: number; totalBytes?: number; rows: number; etaMs?: number }): string {
  const size = e.totalBytes !== undefined ? `${mb(e.bytes).replace(' MB', '')} of ${mb(e.totalBytes)}` : mb(e.bytes);
  const eta = e.etaMs === undefined ? '' : e.etaMs === 0 ? ', done' : `, about ${duration(e.etaMs)} left`;
  return `${size}, ${e.rows.toLocaleString('en-US')} rows${eta}`;
}

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function checkEndpoint(text: string, flag: string): void {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${flag} must be an http:// or https:// URL, got ${quoted(text)}`);
  }
}

