import { athenaEngine, openDataExport, type QueryEngine } from '@tier-planner/aws-billing';
import type { ExportActualsConfig } from '../../config/config-types.js';

/** Opens the engine an export source reads through; injectable, as the Cost Explorer client is. */
export type QueryEngineFactory = (actuals: ExportActualsConfig) => Promise<QueryEngine>;

/** DuckDB over the export folder (or S3), or the export's Athena table. */
export const openQueryEngine: QueryEngineFactory = (a) => {
  if (a.source === 'data-export') {
    const d = a.dataExport;
    return openDataExport({ path: d.path, ...(d.memoryLimit ? { memoryLimit: d.memoryLimit } : {}), ...(d.s3 ? { s3: d.s3 } : {}) });
  }
  const t = a.athena;
  return athenaEngine({
    region: t.region,
    workgroup: t.workgroup,
    database: t.database,
    table: t.table,
    timeoutMs: t.queryTimeoutMs,
    ...(t.catalog ? { catalog: t.catalog } : {}),
    ...(t.outputLocation ? { outputLocation: t.outputLocation } : {}),
    ...(t.partitionColumn ? { partitionColumn: t.partitionColumn } : {}),
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    ...(t.profile ? { profile: t.profile } : {}),
  });
};

/** The format and the export's own tag key spelling, whichever export source it is. */
export function exportTable(a: ExportActualsConfig): { format: 'cur2' | 'focus'; tagKey?: string } {
  const t = a.source === 'data-export' ? a.dataExport : a.athena;
  return { format: t.format, ...(t.tagKey !== undefined ? { tagKey: t.tagKey } : {}) };
}
