// "Data freshness": whether the numbers above are current, and why not.
import { GraphDrawStyle } from '@grafana/grafana-foundation-sdk/common';
import { MappingType } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashed, instantQuery, organize, rangeQuery, stat, steps, table, tableQuery, timeseries, type Section } from './panel-kit.js';
import { onExportersServingPlan, PLAN } from './plan-scope.js';

export function freshnessSection(): Section {
  return {
    title: 'Data freshness',
    panels: [
      {
        cell: { x: 0, y: 0, w: 12, h: 7 },
        panel: timeseries(
          'Data age vs stale threshold',
          'Time since actuals for the plan last refreshed (from Cost Explorer, a Data Export or Athena: see Source of actuals). TierPlannerCostDataStale fires when it passes twice the refresh interval.',
          's',
        )
          .withTarget(rangeQuery('A', `tier_planner_data_staleness_seconds{${PLAN}}`, 'data age'))
          .withTarget(rangeQuery('B', onExportersServingPlan('2 * tier_planner_refresh_interval_seconds'), 'stale threshold (2 × refresh interval)'))
          .overrideByName('stale threshold (2 × refresh interval)', [dashed, { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }]),
      },
      {
        cell: { x: 12, y: 0, w: 4, h: 7 },
        panel: stat('Last successful refresh', 'When actuals for the plan last refreshed.', 'dateTimeFromNow')
          .noValue('never')
          .withTarget(instantQuery('A', `tier_planner_refresh_last_success_timestamp_seconds{${PLAN}} * 1000`)),
      },
      {
        cell: { x: 16, y: 0, w: 4, h: 7 },
        panel: stat('Latest refresh', 'Whether the latest refresh of actuals for the plan failed (TierPlannerRefreshFailing).', 'none')
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
        cell: { x: 0, y: 7, w: 16, h: 7 },
        panel: timeseries(
          'Refresh errors by reason',
          'Failed refreshes of actuals of the exporter(s) serving this plan, per interval. Cost Explorer: throttled, no_credentials, access_denied, network, invalid_response, budget_exhausted. Data Export and Athena: query_failed, timeout, no_data, bad_input. Any: other.',
          'short',
        )
          .drawStyle(GraphDrawStyle.Bars)
          .fillOpacity(80)
          .withTarget(rangeQuery('A', `sum by (reason) (${onExportersServingPlan('increase(tier_planner_refresh_errors_total[$__rate_interval])')})`, '{{reason}}')),
      },
      {
        cell: { x: 16, y: 7, w: 8, h: 7 },
        panel: table(
          'Source of actuals',
          'Where the exporter serving this plan reads actual spend: cost-explorer (unblended, with an AWS forecast), data-export (CUR 2.0 or FOCUS parquet read by DuckDB) or athena; and the cost basis (amortized spreads Savings Plans and RIs at their effective rates, as the plan prices them).',
        )
          .withTarget(tableQuery('A', onExportersServingPlan('tier_planner_actuals_source_info')))
          .withTransformation(organize(['Time', 'Value', '__name__'])),
      },
    ],
  };
}
