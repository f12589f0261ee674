import { sdkCostExplorer, type CostExplorerApi } from './actuals/cost-explorer-api.js';
import { Refresher } from './actuals/refresher.js';
import type { ActualsSource } from './actuals/sources/actuals-source.js';
import { ExportRefresher } from './actuals/sources/export-refresher.js';
import { openQueryEngine, type QueryEngineFactory } from './actuals/sources/open-engine.js';
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
  /** The source of actuals of the config in use (a reload replaces it). */
  readonly refresher: ActualsSource;
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
  /** Opens the engine of the data-export and athena sources; again for each new source. Default: DuckDB over the export, or the Athena client. */
  readonly queryEngine?: QueryEngineFactory;
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
  // The Cost Explorer client exists only while Cost Explorer is the source.
  let api = config.actuals.source === 'cost-explorer' ? clientFor(config.costExplorer) : undefined;
  let metrics: ExporterMetrics | undefined;
  const state = StateFile.open(config.stateFile, o.logger);
  const history = state.history;
  const remember = (plans: readonly LoadedPlan[]) => {
    if (history.record(plans, now())) state.save();
  };
  const newSource = (c: ExporterConfig, client: CostExplorerApi | undefined, plans: readonly LoadedPlan[]): ActualsSource => {
    const common = { plans, logger: o.logger, now, ...(o.random ? { random: o.random } : {}) };
    if (c.actuals.source === 'cost-explorer') {
      return new Refresher({
        ...common,
        config: c.costExplorer,
        api: client!,
        events: {
          onRequest: (op) => metrics?.countRequest(op),
          onError: (reason) => metrics?.countError(reason),
          onChange: () => metrics?.invalidate(),
        },
      });
    }
    return new ExportRefresher({
      ...common,
      config: c.actuals,
      openEngine: o.queryEngine ?? openQueryEngine,
      events: {
        onError: (reason) => metrics?.countError(reason),
        onChange: () => metrics?.invalidate(),
        onBytesScanned: (bytes) => metrics?.countBytesScanned(bytes),
      },
    });
  };
  const viewOf = (r: ActualsSource, plans: readonly LoadedPlan[], c: ExporterConfig): PlanView => ({
    plans,
    actualsFor: (p) => r.actualsFor(p),
    lastSuccessFor: (p) => r.lastSuccessFor(p),
    expectedFor: (p, t) => {
      const periods = history.periodsOf(p.name);
      return expectedToDate(periods.length ? periods : [periodOf(p)], t);
    },
    refreshIntervalMs: r.refreshIntervalMs,
    pricePerRequestUsd: c.costExplorer.pricePerRequestUsd,
    varianceMinElapsedMs: c.varianceMinElapsedMs,
    source: r.info,
  });
  const start = (r: ActualsSource) => {
    if (o.runOnTimers !== false) r.start();
  };

  remember(o.plans);
  let refresher = newSource(config, api, o.plans);
  metrics = new ExporterMetrics({ ...viewOf(refresher, o.plans, config), startedAt: refresher.startedAt, now, ...(o.processMetrics !== undefined ? { processMetrics: o.processMetrics } : {}) });
  const server = createMetricsServer(metrics, o.logger);
  let port: number;
  try {
    port = await listen(server, config.listen.host, config.listen.port);
  } catch (e) {
    api?.destroy();
    state.close();
    throw e;
  }
  start(refresher);
  o.logger.info('listening', {
    host: config.listen.host,
    port,
    plans: o.plans.map((p) => p.name),
    ...refresher.describe(),
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
      // Everything new is built while the old source runs on: if anything throws, it carries on untouched.
      const wantsClient = nextConfig.actuals.source === 'cost-explorer';
      const newClient = wantsClient && (api === undefined || clientSettings(nextConfig.costExplorer) !== clientSettings(config.costExplorer));
      const nextApi = !wantsClient ? undefined : newClient ? clientFor(nextConfig.costExplorer) : api;
      let built: { refresher: ActualsSource; view: PlanView };
      try {
        const r = newSource(nextConfig, nextApi, plans);
        built = { refresher: r, view: viewOf(r, plans, nextConfig) };
      } catch (e) {
        if (newClient) nextApi?.destroy();
        throw e;
      }
      const previous = refresher;
      previous.stop();
      await previous.idle();
      built.refresher.takeOver(previous);
      await previous.close();
      if (api !== undefined && api !== nextApi) api.destroy();
      config = nextConfig;
      api = nextApi;
      refresher = built.refresher;
      remember(plans);
      m.setView(built.view);
      start(refresher);
      m.configLoaded(true, now());
      o.logger.info('reloaded', { plans: plans.map((p) => p.name), ...refresher.describe() });
      warnIfOverBudget(refresher, config, o.logger);
    },
    async stop() {
      refresher.stop();
      api?.destroy();
      await refresher.close();
      state.close();
      await closeServer(server);
    },
  };
}

function warnIfOverBudget(refresher: ActualsSource, config: ExporterConfig, logger: Logger): void {
  if (!(refresher instanceof Refresher) || refresher.requestsPerDay() <= config.costExplorer.dailyRequestBudget) return;
  logger.warn('the refresh schedule needs more Cost Explorer requests than the daily budget; expect budget_exhausted errors and older data', {
    requestsPerDay: refresher.requestsPerDay(),
    dailyRequestBudget: config.costExplorer.dailyRequestBudget,
    hint: 'lengthen costExplorer.refreshInterval or forecastRefreshInterval, or raise dailyRequestBudget',
  });
}
