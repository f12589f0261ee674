// The entry points that need DuckDB's native binding or an AWS SDK client load them on first call,
// so that importing this package (the exporter does at start; the CLI for two commands) costs
// neither the binding nor the clients until a bill is actually read.
import type * as DuckDb from './duckdb/duckdb-engine.js';
import type * as OpenExport from './open-export.js';
import type * as Athena from './athena/athena-engine.js';
import type * as FocusParquet from './focus-forecast/write-focus-parquet.js';

export const duckDbEngine: typeof DuckDb.duckDbEngine = async (...a) => (await import('./duckdb/duckdb-engine.js')).duckDbEngine(...a);
export const openDataExport: typeof OpenExport.openDataExport = async (...a) => (await import('./open-export.js')).openDataExport(...a);
export const athenaEngine: typeof Athena.athenaEngine = async (...a) => (await import('./athena/athena-engine.js')).athenaEngine(...a);
export const writeFocusParquet: typeof FocusParquet.writeFocusParquet = async (...a) => (await import('./focus-forecast/write-focus-parquet.js')).writeFocusParquet(...a);
