// "By service": which of the plan's services run over or under their share of the forecast.
import { BarGaugeDisplayMode, ReduceDataOptionsBuilder, StackingConfigBuilder, StackingMode, VizOrientation } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { instantQuery, merge, organize, PROMETHEUS, rangeQuery, steps, table, tableQuery, timeseries, type Section } from './panel-kit.js';
import { byService } from './plan-scope.js';

const ACTUAL = byService('tier_planner_actual_month_to_date_cost_usd');
const EXPECTED = byService('tier_planner_expected_month_to_date_cost_usd');
const FORECAST = byService('tier_planner_forecast_monthly_cost_usd');

/**
 * actual − expected per service. Spend the model does not expect (service "Other") has no
 * expected series and a modelled service with no bill yet has no actual one; `or 0 * …` gives each
 * side the other's services at zero so neither drops out of the subtraction.
 */
const OVER_PLAN = `(${ACTUAL} or 0 * ${EXPECTED}) - (${EXPECTED} or 0 * ${ACTUAL})`;

export function serviceSection(): Section {
  return {
    title: 'By service',
    panels: [
      {
        cell: { x: 0, y: 0, w: 12, h: 9 },
        panel: table('Month to date by service', "Actual and expected cost month to date, and the model's monthly forecast, per service.")
          .unit('currencyUSD')
          .withTarget(tableQuery('A', ACTUAL))
          .withTarget(tableQuery('B', EXPECTED))
          .withTarget(tableQuery('C', FORECAST))
          .withTransformation(merge)
          .withTransformation(organize(['Time'], { aws_service: 'service', 'Value #A': 'actual to date', 'Value #B': 'expected to date', 'Value #C': 'monthly forecast' })),
      },
      {
        cell: { x: 12, y: 0, w: 12, h: 9 },
        panel: new BarGaugePanelBuilder()
          .title('Over (+) or under (−) plan by service, month to date')
          .description('Actual minus expected cost month to date. "Other" is AWS spend the model does not map to any of its services.')
          .datasource(PROMETHEUS)
          .unit('currencyUSD')
          .displayMode(BarGaugeDisplayMode.Basic)
          .orientation(VizOrientation.Horizontal)
          .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
          .thresholds(steps('green', [0.01, 'red']))
          .withTarget(instantQuery('A', OVER_PLAN, '{{aws_service}}')),
      },
      {
        cell: { x: 0, y: 9, w: 24, h: 8 },
        panel: timeseries('Actual month to date by service', 'Actual spend month to date from the source of actuals, stacked by service.', 'currencyUSD')
          .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
          .fillOpacity(30)
          .withTarget(rangeQuery('A', ACTUAL, '{{aws_service}}')),
      },
    ],
  };
}
