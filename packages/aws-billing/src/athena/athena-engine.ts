import { BillingError } from '../billing-error.js';
import type { QueryEngine } from '../engine/query-engine.js';
import type { AthenaOptions } from './athena-options.js';

/** The export's table in Athena, queried with the same SQL DuckDB runs. */
export async function athenaEngine(o: AthenaOptions): Promise<QueryEngine> {
  throw new BillingError('bad_input', `Athena is not wired yet (${o.database}.${o.table})`);
}
