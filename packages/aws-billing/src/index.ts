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
export type { S3Credentials, S3Reader, S3ReadOptions } from './s3/s3-options.js';
export { parseS3Url, type S3Location } from './s3/s3-location.js';
export { defaultExportCacheDir } from './s3/cache-dir.js';
export { syncMonth, type SyncOptions, type SyncResult } from './s3/sync-month.js';
export { s3SyncEngine, type S3SyncEngine, type S3SyncEngineOptions } from './s3/s3-sync-engine.js';
