// Actual AWS spend from AWS Data Exports (CUR 2.0, FOCUS 1.2), read by DuckDB or Athena with one SQL.
export { BillingError, firstLine, type BillingErrorReason } from './billing-error.js';
export { CHARGE_KINDS, EXPORT_FORMATS, REQUIRED_COLUMNS, type ChargeKind, type ExportFormat } from './export-format/export-format.js';
export { tagKeyForms } from './export-format/tag-keys.js';
export type { QueryEngine, QueryResult, TextRow } from './engine/query-engine.js';
export { SPEND_COLUMNS, spendSql, type SpendSqlOptions } from './sql/spend-sql.js';
export { duckDbEngine, type DuckDbEngineOptions } from './duckdb/duckdb-engine.js';
export { DEFAULT_TAG_KEY, readMonthSpend, type ReadMonthOptions } from './spend/read-month-spend.js';
export type { CostBasis, MonthSpend, SpendLine } from './spend/spend-types.js';
export { knownProductCodes, modelServiceOfCode } from './spend/product-codes.js';
export { EC2_OTHER, OTHER, ec2OtherService, knownAwsServices, modelService } from './spend/service-names.js';
export { openDataExport, type DataExportOptions } from './open-export.js';
export { athenaEngine } from './athena/athena-engine.js';
export type { AthenaOptions } from './athena/athena-options.js';
export { AWS_PROVIDER, focusService, knownFocusServices, type FocusService } from './focus-forecast/focus-service-names.js';
export { FOCUS_FORECAST_COLUMNS, type FocusColumn } from './focus-forecast/focus-columns.js';
export { focusForecastRows, forecastByService, monthPeriod, planMonth, type FocusForecast, type FocusForecastRow, type ForecastRowsOptions } from './focus-forecast/forecast-rows.js';
export { csvField, focusCsv } from './focus-forecast/focus-csv.js';
export { writeFocusParquet } from './focus-forecast/write-focus-parquet.js';
