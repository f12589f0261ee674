import { sdkCostExplorer, type CostExplorerApi } from './actuals/cost-explorer-api.js';
import { Refresher } from './actuals/refresher.js';
import type { CostExplorerConfig, ExporterConfig } from './config/config-types.js';
import type { Logger } from './log/logger.js';
import { ExporterMetrics, type PlanView } from './metrics/exporter-metrics.js';
import type { LoadedPlan } from './plans/loaded-plan.js';
import { expectedToDate, periodOf, type PlanHistory } from './plans/plan-history.js';
import { closeServer, createMetricsServer, listen } from './server/http-server.js';
import { StateFile } from './state/state-file.js';

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
  /** Builds the Cost Explorer client; again when a reload changes its settings. Default: the real SDK client. */
  readonly costExplorer?: (config: CostExplorerConfig) => CostExplorerApi;
  readonly now?: () => number;
  /** Backoff jitter; default Math.random. */
  readonly random?: () => number;
  /** false: refreshes run only when the caller calls refresher.runDue() (a test stepping a clock). */
  readonly runOnTimers?: boolean;
  readonly processMetrics?: boolean;
}

const clientSettings = (ce: CostExplorerConfig) => JSON.stringify([ce.region, ce.profile, ce.endpoint, ce.requestTimeoutMs]);

/** Starts serving and refreshing; resolves once the port is bound. */
export async function startExporter(o: StartOptions): Promise<RunningExporter> {
  const now = o.now ?? Date.now;
  const clientFor = o.costExplorer ?? sdkCostExplorer;
  let config = o.config;
  let api = clientFor(config.costExplorer);
  let metrics: ExporterMetrics | undefined;
  const state = StateFile.open(config.stateFile, o.logger);
  const history = state.history;
  const remember = (plans: readonly LoadedPlan[]) => {
    if (history.record(plans, now())) state.save();
  };
  const newRefresher = (ce: CostExplorerConfig, client: CostExplorerApi, plans: readonly LoadedPlan[]) =>
    new Refresher({
      plans,
      config: ce,
      api: client,
      logger: o.logger,
      now,
      ...(o.random ? { random: o.random } : {}),
      events: {
        onRequest: (op) => metrics?.countRequest(op),
        onError: (reason) => metrics?.countError(reason),
        onChange: () => metrics?.invalidate(),
      },
    });
  const viewOf = (r: Refresher, plans: readonly LoadedPlan[], c: ExporterConfig): PlanView => ({
    plans,
    actualsFor: (p) => r.actualsFor(p),
    lastSuccessFor: (p) => r.lastSuccessFor(p),
    expectedFor: (p, t) => {
      const periods = history.periodsOf(p.name);
      return expectedToDate(periods.length ? periods : [periodOf(p)], t);
    },
    refreshIntervalMs: c.costExplorer.refreshIntervalMs,
    pricePerRequestUsd: c.costExplorer.pricePerRequestUsd,
    varianceMinElapsedMs: c.varianceMinElapsedMs,
  });
  const start = (r: Refresher) => {
    if (o.runOnTimers !== false) r.start();
  };

  remember(o.plans);
  let refresher = newRefresher(config.costExplorer, api, o.plans);
  metrics = new ExporterMetrics({ ...viewOf(refresher, o.plans, config), startedAt: refresher.startedAt, now, ...(o.processMetrics !== undefined ? { processMetrics: o.processMetrics } : {}) });
  const server = createMetricsServer(metrics, o.logger);
  let port: number;
  try {
    port = await listen(server, config.listen.host, config.listen.port);
  } catch (e) {
    api.destroy();
    state.close();
    throw e;
  }
  start(refresher);
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
      if (next.stateFile !== config.stateFile) o.logger.warn('stateFile changes need a restart; still using the one it started with', { stateFile: config.stateFile, wanted: next.stateFile });
      const nextConfig: ExporterConfig = { ...next, listen: config.listen, stateFile: config.stateFile };
      // Everything new is built while the old refresher runs on: if anything throws, it carries on untouched.
      const newClient = clientSettings(nextConfig.costExplorer) !== clientSettings(config.costExplorer);
      const nextApi = newClient ? clientFor(nextConfig.costExplorer) : api;
      let built: { refresher: Refresher; view: PlanView };
      try {
        const r = newRefresher(nextConfig.costExplorer, nextApi, plans);
        built = { refresher: r, view: viewOf(r, plans, nextConfig) };
      } catch (e) {
        if (newClient) nextApi.destroy();
        throw e;
      }
      const previous = refresher;
      previous.stop();
      await previous.idle();
      built.refresher.takeOver(previous);
      if (newClient) api.destroy();
      config = nextConfig;
      api = nextApi;
      refresher = built.refresher;
      remember(plans);
      m.setView(built.view);
      start(refresher);
      m.configLoaded(true, now());
      o.logger.info('reloaded', { plans: plans.map((p) => p.name), requestsPerDay: refresher.requestsPerDay(), dailyRequestBudget: config.costExplorer.dailyRequestBudget });
      warnIfOverBudget(refresher, config, o.logger);
    },
    async stop() {
      refresher.stop();
      api.destroy();
      state.close();
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
