// "Cost Explorer API": what the exporter itself costs. Every Cost Explorer request is billed
// (USD 0.01 each at the time of writing), so a short refresh interval has a price.
import { instantQuery, rangeQuery, stat, timeseries, type Section } from './panel-kit.js';
import { onExportersServingPlan } from './plan-scope.js';

const REQUESTS = 'tier_planner_cost_explorer_requests_total';

export function apiSection(): Section {
  return {
    title: 'Cost Explorer API',
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
        cell: { x: 12, y: 0, w: 12, h: 7 },
        panel: timeseries('Requests per hour', 'Cost Explorer request rate by operation, scaled to an hour (refreshes are minutes to hours apart).', 'short')
          .axisLabel('requests / hour')
          .withTarget(rangeQuery('A', `sum by (operation) (${onExportersServingPlan(`rate(${REQUESTS}[$__rate_interval])`)}) * 3600`, '{{operation}}')),
      },
    ],
  };
}
