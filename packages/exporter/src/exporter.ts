import { sdkCostExplorer, type CostExplorerApi } from './actuals/cost-explorer-api.js';
import { Refresher } from './actuals/refresher.js';
import type { CostExplorerConfig, ExporterConfig } from './config/config-types.js';
import type { Logger } from './log/logger.js';
import { ExporterMetrics, type PlanView } from './metrics/exporter-metrics.js';
import type { LoadedPlan } from './plans/loaded-plan.js';
import { expectedToDate, periodOf, type PlanHistory } from './plans/plan-history.js';
import { closeServer, createMetricsServer, listen } from './server/http-server.js';
import { readState, writeState } from './state/state-file.js';

export interface RunningExporter {
  readonly port: number;
  readonly metrics: ExporterMetrics;
  /** The refresher of the config in use (a reload replaces it). */
  readonly refresher: Refresher;
  readonly history: PlanHistory;
  /** Switches to a new, already validated config and plans; the listen address stays. */
  reload(config: ExporterConfig, plans: readonly LoadedPlan[]): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: ExporterConfig;
  readonly plans: readonly LoadedPlan[];
  readonly logger: Logger;
  /** Default: the real SDK client from config.costExplorer (rebuilt when a reload changes it). */
  readonly api?: CostExplorerApi;
  readonly now?: () => number;
  readonly processMetrics?: boolean;
}

const clientSettings = (ce: CostExplorerConfig) => JSON.stringify([ce.region, ce.profile, ce.endpoint, ce.requestTimeoutMs]);

/** Starts serving and refreshing; resolves once the port is bound. */
export async function startExporter(o: StartOptions): Promise<RunningExporter> {
  const now = o.now ?? Date.now;
  let config = o.config;
  let api = o.api ?? sdkCostExplorer(config.costExplorer);
  let metrics: ExporterMetrics | undefined;
  const history = readState(config.stateFile, o.logger);
  const remember = (plans: readonly LoadedPlan[]) => {
    if (history.record(plans, now())) writeState(config.stateFile, history, o.logger);
  };
  const newRefresher = (plans: readonly LoadedPlan[], previous?: Refresher) =>
    new Refresher({
      plans,
      config: config.costExplorer,
      api,
      logger: o.logger,
      now,
      ...(previous ? { previous } : {}),
      events: {
        onRequest: (op) => metrics?.countRequest(op),
        onError: (reason) => metrics?.countError(reason),
        onChange: () => metrics?.invalidate(),
      },
    });
  const viewOf = (r: Refresher, plans: readonly LoadedPlan[]): PlanView => ({
    plans,
    actualsFor: (p) => r.actualsFor(p),
    lastSuccessFor: (p) => r.lastSuccessFor(p),
    expectedFor: (p, t) => {
      const periods = history.periodsOf(p.name);
      return expectedToDate(periods.length ? periods : [periodOf(p)], t);
    },
    refreshIntervalMs: config.costExplorer.refreshIntervalMs,
    pricePerRequestUsd: config.costExplorer.pricePerRequestUsd,
    varianceMinElapsedMs: config.varianceMinElapsedMs,
  });

  remember(o.plans);
  let refresher = newRefresher(o.plans);
  metrics = new ExporterMetrics({ ...viewOf(refresher, o.plans), startedAt: refresher.startedAt, now, ...(o.processMetrics !== undefined ? { processMetrics: o.processMetrics } : {}) });
  const server = createMetricsServer(metrics, o.logger);
  const port = await listen(server, config.listen.host, config.listen.port);
  refresher.start();
  o.logger.info('listening', {
    host: config.listen.host,
    port,
    plans: o.plans.map((p) => p.name),
    refreshIntervalSeconds: config.costExplorer.refreshIntervalMs / 1000,
    forecastRefreshIntervalSeconds: config.costExplorer.forecastRefreshIntervalMs / 1000,
    dailyRequestBudget: config.costExplorer.dailyRequestBudget,
    requestsPerRound: refresher.requestsPerRound,
    requestsPerDay: refresher.requestsPerDay(),
    stateFile: config.stateFile,
  });
  warnIfOverBudget(refresher, config, o.logger);

  const m = metrics;
  return {
    port,
    metrics: m,
    history,
    get refresher() {
      return refresher;
    },
    async reload(next, plans) {
      if (next.listen.host !== config.listen.host || next.listen.port !== config.listen.port) {
        o.logger.warn('listen changes need a restart; still listening where it was', { host: config.listen.host, port, wanted: next.listen });
      }
      const previous = refresher;
      previous.stop();
      await previous.idle();
      const oldApi = api;
      const newClient = !o.api && clientSettings(next.costExplorer) !== clientSettings(config.costExplorer);
      config = { ...next, listen: config.listen };
      if (newClient) api = sdkCostExplorer(config.costExplorer);
      remember(plans);
      refresher = newRefresher(plans, previous);
      m.setView(viewOf(refresher, plans));
      if (newClient) oldApi.destroy();
      refresher.start();
      m.configLoaded(true, now());
      o.logger.info('reloaded', { plans: plans.map((p) => p.name), requestsPerDay: refresher.requestsPerDay(), dailyRequestBudget: config.costExplorer.dailyRequestBudget });
      warnIfOverBudget(refresher, config, o.logger);
    },
    async stop() {
      refresher.stop();
      api.destroy();
      await closeServer(server);
    },
  };
}

function warnIfOverBudget(refresher: Refresher, config: ExporterConfig, logger: Logger): void {
  if (refresher.requestsPerDay() <= config.costExplorer.dailyRequestBudget) return;
  logger.warn('the refresh schedule needs more Cost Explorer requests than the daily budget; expect budget_exhausted errors and older data', {
    requestsPerDay: refresher.requestsPerDay(),
    dailyRequestBudget: config.costExplorer.dailyRequestBudget,
    hint: 'lengthen costExplorer.refreshInterval or forecastRefreshInterval, or raise dailyRequestBudget',
  });
}
