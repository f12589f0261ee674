import { sdkCostExplorer, type CostExplorerApi } from './actuals/cost-explorer-api.js';
import { Refresher } from './actuals/refresher.js';
import type { ExporterConfig } from './config/config-types.js';
import type { Logger } from './log/logger.js';
import { ExporterMetrics } from './metrics/exporter-metrics.js';
import type { LoadedPlan } from './plans/loaded-plan.js';
import { closeServer, createMetricsServer, listen } from './server/http-server.js';

export interface RunningExporter {
  readonly port: number;
  readonly metrics: ExporterMetrics;
  readonly refresher: Refresher;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: ExporterConfig;
  readonly plans: readonly LoadedPlan[];
  readonly logger: Logger;
  /** Default: the real SDK client from config.costExplorer. */
  readonly api?: CostExplorerApi;
  readonly now?: () => number;
  readonly processMetrics?: boolean;
}

/** Starts serving and refreshing; resolves once the port is bound. */
export async function startExporter(o: StartOptions): Promise<RunningExporter> {
  const api = o.api ?? sdkCostExplorer(o.config.costExplorer);
  const ce = o.config.costExplorer;
  let metrics: ExporterMetrics | undefined;
  const refresher = new Refresher({
    plans: o.plans,
    config: ce,
    api,
    logger: o.logger,
    ...(o.now ? { now: o.now } : {}),
    events: {
      onRequest: (op) => metrics?.countRequest(op),
      onError: (reason) => metrics?.countError(reason),
      onChange: () => metrics?.invalidate(),
    },
  });
  metrics = new ExporterMetrics({
    plans: o.plans,
    actualsFor: (p) => refresher.actualsFor(p),
    lastSuccessFor: (p) => refresher.lastSuccessFor(p),
    refreshIntervalMs: ce.refreshIntervalMs,
    pricePerRequestUsd: ce.pricePerRequestUsd,
    startedAt: refresher.startedAt,
    ...(o.now ? { now: o.now } : {}),
    ...(o.processMetrics !== undefined ? { processMetrics: o.processMetrics } : {}),
  });
  const server = createMetricsServer(metrics, o.logger);
  const port = await listen(server, o.config.listen.host, o.config.listen.port);
  refresher.start();
  o.logger.info('listening', {
    host: o.config.listen.host,
    port,
    plans: o.plans.map((p) => p.name),
    refreshIntervalSeconds: ce.refreshIntervalMs / 1000,
    forecastRefreshIntervalSeconds: ce.forecastRefreshIntervalMs / 1000,
    dailyRequestBudget: ce.dailyRequestBudget,
    requestsPerRound: refresher.requestsPerRound,
    requestsPerDay: refresher.requestsPerDay(),
  });
  if (refresher.requestsPerDay() > ce.dailyRequestBudget) {
    o.logger.warn('the refresh schedule needs more Cost Explorer requests than the daily budget; expect budget_exhausted errors and older data', {
      requestsPerDay: refresher.requestsPerDay(),
      dailyRequestBudget: ce.dailyRequestBudget,
      hint: 'lengthen costExplorer.refreshInterval or forecastRefreshInterval, or raise dailyRequestBudget',
    });
  }
  const m = metrics;
  return {
    port,
    metrics: m,
    refresher,
    async stop() {
      refresher.stop();
      api.destroy();
      await closeServer(server);
    },
  };
}
