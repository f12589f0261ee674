// "Cost of reading actuals": what the exporter itself costs. Every Cost Explorer request is billed
// (USD 0.01 each at the time of writing), and Athena bills the bytes a query scans, so a short
// refresh interval has a price. A Data Export read by DuckDB costs no request.
import { instantQuery, rangeQuery, stat, timeseries, type Section } from './panel-kit.js';
import { onExportersServingPlan } from './plan-scope.js';

const REQUESTS = 'tier_planner_cost_explorer_requests_total';

export function apiSection(): Section {
  return {
    title: 'Cost of reading actuals',
    panels: [
      {
        cell: { x: 0, y: 0, w: 6, h: 7 },
        panel: stat('API spend since exporter start', 'Implied Cost Explorer API charges (requests × price per request) since the exporter serving this plan started.', 'currencyUSD')
          .decimals(2)
          .withTarget(instantQuery('A', `sum(${onExportersServingPlan('tier_planner_cost_explorer_api_spend_usd_total')})`)),
      },
      {
        cell: { x: 6, y: 0, w: 6, h: 7 },
        panel: stat('Requests in time range', 'Cost Explorer requests made in the dashboard time range, by operation.', 'short')
          .decimals(0)
          .withTarget(instantQuery('A', `sum by (operation) (${onExportersServingPlan(`increase(${REQUESTS}[$__range])`)})`, '{{operation}}')),
      },
      {
        cell: { x: 12, y: 0, w: 8, h: 7 },
        panel: timeseries('Requests per hour', 'Cost Explorer request rate by operation, scaled to an hour (refreshes are minutes to hours apart).', 'short')
          .axisLabel('requests / hour')
          .withTarget(rangeQuery('A', `sum by (operation) (${onExportersServingPlan(`rate(${REQUESTS}[$__rate_interval])`)}) * 3600`, '{{operation}}')),
      },
      {
        cell: { x: 20, y: 0, w: 4, h: 7 },
        panel: stat('Athena bytes scanned', 'Bytes Athena scanned for the exporter\'s queries in the dashboard time range (Athena bills per byte scanned; see docs/athena.md). 0 with the cost-explorer and data-export sources.', 'bytes')
          .withTarget(instantQuery('A', `sum(${onExportersServingPlan('increase(tier_planner_athena_bytes_scanned_total[$__range])')})`)),
      },
    ],
  };
}
