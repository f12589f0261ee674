import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import type { ExporterConfig } from '../config/config-types.js';
import { loadConfig } from '../config/load-config.js';
import { jsonLogger, type Logger } from '../log/logger.js';
import { loadPlans } from '../plans/load-plans.js';
import { VERSION } from './version.js';

const HELP = `tier-planner-exporter ${VERSION}: a capacity plan's forecast next to what AWS billed, for Prometheus

Usage:
  tier-planner-exporter --config FILE           serve /metrics and /healthz (default port 9464)
  tier-planner-exporter --config FILE --check-config
                                                validate the config and plans, then exit
  tier-planner-exporter --help | --version

The config (YAML or JSON) lists plans, how their spend is matched (cost-allocation tag, linked
account or whole account) and the Cost Explorer schedule. Logs are JSON lines on stderr.
IAM: ce:GetCostAndUsage and ce:GetCostForecast only. Cost Explorer charges $0.01 per request;
the exporter caches and keeps under a daily request budget (default 30).

Exit status: 0 ok (and after SIGTERM/SIGINT), 1 failure, 2 bad input. Docs: docs/exporter.md
`;

export interface ExporterIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT). */
  readonly stopSignal?: Promise<string>;
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Runs the exporter; resolves with the exit status after a stop signal or on error. Never throws. */
export async function run(argv: readonly string[], io: ExporterIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { config: { type: 'string', short: 'c' }, 'check-config': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    return usage(io, (e as Error).message.split('\n')[0]!.replace(/^Unknown option/, 'unknown option').replace(/\. To specify a positional argument.*$/, ''));
  }
  if (args.help) return (io.stdout.write(HELP), EXIT.ok);
  if (args.version) return (io.stdout.write(`${VERSION}\n`), EXIT.ok);
  if (!args.config) return usage(io, '--config FILE is required (see tier-planner-exporter --help)');
  let config: ExporterConfig;
  let plans;
  try {
    config = loadConfig(args.config);
    plans = loadPlans(config);
  } catch (e) {
    if (e instanceof ConfigError) return usage(io, e.message);
    return failure(io, e);
  }
  if (args['check-config']) {
    io.stdout.write(`${args.config}: ok, ${plans.length} plan(s): ${plans.map((p) => `${p.name} (${p.match.kind === 'tag' ? `tag ${p.match.key}=${p.match.value}` : p.match.kind === 'linkedAccount' ? `account ${p.match.accountId}` : 'whole account'})`).join(', ')}\n`);
    return EXIT.ok;
  }
  const logger = jsonLogger((line) => io.stderr.write(line), config.logLevel);
  quietSdkNodeWarning(logger);
  try {
    const { startExporter } = await import('../exporter.js');
    const exporter = await startExporter({ config, plans, logger });
    const signal = await (io.stopSignal ?? new Promise<string>(() => {}));
    logger.info('stopping', { signal });
    await exporter.stop();
    logger.info('stopped', {});
    return EXIT.ok;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      logger.error('cannot listen', { host: config.listen.host, port: config.listen.port, error: code });
      io.stderr.write(`tier-planner-exporter: cannot listen on ${config.listen.host}:${config.listen.port} (${code})\n`);
      return EXIT.failure;
    }
    return failure(io, e);
  }
}

function usage(io: ExporterIo, message: string): number {
  io.stderr.write(`tier-planner-exporter: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return EXIT.usage;
}

function failure(io: ExporterIo, e: unknown): number {
  io.stderr.write(`tier-planner-exporter: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  if (io.env.TIER_PLANNER_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
  return EXIT.failure;
}

/**
 * The AWS SDK prints a multi-line warning on Node < 22, which would break the one-JSON-object-per-line
 * log. Say it once as a log line instead (unless the user set the SDK's own switch).
 */
function quietSdkNodeWarning(logger: Logger): void {
  const key = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  if (process.env[key]) return;
  process.env[key] = 'true';
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) logger.warn('the AWS SDK will need Node 22 or later in its releases after January 2027', { node: process.versions.node });
}

/** The stop signal of a real process. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}
