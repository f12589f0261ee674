// The Grafana dashboard as code. Imports @grafana/grafana-foundation-sdk (a devDependency): only
// the generator script and tests load this; the exporter's runtime entry points never do.
export { buildTierPlannerDashboard, renderTierPlannerDashboard, tierPlannerSections, DASHBOARD_FILE, DASHBOARD_FILE_NAME, DASHBOARD_UID, PLAN_VARIABLE_QUERY } from './tier-planner-dashboard.js';
export { dashboardQueries, resolveGrafanaVariables, type DashboardQuery, type GrafanaVariableValues } from './dashboard-queries.js';
