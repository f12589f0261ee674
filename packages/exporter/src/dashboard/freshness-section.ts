// "Data freshness": whether the numbers above are current, and why not.
import { GraphDrawStyle } from '@grafana/grafana-foundation-sdk/common';
import { MappingType } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashed, instantQuery, rangeQuery, stat, steps, timeseries, type Section } from './panel-kit.js';
import { onExportersServingPlan, PLAN } from './plan-scope.js';

export function freshnessSection(): Section {
  return {
    title: 'Data freshness',
    panels: [
      {
        cell: { x: 0, y: 0, w: 12, h: 7 },
        panel: timeseries(
          'Data age vs stale threshold',
          'Time since the last successful Cost Explorer refresh for the plan. TierPlannerCostDataStale fires when it passes twice the refresh interval.',
          's',
        )
          .withTarget(rangeQuery('A', `tier_planner_data_staleness_seconds{${PLAN}}`, 'data age'))
          .withTarget(rangeQuery('B', onExportersServingPlan('2 * tier_planner_refresh_interval_seconds'), 'stale threshold (2 × refresh interval)'))
          .overrideByName('stale threshold (2 × refresh interval)', [dashed, { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }]),
      },
      {
        cell: { x: 12, y: 0, w: 4, h: 7 },
        panel: stat('Last successful refresh', 'When Cost Explorer actuals for the plan last refreshed.', 'dateTimeFromNow')
          .noValue('never')
          .withTarget(instantQuery('A', `tier_planner_refresh_last_success_timestamp_seconds{${PLAN}} * 1000`)),
      },
      {
        cell: { x: 16, y: 0, w: 4, h: 7 },
        panel: stat('Latest refresh', 'Whether the latest Cost Explorer refresh for the plan failed (TierPlannerRefreshFailing).', 'none')
          .mappings([
            {
              type: MappingType.ValueToText,
              options: { '0': { text: 'OK', color: 'green', index: 0 }, '1': { text: 'Failing', color: 'red', index: 1 } },
            },
          ])
          .withTarget(instantQuery('A', `tier_planner_refresh_failing{${PLAN}}`)),
      },
      {
        cell: { x: 20, y: 0, w: 4, h: 7 },
        panel: stat('Exporter up', 'Whether Prometheus can scrape the exporter that serves this plan (any that served it in the time range).', 'none')
          .thresholds(steps('red', [1, 'green']))
          .mappings([{ type: MappingType.ValueToText, options: { '0': { text: 'Down', index: 0 }, '1': { text: 'Up', index: 1 } } }])
          .withTarget(instantQuery('A', onExportersServingPlan('up', '$__range'), '{{instance}}')),
      },
      {
        cell: { x: 0, y: 7, w: 24, h: 7 },
        panel: timeseries(
          'Refresh errors by reason',
          'Failed Cost Explorer refreshes of the exporter(s) serving this plan, per interval: throttled, no_credentials, access_denied, network, invalid_response, budget_exhausted, other.',
          'short',
        )
          .drawStyle(GraphDrawStyle.Bars)
          .fillOpacity(80)
          .withTarget(rangeQuery('A', `sum by (reason) (${onExportersServingPlan('increase(tier_planner_refresh_errors_total[$__rate_interval])')})`, '{{reason}}')),
      },
    ],
  };
}
