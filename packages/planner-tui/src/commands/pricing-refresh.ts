import { parseArgs } from 'node:util';
import { userSnapshotDir } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseRegion, usageErrors } from '../cli/parse-args.js';
import { parseDurationFlag } from '../cli/parse-duration.js';
import { parseNumber } from '../cli/parse-numbers.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { printable, quoted } from '../render/printable.js';

export const PRICING_REFRESH_HELP = `Usage: tier-planner pricing refresh --region R [--out DIR] [--endpoint URL]
         [--request-timeout 30s] [--deadline 10m] [--max-attempts 5] [--spot on|off] [--ec2-endpoint URL]

Fetches region R from the AWS Price List API (default AWS credential chain; IAM: pricing:GetProducts,
pricing:DescribeServices, pricing:GetAttributeValues) and writes its snapshot atomically to DIR
(default: $TIER_PLANNER_PRICING_DIR or ~/.local/share/tier-planner/pricing). A request without a
complete answer within --request-timeout is retried (up to --max-attempts, also when throttled or
on HTTP 5xx); the whole refresh gives up after --deadline. A failed refresh leaves the previous
snapshot untouched. --spot on (the default) also reads the last 7 days of Linux/UNIX Spot prices per
zone with ec2:DescribeSpotPriceHistory (through --ec2-endpoint when given); when the credentials
cannot, Spot stays unpriced and the snapshot says why. See docs/pricing-refresh.md.
`;

const OPTIONS = {
  region: { type: 'string' },
  out: { type: 'string' },
  endpoint: { type: 'string' },
  'request-timeout': { type: 'string' },
  deadline: { type: 'string' },
  'max-attempts': { type: 'string' },
  spot: { type: 'string' },
  'ec2-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tier-planner pricing refresh --region R [--out DIR] [limits]`: fetches the region from the AWS Price
 * List API (default credential chain) and writes its snapshot atomically. Progress goes to stderr.
 */
export async function pricingRefresh(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: OPTIONS }));
  if (values.help) {
    io.stdout.write(PRICING_REFRESH_HELP);
    return EXIT.ok;
  }
  for (const flag of ['out', 'endpoint', 'ec2-endpoint'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} needs a value (an empty one is not taken as the default)`);
  }
  if (values.endpoint !== undefined) checkEndpoint(values.endpoint, '--endpoint');
  if (values['ec2-endpoint'] !== undefined) checkEndpoint(values['ec2-endpoint'], '--ec2-endpoint');
  if (values.spot !== undefined && values.spot !== 'on' && values.spot !== 'off') throw new UsageError(`--spot must be on or off, got ${quoted(values.spot)}`);
  const spotOn = values.spot !== 'off';
  const region = parseRegion(values.region);
  if (!region) throw new UsageError('--region is required (for example --region eu-west-1)');
  const limits = {
    ...(values['request-timeout'] !== undefined ? { requestTimeoutMs: parseDurationFlag('--request-timeout', values['request-timeout']) } : {}),
    ...(values.deadline !== undefined ? { deadlineMs: parseDurationFlag('--deadline', values.deadline) } : {}),
    ...(values['max-attempts'] !== undefined ? { maxAttempts: parseNumber('--max-attempts', values['max-attempts'], 1, 20, true) } : {}),
  };
  const { refreshPriceSnapshot, RefreshError, describeSpotPriceHistoryStep } = await import('@tier-planner/aws-pricing');
  const outDir = values.out ?? userSnapshotDir(io.env);
  let pages = 0;
  try {
    const { path, report } = await refreshPriceSnapshot({
      region,
      outDir,
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      ...limits,
      ...(spotOn ? { spot: describeSpotPriceHistoryStep(values['ec2-endpoint'] ? { endpoint: values['ec2-endpoint'] } : {}) } : {}),
      onProgress: (e) => {
        if (e.kind === 'page') {
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
    io.stdout.write(
      `wrote ${printable(path, Infinity)}: ${report.instanceTypes} EC2 instance types (${report.reservedInstanceTypes} with RI terms, ` +
        `${report.savingsPlanInstanceTypes} with Savings Plans rates, ${report.spotInstanceTypes} with Spot history), ${report.prices} prices, ` +
        `${report.requests} requests, ${report.retries} retries; ${report.missing.length} dimensions missing (see tier-planner pricing info --region ${region})\n`,
    );
    // The SDK's own nine-line warning is kept quiet (createPricingClient); one line says what it meant.
    if (Number(process.versions.node.split('.')[0]) < 22) {
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

