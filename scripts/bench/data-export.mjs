#!/usr/bin/env node
// Data Exports benchmark (run after `npm run build`): a month of CUR 2.0 for a mid-size organisation
// (10 million lines by default), generated with DuckDB SQL over range() and written as parquet under
// BILLING_PERIOD=2026-11 in a temp folder (kept and reused while the generator version is the same).
// readMonthSpend from the built dist runs in a child process: median of 3 runs (wall and CPU time), rows/s, the child's
// peak RSS (process.resourceUsage().maxRSS), and the parquet bytes: all of them, and those of the
// columns the spend query reads (what a columnar engine such as Athena scans).
//   BENCH_ROWS          lines to generate (default 10000000)
//   BENCH_THREADS       DuckDB threads in the aggregating process (default DuckDB's: one per core)
//   BENCH_MEMORY_LIMIT  DuckDB memory_limit there, e.g. 1GB (default DuckDB's: 80% of RAM)
//   BENCH_DIR           where the generated export lives (default <tmpdir>/tier-planner-bench-cur2)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR_VERSION = 2;
const MONTH = '2026-11';
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'packages/aws-billing/dist/index.js');
const dir = process.env.BENCH_DIR ?? join(tmpdir(), 'tier-planner-bench-cur2');
const periodDir = join(dir, `BILLING_PERIOD=${MONTH}`);

if (!existsSync(dist)) {
  console.error('data-export bench: build first (npm run build)');
  process.exit(1);
}
const { DuckDBInstance } = await import('@duckdb/node-api');

if (process.argv[2] === '--aggregate') {
  // The child: only the aggregation, so maxRSS is its own.
  const { duckDbEngine, readMonthSpend } = await import(dist);
  const engine = await duckDbEngine({
    path: dir,
    ...(process.env.BENCH_THREADS ? { threads: Number(process.env.BENCH_THREADS) } : {}),
    ...(process.env.BENCH_MEMORY_LIMIT ? { memoryLimit: process.env.BENCH_MEMORY_LIMIT } : {}),
  });
  const runs = [];
  const cpu = [];
  let groups = 0;
  let lines = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const spend = await readMonthSpend(engine, { format: 'cur2', month: MONTH });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    groups = spend.lines.length;
    lines = spend.lines.reduce((n, l) => n + l.lines, 0);
  }
  await engine.close();
  process.stdout.write(JSON.stringify({ runs, cpu, groups, lines, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

// --- the generator: realistic cardinalities of a mid-size organisation's month -----------------------
// 60 accounts, each using 15 of 40 product codes with 6 usage types each; 30 days, 24 hours; 20 plans,
// 3 per account, on 55% of the usage lines (the rest untagged), 12 teams; Savings Plans and RI coverage with their negations and fees; credits,
// tax and an EDP discount as a few lines a day. Amounts are synthetic.
const marker = join(dir, 'generator.json');
const wanted = JSON.stringify({ version: GENERATOR_VERSION, rows: ROWS, month: MONTH });
function parquetFiles() {
  return existsSync(periodDir) ? readdirSync(periodDir).filter((f) => f.endsWith('.parquet')).map((f) => join(periodDir, f)) : [];
}

async function generate() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(periodDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const products = ['AmazonEC2', 'AmazonRDS', 'AmazonS3', 'AWSELB', 'AWSDataTransfer', 'AmazonECS', 'AmazonEKS', 'AmazonElastiCache', 'AmazonCloudWatch', 'AmazonVPC', 'AmazonRoute53', 'awskms', 'AWSSecretsManager', 'AmazonMSK', 'AmazonECR', 'AWSLambda', 'AmazonDynamoDB', 'AmazonSNS', 'AmazonSQS', 'AWSGlue', 'AmazonAthena', 'AmazonKinesis', 'AmazonCloudFront', 'AWSCloudTrail', 'AWSConfig', 'AmazonGuardDuty', 'AWSBackup', 'AmazonEFS', 'AmazonOpenSearchService', 'AmazonRedshift', 'AmazonSageMaker', 'AWSCodeBuild', 'AWSCodePipeline', 'AmazonApiGateway', 'AWSStepFunctions', 'AmazonSES', 'AWSWAF', 'AWSShield', 'AmazonInspectorV2', 'AWSSystemsManager'];
  const usage = ['BoxUsage:m7g.large', 'BoxUsage:c7g.xlarge', 'EBS:VolumeUsage.gp3', 'NatGateway-Hours', 'DataTransfer-Out-Bytes', 'InstanceUsage:db.r7g.large', 'TimedStorage-ByteHrs', 'Requests-Tier1', 'LoadBalancerUsage', 'LCUUsage', 'PublicIPv4:InUseAddress', 'DataTransfer-Regional-Bytes'];
  const sqlList = (xs) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  const chunk = 2_500_000;
  for (let start = 0, part = 0; start < ROWS; start += chunk, part++) {
    const end = Math.min(ROWS, start + chunk);
    const file = join(periodDir, `cur2-${String(part).padStart(5, '0')}.snappy.parquet`);
    await c.run(`COPY (
      WITH g AS (SELECT i, hash(i) AS h, hash(i, 2) AS h2, hash(i, 3) AS h3, hash(i, 4) AS h4, hash(i, 5) AS h5 FROM range(${start}, ${end}) t(i)),
      a AS (SELECT *, CAST(h2 % 60 AS INTEGER) AS acct FROM g),
      l AS (SELECT i, h, h2,
        CASE WHEN h % 1000 < 800 THEN 'Usage' WHEN h % 1000 < 880 THEN 'SavingsPlanCoveredUsage' WHEN h % 1000 < 960 THEN 'SavingsPlanNegation'
             WHEN h % 1000 < 990 THEN 'DiscountedUsage' WHEN h % 1000 < 993 THEN 'SavingsPlanRecurringFee' WHEN h % 1000 < 995 THEN 'RIFee'
             WHEN h % 1000 < 997 THEN 'Tax' WHEN h % 1000 < 998 THEN 'Credit' ELSE 'EdpDiscount' END AS kind,
        -- each account uses 15 of the 40 products, 6 usage types of each; its lines carry 3 of the 20 plans
        (${sqlList(products)})[1 + (acct * 7 + CAST(h3 % 15 AS INTEGER)) % 40] AS product,
        'USE1-' || (${sqlList(usage)})[1 + CAST(h4 % 6 AS INTEGER) + 6 * ((acct + CAST(h3 % 15 AS INTEGER)) % 2)] AS usage_type,
        lpad(CAST(100000000000 + acct AS VARCHAR), 12, '0') AS account,
        'plan-' || CAST((acct * 3 + CAST(h5 % 3 AS INTEGER)) % 20 AS VARCHAR) AS plan, h5 % 100 < 55 AS tagged,
        CAST(h4 % 30 AS INTEGER) AS day, CAST(h5 % 24 AS INTEGER) AS hour,
        CAST(h2 % 100000 AS DOUBLE) / 10000 AS cost
        FROM a)
      SELECT
        TIMESTAMP '${MONTH}-01 00:00:00' AS bill_billing_period_start_date,
        '100000000000' AS bill_payer_account_id,
        TIMESTAMP '${MONTH}-01 00:00:00' + to_days(day) + to_hours(hour) AS line_item_usage_start_date,
        TIMESTAMP '${MONTH}-01 00:00:00' + to_days(day) + to_hours(hour + 1) AS line_item_usage_end_date,
        kind AS line_item_line_item_type,
        product AS line_item_product_code,
        usage_type AS line_item_usage_type,
        'RunInstances' AS line_item_operation,
        'i-' || lpad(to_hex(h2 % 200000), 17, '0') AS line_item_resource_id,
        account AS line_item_usage_account_id,
        CAST(1 AS DOUBLE) AS line_item_usage_amount,
        CASE kind WHEN 'SavingsPlanNegation' THEN -cost WHEN 'DiscountedUsage' THEN CAST(0 AS DOUBLE) WHEN 'Credit' THEN -cost WHEN 'EdpDiscount' THEN -cost / 10 ELSE cost END AS line_item_unblended_cost,
        cost AS pricing_public_on_demand_cost,
        CASE WHEN kind LIKE 'SavingsPlan%' THEN 'arn:aws:savingsplans::100000000000:savingsplan/sp-' || CAST(h % 8 AS VARCHAR) END AS savings_plan_savings_plan_a_r_n,
        CASE WHEN kind = 'SavingsPlanCoveredUsage' THEN round(cost * 0.72, 6) END AS savings_plan_savings_plan_effective_cost,
        CASE WHEN kind = 'SavingsPlanRecurringFee' THEN cost END AS savings_plan_total_commitment_to_date,
        CASE WHEN kind = 'SavingsPlanRecurringFee' THEN round(cost * 0.9, 6) END AS savings_plan_used_commitment,
        CASE WHEN kind IN ('DiscountedUsage', 'RIFee') THEN 'arn:aws:ec2:us-east-1:100000000000:reserved-instances/ri-' || CAST(h % 12 AS VARCHAR) ELSE '' END AS reservation_reservation_a_r_n,
        CASE WHEN kind = 'DiscountedUsage' THEN round(cost * 0.6, 6) END AS reservation_effective_cost,
        CASE WHEN kind = 'RIFee' THEN round(cost * 0.05, 6) END AS reservation_unused_amortized_upfront_fee_for_billing_period,
        CASE WHEN kind = 'RIFee' THEN round(cost * 0.03, 6) END AS reservation_unused_recurring_fee,
        CASE WHEN kind IN ('Usage', 'SavingsPlanCoveredUsage', 'DiscountedUsage') AND tagged
             THEN MAP {'user_tier_planner_plan': plan, 'user_team': 'team-' || CAST(h2 % 12 AS VARCHAR)}
             ELSE CAST(MAP {} AS MAP(VARCHAR, VARCHAR)) END AS resource_tags
      FROM l
    ) TO '${file}' (FORMAT parquet, COMPRESSION snappy)`);
  }
  c.closeSync();
  instance.closeSync();
  writeFileSync(marker, wanted);
}

const reused = existsSync(marker) && readFileSync(marker, 'utf8') === wanted && parquetFiles().length > 0;
if (!reused) {
  const t0 = Date.now();
  await generate();
  console.log(`data-export bench: generated ${ROWS.toLocaleString('en-US')} CUR 2.0 lines in ${((Date.now() - t0) / 1000).toFixed(1)} s under ${periodDir}`);
} else {
  console.log(`data-export bench: reusing ${periodDir} (generator v${GENERATOR_VERSION})`);
}

// Bytes: the files, and the column chunks the spend query reads (parquet_metadata).
const files = parquetFiles();
const fileBytes = files.reduce((n, f) => n + statSync(f).size, 0);
const READ_COLUMNS = [
  'bill_billing_period_start_date', 'line_item_usage_start_date', 'line_item_line_item_type', 'line_item_product_code', 'line_item_usage_type',
  'line_item_usage_account_id', 'line_item_unblended_cost', 'savings_plan_savings_plan_effective_cost', 'savings_plan_total_commitment_to_date',
  'savings_plan_used_commitment', 'reservation_effective_cost', 'reservation_unused_amortized_upfront_fee_for_billing_period',
  'reservation_unused_recurring_fee', 'reservation_reservation_a_r_n', 'resource_tags',
];
const meta = await DuckDBInstance.create(':memory:');
const mc = await meta.connect();
const list = `[${files.map((f) => `'${f}'`).join(', ')}]`;
const readBytes = Number(
  (await mc.runAndReadAll(`SELECT SUM(total_compressed_size) AS b FROM parquet_metadata(${list}) WHERE split_part(path_in_schema, ',', 1) IN (${READ_COLUMNS.map((c) => `'${c}'`).join(', ')})`)).getRowObjectsJson()[0].b,
);
mc.closeSync();
meta.closeSync();

const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--aggregate'], { env: process.env, encoding: 'utf8', maxBuffer: 1 << 20 });
if (child.status !== 0) {
  console.error(`data-export bench: aggregation failed: ${child.stderr.trim().split('\n')[0]}`);
  process.exit(1);
}
const r = JSON.parse(child.stdout);
const sorted = [...r.runs].sort((a, b) => a - b);
const median = sorted[1];
const mb = (b) => (b / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 });
const settings = `threads=${process.env.BENCH_THREADS ?? 'default'}, memory_limit=${process.env.BENCH_MEMORY_LIMIT ?? 'default'}`;
console.log(`readMonthSpend (DuckDB, ${settings}): ${r.lines.toLocaleString('en-US')} lines → ${r.groups.toLocaleString('en-US')} groups`);
console.log(`  median of 3: ${median.toLocaleString('en-US', { maximumFractionDigits: 0 })} ms (runs ${r.runs.map((t) => t.toFixed(0)).join(', ')} ms); ${Math.round(r.lines / (median / 1000)).toLocaleString('en-US')} rows/s`);
console.log(`  CPU time (all threads) median: ${[...r.cpu].sort((a, b) => a - b)[1].toLocaleString('en-US', { maximumFractionDigits: 0 })} ms (wall time moves with other load on the machine; CPU time less)`);
console.log(`  peak RSS of the aggregating process: ${mb(r.maxRssKb * 1024)} MB`);
console.log(`  parquet: ${files.length} files, ${mb(fileBytes)} MB in all; ${mb(readBytes)} MB in the columns the spend query reads (${readBytes.toLocaleString('en-US')} bytes)`);
