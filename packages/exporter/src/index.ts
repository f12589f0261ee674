// Public entry of @tier-planner/exporter.
export { run, EXIT, processStopSignal, processReloadSignal, type ExporterIo } from './cli/main.js';
export { startExporter, type RunningExporter, type StartOptions } from './exporter.js';
export { loadConfig, parseDocument } from './config/load-config.js';
export { validateConfig, DEFAULTS, defaultStateFile } from './config/validate-config.js';
export { ConfigError } from './config/config-error.js';
export type { ExporterConfig, CostExplorerConfig, PlanConfig, PlanSource, SpendMatch } from './config/config-types.js';
export { parseDuration, formatDuration } from './config/duration.js';
export { loadPlans } from './plans/load-plans.js';
export type { LoadedPlan } from './plans/loaded-plan.js';
export { PlanHistory, expectedToDate, type PlanPeriod } from './plans/plan-history.js';
export { StateFile } from './state/state-file.js';
export { modelService, ec2OtherService, knownAwsServices, OTHER, EC2_OTHER } from './actuals/service-map.js';
export { RequestBudget } from './actuals/request-budget.js';
export { Refresher, type PlanActuals } from './actuals/refresher.js';
export { sdkCostExplorer, type CostExplorerApi } from './actuals/cost-explorer-api.js';
export { REFRESH_ERROR_REASONS, type RefreshErrorReason } from './actuals/refresh-error.js';
export { ExporterMetrics, type PlanView } from './metrics/exporter-metrics.js';
export { jsonLogger, type Logger } from './log/logger.js';
