#!/usr/bin/env node
// Calibration benchmark (run after `npm run build`): 50 services over 14 days at 30 s, backfilled
// into a loopback Prometheus with promtool, then read the way `tier-planner calibrate` reads them
// (readMeasurements from the built planner-tui). Prints the read time against the 5 s target.
// Skips with a message when Debian's prometheus/promtool are not installed (no root needed).
//   BENCH_SERVICES  services (default 50)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 50);
const DAY = 86_400;
const STEP = 30;
const TARGET_MS = 5_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'packages/planner-tui/dist/calibrate/read-measurements.js');
if (!existsSync(built)) {
  console.error('calibrate bench: build first (npm run build)');
  process.exit(1);
}
const which = (name) => ['/usr/bin', ...(process.env.PATH ?? '').split(':')].map((d) => join(d, name)).find((p) => existsSync(p));
const prometheus = which('prometheus');
const promtool = which('promtool');
if (!prometheus || !promtool) {
  console.log('calibrate bench: skipped (prometheus and promtool not installed; apt-get install prometheus)');
  process.exit(0);
}
const { readMeasurements } = await import(built);
const { prometheusClient } = await import(join(root, 'packages/planner-tui/dist/calibrate/prometheus-client.js'));

const dir = mkdtempSync(join(tmpdir(), 'tp-calibrate-bench-'));
const end = Math.floor(Date.now() / 1000 / 3_600) * 3_600 - 3_600;
const start = end - 14 * DAY;
const curve = (t) => 0.6 + 0.4 * Math.sin(((t % DAY) / DAY) * 2 * Math.PI);

// --- 14 days of series per service: requests, CPU, working set, replicas ---
let t0 = performance.now();
const file = join(dir, 'series.om.txt');
const fd = openSync(file, 'w');
const family = (name, series) => {
  writeSync(fd, `# TYPE ${name} unknown\n`);
  for (let s = 0; s < SERVICES; s++) {
    const labels = series(s);
    let total = 0;
    let chunk = '';
    for (let t = start; t <= end; t += STEP) {
      total += labels.increment ? labels.increment(t) : 0;
      chunk += `${labels.name} ${labels.increment ? total.toFixed(3) : labels.value(t)} ${t}\n`;
      if (chunk.length > 1 << 20) (writeSync(fd, chunk), (chunk = ''));
    }
    writeSync(fd, chunk);
  }
};
const rps = (s) => 5 + s;
family('nginx_ingress_controller_requests', (s) => ({ name: `nginx_ingress_controller_requests{service="svc-${s}"}`, increment: (t) => rps(s) * curve(t) * STEP }));
family('container_cpu_usage_seconds_total', (s) => ({ name: `container_cpu_usage_seconds_total{pod="svc-${s}-0",container="svc-${s}"}`, increment: (t) => 0.01 * rps(s) * curve(t) * STEP }));
family('container_memory_working_set_bytes', (s) => ({ name: `container_memory_working_set_bytes{pod="svc-${s}-0",container="svc-${s}"}`, value: () => (200 + s) * 1_048_576 }));
family('kube_deployment_status_replicas', (s) => ({ name: `kube_deployment_status_replicas{deployment="svc-${s}"}`, value: () => 2 }));
writeSync(fd, '# EOF\n');
closeSync(fd);
const generated = performance.now() - t0;

t0 = performance.now();
const tsdb = join(dir, 'tsdb');
const backfill = spawnSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=24h', file, tsdb], { encoding: 'utf8' });
if (backfill.status !== 0) {
  console.error(`calibrate bench: promtool failed\n${backfill.stdout}\n${backfill.stderr}`);
  process.exit(1);
}
rmSync(file);
const backfilled = performance.now() - t0;

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 30s\n');
const child = spawn(prometheus, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${tsdb}`, '--storage.tsdb.retention.time=60d', `--web.listen-address=127.0.0.1:${port}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
await new Promise((resolve, reject) => {
  let out = '';
  child.stderr.on('data', (d) => {
    out += d;
    if (out.includes('Server is ready to receive web requests')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`prometheus exited ${code}:\n${out}`)));
});

try {
  const services = Array.from({ length: SERVICES }, (_, s) => `svc-${s}`);
  const read = () => readMeasurements({ client: prometheusClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 60_000 }), services, templates: { all: {}, services: {} }, end, windowSeconds: 14 * DAY });
  await read(); // warm Prometheus's page cache, as a second run by a user would
  const runs = [];
  let m;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    m = await read();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const cold = runs[runs.length - 1];
  const median = runs[1];
  const samples = (14 * DAY) / STEP + 1;
  console.log(`calibrate bench: ${SERVICES} services × 14 days at ${STEP} s (${(SERVICES * 4 * samples).toLocaleString('en-US')} samples; generated in ${(generated / 1000).toFixed(1)} s, backfilled in ${(backfilled / 1000).toFixed(1)} s)`);
  console.log(`  read ${m.services.length} services (${m.missing.length} missing): median ${(median / 1000).toFixed(2)} s, slowest ${(cold / 1000).toFixed(2)} s of 3 runs (target ≤ ${TARGET_MS / 1000} s) ${cold <= TARGET_MS ? 'ok' : 'OVER TARGET'}`);
  if (cold > TARGET_MS) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
