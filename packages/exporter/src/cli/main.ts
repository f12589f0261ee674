import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import type { ExporterConfig } from '../config/config-types.js';
import { loadConfig } from '../config/load-config.js';
import { jsonLogger, type Logger } from '../log/logger.js';
import { loadPlans } from '../plans/load-plans.js';
import type { RunningExporter } from '../exporter.js';
import { VERSION } from './version.js';

const HELP = `tier-planner-exporter ${VERSION}: a capacity plan's forecast next to what AWS billed, for Prometheus

Usage:
  tier-planner-exporter --config FILE           serve /metrics and /healthz (default port 9464)
  tier-planner-exporter --config FILE --check-config
                                                validate the config and plans, then exit
  tier-planner-exporter --help | --version

The config (YAML or JSON) lists plans, how their spend is matched (cost-allocation tag, linked
account or whole account) and where actuals come from: Cost Explorer (default), an AWS Data
Export (CUR 2.0 or FOCUS parquet, read with DuckDB) or its Athena table. Logs are JSON lines on
stderr. Cost Explorer: IAM ce:GetCostAndUsage and ce:GetCostForecast only; it charges $0.01 per
request, and the exporter caches and keeps under a daily request budget (default 30).

SIGHUP reloads the config and plans (a bad one is logged and the old one kept).
Exit status: 0 ok (and after SIGTERM/SIGINT), 1 failure, 2 bad input. Docs: docs/exporter.md
`;

export interface ExporterIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT). */
  readonly stopSignal?: Promise<string>;
  /** Registers what to do when asked to reload the config (SIGHUP). */
  readonly onReload?: (reload: () => void) => void;
  /** The clock (tests start the exporter at a chosen instant); default Date.now. */
  readonly now?: () => number;
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
  const now = io.now ?? Date.now;
  const logger = jsonLogger((line) => io.stderr.write(line), config.logLevel, now);
  quietSdkNodeWarning(logger);
  try {
    const { startExporter } = await import('../exporter.js');
    const exporter = await startExporter({ config, plans, logger, now });
    io.onReload?.(serialised(() => reload(args.config!, exporter, logger, now)));
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

/**
 * Reads the config and plans again and switches to them. Anything wrong keeps the config in use:
 * the reason is logged and tier_planner_config_last_reload_successful reads 0 until a reload works.
 */
async function reload(file: string, exporter: RunningExporter, logger: Logger, now: () => number): Promise<void> {
  logger.info('reloading', { config: file });
  try {
    const config = loadConfig(file);
    await exporter.reload(config, loadPlans(config));
  } catch (e) {
    // A config or plan that does not load changes nothing: the config in use stays.
    exporter.metrics.configLoaded(false, now());
    logger.error('reload failed; keeping the config in use', { config: file, error: (e instanceof Error ? e.message : String(e)).split('\n')[0] });
  }
}

/** One reload at a time; a signal during one runs another after it (the file may have changed again). */
function serialised(task: () => Promise<void>): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  const go = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = task().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        go();
      }
    });
  };
  return go;
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
  if (major < 22) logger.warn('AWS SDK releases after the first week of January 2027 need Node 22 or later', { node: process.versions.node });
}

/** The stop signal of a real process. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

/**
 * SIGHUP of a real process. Listening at once replaces the default action (exit); a SIGHUP before
 * the exporter serves is remembered and runs the reload as soon as there is one.
 */
export function processReloadSignal(): (reload: () => void) => void {
  let handler: (() => void) | undefined;
  let pending = false;
  process.on('SIGHUP', () => (handler ? handler() : (pending = true)));
  return (reload) => {
    handler = reload;
    if (pending) reload();
  };
}
