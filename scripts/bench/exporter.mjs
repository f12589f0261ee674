#!/usr/bin/env node
// Exporter benchmark (run after `npm run build`): the built tier-planner-exporter in a child
// process with 10 plans × 15 services, fed by the fake Cost Explorer (its own process, from source
// through tsx). Latency on the default schedule (refresh 6 h); RSS soaks on the default schedule and
// on a stress schedule (refresh every 30 s) so refresh and cache-rebuild paths run throughout.
// /metrics latency at ~200 req/s is measured two ways (wrk with a Lua delay, an open-loop Node client).
//   BENCH_SECONDS  length of each latency run (default 30)
//   SOAK_SECONDS   soak length at 200 req/s, RSS sampled every 10 s (default 600)
//   SOAK_SCHEDULES which soaks to run: default, stress or both (default "default,stress")
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = 200;
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'packages/exporter/bin/tier-planner-exporter.js');
if (!existsSync(join(root, 'packages/exporter/dist/cli/main.js'))) {
  console.error('exporter bench: build first (npm run build)');
  process.exit(1);
}

// --- the fake Cost Explorer, in its own process (so its work does not skew the client's timings) ---
const SERVICES = [
  'Amazon Elastic Compute Cloud - Compute', 'Amazon Elastic Container Service for Kubernetes', 'Amazon Relational Database Service',
  'Amazon Simple Storage Service', 'Amazon ElastiCache', 'Amazon Managed Streaming for Apache Kafka', 'Elastic Load Balancing',
  'Amazon Virtual Private Cloud', 'Amazon EC2 Container Registry (ECR)', 'AmazonCloudWatch', 'AWS Secrets Manager', 'Amazon Route 53',
  'Amazon Elastic Container Service', 'AWS Glue', 'EC2 - Other',
];
const PROFILES = ['eks-web-app', 'nextjs-nestjs-postgres', 'microservices-mysql', 'fintech-fargate-jenkins', 'trading-fargate'];
const plans = Array.from({ length: 10 }, (_, i) => ({ name: `bench-${i}`, profile: PROFILES[i % PROFILES.length], users: 10 ** ((i % 5) + 2) }));
const spend = plans.flatMap((p, i) => SERVICES.map((service, j) => ({ service, dailyUsd: `${(i + 1) * (j + 1)}.37`, tags: { 'tier-planner:plan': p.name }, ...(service === 'EC2 - Other' ? { usageType: j % 2 ? 'USE1-NatGateway-Hours' : 'EBS:VolumeUsage.gp3' } : {}) })));
const dir = mkdtempSync(join(tmpdir(), 'tp-exporter-bench-'));
writeFileSync(join(dir, 'spend.json'), JSON.stringify(spend));
const fakeProc = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'packages/exporter/src/testing/fake-cost-explorer-main.ts'), join(dir, 'spend.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
const fakeUrl = await new Promise((resolve, reject) => {
  let out = '';
  fakeProc.stdout.on('data', (d) => {
    out += d;
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (line) resolve(JSON.parse(line).url);
  });
  fakeProc.on('exit', (code) => reject(new Error(`fake Cost Explorer exited ${code}`)));
});

// --- the exporter, as a child process ---
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_EC2_METADATA_DISABLED: 'true' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts the built bin with these refresh intervals; resolves once the first refresh is in /metrics. */
async function startExporter(refreshInterval, forecastRefreshInterval) {
  const config = join(dir, `exporter-${refreshInterval}.yaml`);
  writeFileSync(
    config,
    [
      'listen: { host: 127.0.0.1, port: 0 }',
      'costExplorer:',
      `  endpoint: ${fakeUrl}`,
      `  refreshInterval: ${refreshInterval}`,
      `  forecastRefreshInterval: ${forecastRefreshInterval}`,
      '  dailyRequestBudget: 100000',
      'logLevel: info',
      `stateFile: ${join(dir, `state-${refreshInterval}.json`)}`,
      'plans:',
      ...plans.flatMap((p) => [`  - name: ${p.name}`, `    profile: ${p.profile}`, `    users: ${p.users}`]),
    ].join('\n'),
  );
  const child = spawn(process.execPath, [bin, '--config', config], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`exporter did not start:\n${log}`)), 20_000);
    child.stderr.on('data', () => {
      const m = /"msg":"listening".*?"port":(\d+)/.exec(log);
      if (m) resolve(Number(m[1])), clearTimeout(timer);
    });
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const body = await (await fetch(`${base}/metrics`)).text();
    if (body.includes('tier_planner_aws_forecast_month_end_cost_usd{plan="bench-9"')) break;
    await sleep(100);
  }
  return {
    base,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024,
    async stop() {
      child.kill('SIGTERM');
      return new Promise((r) => child.on('exit', r));
    },
  };
}

const prod = await startExporter('6h', '24h');
let base = prod.base;
const body = await (await fetch(`${base}/metrics`)).text();
const series = body.split('\n').filter((l) => l && !l.startsWith('#')).length;
console.log(`exporter bench (node ${process.version}): 10 plans × 15 services, /metrics = ${series} series, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB`);
console.log(`latency runs: default schedule (refresh 6h, forecasts 24h), data already cached`);

// --- 1. wrk, 4 connections, each waiting 20 ms between requests (~200 req/s in all) ---
const lua = join(dir, 'delay.lua');
writeFileSync(lua, 'function delay()\n  return 20\nend\n');
if (existsSync('/usr/bin/wrk')) {
  const wrk = spawnSync('/usr/bin/wrk', ['-t2', '-c4', `-d${BENCH_SECONDS}s`, '--latency', '-s', lua, `${base}/metrics`], { encoding: 'utf8' });
  console.log(`\n--- wrk -t2 -c4 -d${BENCH_SECONDS}s --latency -s delay.lua (20 ms delay per connection) ---`);
  console.log(wrk.stdout.trim());
} else {
  console.log('\n--- wrk: not installed, skipped ---');
}

// --- 2. open-loop Node client: a request every 5 ms on keep-alive sockets, latency per request ---
let agent = new Agent({ keepAlive: true, maxSockets: 16 });
function get() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(`${base}/metrics`, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Fires RATE req/s for `seconds` (open loop: the schedule does not wait for answers). */
async function load(seconds, onTick) {
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const pending = [];
  let sent = 0;
  let nextTick = 10_000;
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * RATE);
    while (sent < due) {
      sent += 1;
      pending.push(get().then((ms) => latencies.push(ms), () => (errors += 1)));
    }
    if (onTick && performance.now() - start >= nextTick) {
      onTick(Math.round((performance.now() - start) / 1000));
      nextTick += 10_000;
    }
    await sleep(1);
  }
  await Promise.all(pending);
  return { latencies, errors, seconds: (performance.now() - start) / 1000 };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(r) {
  const s = [...r.latencies].sort((a, b) => a - b);
  return `${s.length} requests in ${r.seconds.toFixed(1)} s (${(s.length / r.seconds).toFixed(0)} req/s), errors ${r.errors}: p50 ${pct(s, 50).toFixed(2)} ms, p90 ${pct(s, 90).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
}

console.log(`\n--- open-loop Node client, ${RATE} req/s for ${BENCH_SECONDS} s, keep-alive ---`);
const latency = await load(BENCH_SECONDS);
console.log(summary(latency));

console.log(`RSS after the latency runs: ${prod.rssMb().toFixed(1)} MB (target <= 120 MB)`);
console.log(`exporter exit status after SIGTERM: ${await prod.stop()}`);
agent.destroy();

// --- 3. soaks: on the default schedule (what a deployment runs), then on a stress schedule
// (refresh every 30 s: 35 pages each) so the refresh and cache-rebuild paths run throughout ---
const SCHEDULES = { default: ['6h', '24h', 'refresh 6h, forecasts 24h (default)'], stress: ['30s', '5m', 'refresh every 30 s (stress)'] };
for (const name of (process.env.SOAK_SCHEDULES ?? 'default,stress').split(',').filter(Boolean)) {
  if (SOAK_SECONDS <= 0) break;
  const [refresh, forecasts, label] = SCHEDULES[name];
  const exporter = await startExporter(refresh, forecasts);
  base = exporter.base;
  agent = new Agent({ keepAlive: true, maxSockets: 16 });
  console.log(`\n--- soak: ${RATE} req/s for ${SOAK_SECONDS} s, ${label}, RSS every 10 s ---`);
  const samples = [];
  const soak = await load(SOAK_SECONDS, (t) => samples.push({ t, rss: exporter.rssMb() }));
  samples.push({ t: Math.round(soak.seconds), rss: exporter.rssMb() });
  console.log(samples.map((x) => `${x.t}s:${x.rss.toFixed(1)}`).join(' '));
  const first = samples[0].rss;
  const last = samples[samples.length - 1].rss;
  const peak = Math.max(...samples.map((x) => x.rss));
  console.log(summary(soak));
  // The heap sizes itself to the load in the first minute (young generation, first refreshes);
  // growth after that is what a leak would show.
  const warm = (samples.find((x) => x.t >= 60) ?? samples[0]).rss;
  const pctOf = (a, b) => (((b - a) / a) * 100).toFixed(1);
  console.log(`RSS first ${first.toFixed(1)} MB, at 60 s ${warm.toFixed(1)} MB, last ${last.toFixed(1)} MB, peak ${peak.toFixed(1)} MB (target <= 120 MB)`);
  console.log(`RSS growth: first→last ${pctOf(first, last)} %, after the 60 s warm-up ${pctOf(warm, last)} % (target <= 10 %)`);
  const requests = Number(/tier_planner_cost_explorer_requests_total\{operation="GetCostAndUsage"\} (\d+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? NaN);
  console.log(`GetCostAndUsage requests counted by the exporter: ${requests}`);
  agent.destroy();
  console.log(`exporter exit status after SIGTERM: ${await exporter.stop()}`);
}
fakeProc.kill('SIGTERM');
