// Small helpers over the Grafana Foundation SDK so the section files read as "what", not "how".
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  BigValueGraphMode,
  type DataSourceRef,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  SortOrder,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { ThresholdsConfigBuilder, ThresholdsMode, type DataTransformerConfig, type Panel, type Threshold } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** Every panel and query reads from the dashboard's `datasource` variable. */
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/** Position inside a section: `y` counts from the line under the section's row header. */
export interface Cell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A range query drawn over time. */
export function rangeQuery(refId: string, expr: string, legend: string): DataqueryBuilder {
  return new DataqueryBuilder().datasource(PROMETHEUS).refId(refId).expr(expr).legendFormat(legend).range();
}

/** An instant query: one value per series, for stats and tables. */
export function instantQuery(refId: string, expr: string, legend = '__auto'): DataqueryBuilder {
  return new DataqueryBuilder().datasource(PROMETHEUS).refId(refId).expr(expr).legendFormat(legend).instant();
}

/** An instant query whose series become table rows (labels as columns). */
export function tableQuery(refId: string, expr: string): DataqueryBuilder {
  return instantQuery(refId, expr).format(PromQueryFormat.Table);
}

/** Colour steps: the first applies from -∞, each later one from its value up. */
export function steps(base: string, ...rest: [number, string][]): ThresholdsConfigBuilder {
  const list: Threshold[] = [{ value: null, color: base }, ...rest.map(([value, color]) => ({ value, color }))];
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(list);
}

/** A single big number: the latest value of its query. */
export function stat(title: string, description: string, unit: string): StatPanelBuilder {
  return new StatPanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .unit(unit)
    .graphMode(BigValueGraphMode.None)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(steps('text'));
}

export function timeseries(title: string, description: string, unit: string): TimeseriesPanelBuilder {
  return new TimeseriesPanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .unit(unit)
    .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom).calcs([]))
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending));
}

/** A field-config override that draws a series dashed (references such as budgets and plans). */
export const dashed = { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } };

/** A row of the dashboard: a header and the panels under it, placed relative to the header. */
export interface Section {
  readonly title: string;
  readonly panels: readonly { readonly cell: Cell; readonly panel: Builder<Panel> }[];
}

export function table(title: string, description: string): TablePanelBuilder {
  return new TablePanelBuilder().title(title).description(description).datasource(PROMETHEUS);
}

/** Grafana's "organize fields" transformation: drop columns, rename the rest. */
export function organize(exclude: readonly string[], rename: Readonly<Record<string, string>> = {}): DataTransformerConfig {
  return {
    id: 'organize',
    options: { excludeByName: Object.fromEntries(exclude.map((name) => [name, true])), renameByName: { ...rename } },
  };
}

/** Grafana's "merge" transformation: table queries sharing label columns become one table. */
export const merge: DataTransformerConfig = { id: 'merge', options: {} };
