// "Forecast vs actual": the plan's month-to-date spend against its forecast, and where AWS
// expects the month to end against the plan and its budget.
import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode } from '@grafana/grafana-foundation-sdk/common';
import { dashed, instantQuery, rangeQuery, stat, steps, timeseries, type Section } from './panel-kit.js';
import { PLAN, planTotal } from './plan-scope.js';

const ACTUAL = 'tier_planner_actual_month_to_date_cost_usd';
const EXPECTED = 'tier_planner_expected_month_to_date_cost_usd';
const VARIANCE = `tier_planner_spend_variance_ratio{${PLAN}}`;
const BUDGET = `tier_planner_plan_budget_usd{${PLAN}}`;
const AWS_FORECAST = `tier_planner_aws_forecast_month_end_cost_usd{${PLAN}}`;

// Colours match TierPlannerSpendOverPlan, which fires above 1.2.
const varianceSteps = () => steps('green', [1.05, 'yellow'], [1.2, 'red']);

export function forecastSection(): Section {
  const statCell = (i: number) => ({ x: i * 4, y: 0, w: 4, h: 4 });
  return {
    title: 'Forecast vs actual',
    panels: [
      {
        cell: statCell(0),
        panel: stat('Spend vs plan', 'Actual ÷ expected cost, month to date. 100% is on plan; the TierPlannerSpendOverPlan alert fires above 120%.', 'percentunit')
          .thresholds(varianceSteps())
          .withTarget(instantQuery('A', VARIANCE)),
      },
      {
        cell: statCell(1),
        panel: stat('Actual, month to date', 'What the source of actuals (Cost Explorer, a Data Export or Athena) reports for the plan this month.', 'currencyUSD').withTarget(instantQuery('A', planTotal(ACTUAL))),
      },
      {
        cell: statCell(2),
        panel: stat('Expected, month to date', "The plan's monthly cost times the hours gone this month over the plan's hours per month (730), per plan version in force.", 'currencyUSD').withTarget(instantQuery('A', planTotal(EXPECTED))),
      },
      {
        cell: statCell(3),
        panel: stat('Monthly budget', "The plan's budget (from the config; by default its forecast).", 'currencyUSD').withTarget(instantQuery('A', BUDGET)),
      },
      {
        cell: statCell(4),
        panel: stat('AWS month-end forecast', "Cost Explorer's forecast for the whole month: actual to date plus its prediction for the rest. No value with the data-export and athena sources, which have no AWS forecast.", 'currencyUSD').withTarget(
          instantQuery('A', AWS_FORECAST),
        ),
      },
      {
        cell: statCell(5),
        panel: stat('AWS forecast vs budget', "AWS's month-end forecast ÷ the plan's budget; TierPlannerAwsForecastOverBudget fires above 100%.", 'percentunit')
          .thresholds(steps('green', [0.9, 'yellow'], [1, 'red']))
          .withTarget(instantQuery('A', `${AWS_FORECAST} / ${BUDGET}`)),
      },
      {
        cell: { x: 0, y: 4, w: 12, h: 8 },
        panel: timeseries('Month to date: actual vs expected', 'Actual spend climbs with the bills; expected climbs linearly with the month.', 'currencyUSD')
          .withTarget(rangeQuery('A', planTotal(ACTUAL), 'actual'))
          .withTarget(rangeQuery('B', planTotal(EXPECTED), 'expected'))
          .overrideByName('expected', [dashed]),
      },
      {
        cell: { x: 12, y: 4, w: 12, h: 8 },
        panel: timeseries('Spend variance (actual ÷ expected)', 'Month-to-date actual ÷ expected. Not served in the first 24 h of a month (varianceMinElapsed), and noisy in the first days, when expected is still small.', 'percentunit')
          .thresholds(varianceSteps())
          .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed))
          .withTarget(rangeQuery('A', VARIANCE, 'actual ÷ expected')),
      },
      {
        cell: { x: 0, y: 12, w: 24, h: 8 },
        panel: timeseries(
          'Month end: AWS forecast band vs plan and budget',
          "Cost Explorer's month-end forecast with its prediction interval (shaded), against the plan's modelled monthly cost and its budget.",
          'currencyUSD',
        )
          .withTarget(rangeQuery('A', `tier_planner_aws_forecast_month_end_cost_lower_bound_usd{${PLAN}}`, 'AWS forecast, lower bound'))
          .withTarget(rangeQuery('B', `tier_planner_aws_forecast_month_end_cost_upper_bound_usd{${PLAN}}`, 'AWS forecast, upper bound'))
          .withTarget(rangeQuery('C', AWS_FORECAST, 'AWS forecast'))
          .withTarget(rangeQuery('D', planTotal('tier_planner_forecast_monthly_cost_usd'), 'plan forecast'))
          .withTarget(rangeQuery('E', BUDGET, 'budget'))
          // The band: the upper bound filled down to the lower one, both without lines or legend entries.
          .overrideByRegexp('^AWS forecast, (lower|upper) bound$', [
            { id: 'custom.lineWidth', value: 0 },
            { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
          ])
          .overrideByName('AWS forecast, upper bound', [
            { id: 'custom.fillBelowTo', value: 'AWS forecast, lower bound' },
            { id: 'custom.fillOpacity', value: 20 },
          ])
          .overrideByName('plan forecast', [dashed])
          .overrideByName('budget', [dashed, { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }]),
      },
    ],
  };
}
