// The athena source as the exporter wires it, through an injected QueryEngine factory: the
// engine answers with real DuckDB over the export's parquet (the SQL the exporter sends is run),
// and reports bytes scanned and failures as Athena's engine does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingError, duckDbEngine, type QueryEngine } from '@tier-planner/aws-billing';
import { startAthenaServer } from '../../packages/aws-billing/src/testing/athena-server.js';
import type { ExportActualsConfig } from '../../packages/exporter/src/config/config-types.js';
import { exportHarness, NOVEMBER, NOVEMBER_AMORTIZED, writeExportFolder, type ExportHarness } from './export-harness.js';
import { sample } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const AT = '2026-11-17T10:00:00Z';
const H = 3_600_000;
const WEB_EC2 = 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}';
const ATHENA = { region: 'eu-west-1', workgroup: 'finops', database: 'billing', table: 'cur2', partitionColumn: 'billing_period', queryTimeout: '2m' };
// Test data: what a query "scanned", not a figure from AWS.
const BYTES_PER_QUERY = 123_456;

/** DuckDB standing in for Athena's table, with Athena's bytesScanned and its failures on demand. */
function athenaLike(dir: string, state: { fail?: BillingError; opened: ExportActualsConfig[]; sql: string[] }) {
  return async (config: ExportActualsConfig): Promise<QueryEngine> => {
    state.opened.push(config);
    const duck = await duckDbEngine({ path: dir });
    return {
      kind: 'athena',
      source: (format, month) => duck.source(format, month),
      async query(sql) {
        state.sql.push(sql);
        if (state.fail) throw state.fail;
        return { ...(await duck.query(sql)), bytesScanned: BYTES_PER_QUERY, queryId: `q-${state.sql.length}` };
      },
      close: () => duck.close(),
    };
  };
}

async function harness(o: Parameters<typeof exportHarness>[0]): Promise<ExportHarness> {
  const h = await exportHarness(o);
  cleanup.push(() => h.close());
  return h;
}

describe('athena source (engine factory injected)', () => {
  it('opens the engine with the athena settings, serves the same series, counts bytes scanned', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const state = { opened: [] as ExportActualsConfig[], sql: [] as string[] };
    const h = await harness({ at: AT, actuals: { source: 'athena', athena: ATHENA }, queryEngine: athenaLike(dir, state) });
    await h.runDue();
    let text = await h.scrape();
    expect(state.opened).toHaveLength(1);
    const opened = state.opened[0]!;
    expect(opened.source).toBe('athena');
    if (opened.source === 'athena') expect(opened.athena).toMatchObject({ region: 'eu-west-1', workgroup: 'finops', database: 'billing', table: 'cur2', format: 'cur2', partitionColumn: 'billing_period', queryTimeoutMs: 120_000 });
    expect(sample(text, WEB_EC2)).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);
    expect(sample(text, 'tier_planner_actuals_source_info{source="athena",format="cur2",basis="amortized"}')).toBe(1);
    expect(sample(text, 'tier_planner_athena_bytes_scanned_total')).toBe(BYTES_PER_QUERY);
    // One query per round for plans that share a tag key, and the engine is kept between rounds.
    h.setNow(h.now() + 4 * H);
    await h.runDue();
    text = await h.scrape();
    expect(state.sql).toHaveLength(2);
    expect(state.opened).toHaveLength(1);
    expect(sample(text, 'tier_planner_athena_bytes_scanned_total')).toBe(2 * BYTES_PER_QUERY);
  });

  it.each([
    ['timeout', new BillingError('timeout', 'the Athena query did not finish within 2m')],
    ['query_failed', new BillingError('query_failed', 'Athena query FAILED: HIVE_BAD_DATA')],
  ])('an Athena %s keeps the last good values, sets failing and counts the reason', async (reason, error) => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const state: { fail?: BillingError; opened: ExportActualsConfig[]; sql: string[] } = { opened: [], sql: [] };
    const h = await harness({ at: AT, actuals: { source: 'athena', athena: ATHENA }, queryEngine: athenaLike(dir, state) });
    await h.runDue();
    const good = sample(await h.scrape(), WEB_EC2);
    state.fail = error;
    h.setNow(h.now() + 4 * H);
    await h.runDue();
    const text = await h.scrape();
    expect(sample(text, WEB_EC2)).toBe(good);
    expect(sample(text, `tier_planner_refresh_errors_total{reason="${reason}"}`)).toBe(1);
    expect(sample(text, 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(1);
    expect(sample(text, 'tier_planner_data_staleness_seconds{plan="web-10k"}')).toBe(4 * 3600);
    // A failed round opens the engine afresh next time.
    state.fail = undefined;
    h.setNow(h.exporter.refresher.nextWakeAt());
    await h.runDue();
    expect(state.opened).toHaveLength(2);
    expect(sample(await h.scrape(), 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(0);
  });
});

describe('athena source with the real Athena client, against a loopback Athena', () => {
  it('queries the table through the SDK, with the partition pruned, and serves the same series', async () => {
    const dir = await writeExportFolder({ '2026-11': NOVEMBER });
    const athena = await startAthenaServer({ dataDir: dir, database: 'billing', table: 'cur2' });
    cleanup.push(() => athena.close());
    // Test keys for the loopback server: never real AWS.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOOPBACKTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'loopback-test-secret');
    cleanup.push(async () => void vi.unstubAllEnvs());
    const h = await harness({ at: AT, actuals: { source: 'athena', athena: { ...ATHENA, endpoint: athena.endpoint } } });
    await h.runDue();
    const text = await h.scrape();
    expect(sample(text, WEB_EC2)).toBeCloseTo(NOVEMBER_AMORTIZED['web-10k'].EC2, 9);
    expect(sample(text, 'tier_planner_refresh_failing{plan="web-10k"}')).toBe(0);
    expect(sample(text, 'tier_planner_athena_bytes_scanned_total')).toBeGreaterThan(0);
    const sent = athena.requests.find((r) => r.op === 'StartQueryExecution')!;
    expect(sent.body).toMatchObject({ WorkGroup: 'finops', QueryExecutionContext: { Database: 'billing' } });
    expect(athena.queries()[0]).toContain(`"billing_period" = '2026-11'`);
  });
});
