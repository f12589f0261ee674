// Calibration against a real Prometheus loaded with a fortnight of synthetic cluster metrics at
// 30 s whose true values are known: the measurements must recover them, and every fault (down,
// slow, refused queries, missing series, a short window, counter resets, NaN and stale samples,
// a service with no traffic) must give a clear message and exit status.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile, parseProfile, type Measurements, type Profile } from '@tier-planner/cost-model';
import { prometheusClient } from '../../packages/planner-tui/src/calibrate/prometheus-client.js';
import { readMeasurements } from '../../packages/planner-tui/src/calibrate/read-measurements.js';
import { calibrate as coreCalibrate, type Calibrate } from '../../packages/planner-tui/src/calibrate/calibrate-core.js';
import { runCalibrate } from '../../packages/planner-tui/src/commands/calibrate.js';
import { run } from '../../packages/planner-tui/src/cli/main.js';
import { freeLoopbackPort } from '../exporter-e2e/free-port.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from './backfilled-prometheus.js';
import { DAILY_CURVE, openMetrics, trueAverageRps, truePeakToAverage, type SyntheticService } from './synthetic-series.js';

const DAY = 86_400;
// A fixed window, whatever today is: Prometheus's retention counts from its newest block, and the
// queries name their own range (the command's clock is injected as this instant).
const END = Date.UTC(2026, 10, 30) / 1000;
const START = END - 14 * DAY;

const WEB: SyntheticService = {
  name: 'web-api',
  peakRps: 40,
  counter: 'ingress',
  cpuSecondsPerRequest: 0.012,
  podMemoryMiB: [300, 400],
  // Pod 1 sits at 900 MiB one hour in 50: under 5% of the pooled points, so p95 stays 400 while the max is 900.
  spike: { pod: 1, mib: 900, everyNthHour: 50 },
  replicas: 2,
  busyReplicas: { hours: [14, 15, 16, 17], replicas: 3 },
  // Coprime to the 10 samples per 5-minute step, so a seventh of the evaluated points land on a NaN.
  nanEvery: 7,
  resetAt: 7 * DAY + 1_830,
};
const WORKER: SyntheticService = { name: 'worker', peakRps: 5, counter: 'histogram', cpuSecondsPerRequest: 0.05, podMemoryMiB: [800], replicas: 1, gap: [3 * DAY, 3 * DAY + 2 * 3_600] };
const IDLE: SyntheticService = { name: 'idle', peakRps: 0, counter: 'ingress', cpuSecondsPerRequest: 0, podMemoryMiB: [100], replicas: 1 };
/** In the profile, but nothing in Prometheus runs as it. */
const GHOST = 'ghost';

function testProfile(): Profile {
  const base = getProfile('eks-web-app');
  const template = base.services[0]!;
  const services = [WEB.name, WORKER.name, IDLE.name, GHOST].map((name) => ({ ...template, name, requestShare: name === WEB.name ? 1 : 0.2 }));
  return parseProfile({ ...base, name: 'calibrate-e2e', services }, 'test profile');
}

let workDir: string;
let prom: BackfilledPrometheus;
let m: Measurements;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tier-planner-calibrate-'));
  prom = await startBackfilledPrometheus(workDir, openMetrics({ start: START, end: END, services: [WEB, WORKER, IDLE] }));
  m = await readMeasurements({ client: prometheusClient({ url: prom.url, timeoutMs: 10_000 }), services: testProfile().services.map((s) => s.name), templates: { all: {}, services: {} }, end: END, windowSeconds: 14 * DAY });
}, 60_000);

afterAll(async () => {
  await prom?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const service = (name: string) => m.services.find((s) => s.name === name)!;
const near = (actual: number | undefined, expected: number, relative = 0.01) => {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected) / expected, `${actual} vs ${expected}`).toBeLessThan(relative);
};

describe('measurements recover the true values of a fortnight at 30 s', () => {
  it('request rates, requests per day, peak/average and the daily shape', () => {
    near(service('web-api').averageRps?.value, trueAverageRps(WEB));
    near(service('worker').averageRps?.value, trueAverageRps(WORKER));
    // The worker counts its requests in a histogram: measured, but not an entry service.
    expect(service('worker').averageRps?.query).toContain('http_request_duration_seconds_count');
    near(m.requestsPerDay?.value, trueAverageRps(WEB) * DAY);
    near(m.peakToAverage?.value, truePeakToAverage());
    near(service('web-api').peakRps?.value, WEB.peakRps);
    const shape = m.hourlyShape!.value;
    expect(shape).toHaveLength(24);
    shape.forEach((level, h) => near(level, DAILY_CURVE[h]!, 0.02));
    expect(m.window).toMatchObject({ start: new Date(START * 1000).toISOString(), end: new Date(END * 1000).toISOString(), stepSeconds: 300 });
  });

  it('CPU seconds per request across a counter reset, from cAdvisor over all pods', () => {
    near(service('web-api').cpuSecondsPerRequest?.value, WEB.cpuSecondsPerRequest);
    near(service('worker').cpuSecondsPerRequest?.value, WORKER.cpuSecondsPerRequest);
  });

  it('p95 working set per replica (not the max) and replicas, NaN samples left out', () => {
    near(service('web-api').memoryP95MiB?.value, 400, 1e-9);
    near(service('worker').memoryP95MiB?.value, 800, 1e-9);
    near(service('web-api').averageReplicas?.value, 2 + 4 / 24, 0.005);
    near(service('web-api').peakReplicas?.value, 3, 1e-9);
    const points = (14 * DAY) / 300;
    // Every 7th replicas sample is NaN: a seventh of the points are skipped, not averaged in.
    expect(service('web-api').averageReplicas!.samples).toBeLessThanOrEqual(Math.ceil((points * 6) / 7) + 1);
    expect(service('web-api').averageReplicas!.samples).toBeGreaterThan(Math.floor((points * 6) / 7) - 2);
  });

  it('samples and confidence: a fortnight is high; a stale gap leaves points out', () => {
    const web = service('web-api').averageRps!;
    expect(web.samples).toBeGreaterThanOrEqual((14 * DAY) / 300 - 2);
    expect(web.confidence).toBe('high');
    expect(web.note).toContain('14 days');
    // The worker's series stopped for two hours: those points (less the 5 min lookback) are missing.
    expect(service('worker').memoryP95MiB!.samples).toBeLessThan((14 * DAY) / 300 - 20);
  });

  it('a service with no traffic and one with no series: listed as missing with the reason', () => {
    expect(service('idle').averageRps).toBeUndefined();
    expect(service('idle').cpuSecondsPerRequest).toBeUndefined();
    near(service('idle').memoryP95MiB?.value, 100, 1e-9);
    const reasons = Object.fromEntries(m.missing.map((x) => [x.what, x.reason]));
    expect(reasons['services.idle.requests']).toMatch(/no traffic/);
    expect(reasons['services.ghost.requests']).toMatch(/no series for .*nginx_ingress_controller_requests\{service="ghost"\}/);
    expect(reasons['services.ghost.memoryP95MiB']).toMatch(/no series for .*container_memory_working_set_bytes/);
    expect(reasons['services.ghost.replicas']).toMatch(/no series for .*kube_deployment_status_replicas/);
    expect(Object.keys(service('ghost'))).toEqual(['name', 'selector']);
  });
});

describe('a window shorter than a day', () => {
  it('is low confidence with a note, and leaves peak/average and the shape unmeasured', async () => {
    const short = await readMeasurements({ client: prometheusClient({ url: prom.url, timeoutMs: 10_000 }), services: [WEB.name], templates: { all: {}, services: {} }, end: END, windowSeconds: 6 * 3_600 });
    const rps = short.services[0]!.averageRps!;
    expect(rps.confidence).toBe('low');
    expect(rps.note).toMatch(/shorter than a day/);
    expect(short.peakToAverage).toBeUndefined();
    expect(short.missing.find((x) => x.what === 'peakToAverage')?.reason).toMatch(/full day/);
  });
});

// The command with the core's calibrateProfile: the printing, --out and exit statuses under test.
function cli(args: string[], calibrate: Calibrate = coreCalibrate) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, now: () => new Date(END * 1000) };
  return { io, result: () => ({ stdout, stderr }), run: (fn = (a: string[]) => runCalibrate(a, io, { calibrate })) => fn(args) };
}

const profileFile = () => {
  const path = join(workDir, 'profile.json');
  writeFileSync(path, JSON.stringify(testProfile()));
  return path;
};

describe('tier-planner calibrate', () => {
  it('prints each change with its PromQL, the kept defaults, and the plan before and after; writes --out', async () => {
    const out = join(workDir, 'calibrated.json');
    const c = cli(['--prometheus', prom.url, '--profile-file', profileFile(), '--users', '100000', '--out', out, '--date', '2026-12-01']);
    expect(await c.run()).toBe(0);
    const { stdout } = c.result();
    expect(stdout).toContain('services.web-api.memoryMiB: 512 → 480 (high confidence');
    expect(stdout).toMatch(/PromQL: p95 over pods and window of max by \(namespace, pod\) \(container_memory_working_set_bytes\{container="web-api"\}\)/);
    expect(stdout).toMatch(/Kept defaults:\n(.*\n)*  services\.idle\.requests: no traffic/);
    expect(stdout).toMatch(/Not measured:\n(.*\n)*  services\.ghost\.replicas: no series for sum\(kube_deployment_status_replicas\{deployment="ghost"\}\)/);
    expect(stdout).toContain('Plan at 100,000 users, before → after:');
    expect(stdout).toMatch(/Total: \$[\d,.]+ → \$[\d,.]+/);
    const written = parseProfile(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(written.services.find((s) => s.name === WEB.name)?.memoryMiB).toBe(480);
  });

  it('--json carries the measurements and the changes', async () => {
    const c = cli(['--prometheus', prom.url, '--profile-file', profileFile(), '--users', '100000', '--json', '--window', '2d']);
    expect(await c.run()).toBe(0);
    const doc = JSON.parse(c.result().stdout);
    expect(doc.kind).toBe('tier-planner-calibration');
    expect(doc.measurements.window.start).toBe(new Date((END - 2 * DAY) * 1000).toISOString());
    const memory = doc.changes.find((x: { assumption: string }) => x.assumption === 'services.web-api.memoryMiB');
    expect(memory).toMatchObject({ old: 512, new: 480, confidence: 'medium' });
    expect(memory.query).toContain('container_memory_working_set_bytes');
  });

  it('--map points a service at another workload', async () => {
    const c = cli(['--prometheus', prom.url, '--profile-file', profileFile(), '--users', '1000', '--json', '--map', 'ghost=shop/worker']);
    expect(await c.run()).toBe(0);
    const ghost = JSON.parse(c.result().stdout).measurements.services.find((s: { name: string }) => s.name === GHOST);
    expect(ghost.selector).toBe('{namespace="shop",container="worker"}');
    expect(ghost.memoryP95MiB.value).toBe(800);
  });

  it('a queries file replaces a default query', async () => {
    const queries = join(workDir, 'queries.json');
    // Users from a gauge: the worker's one replica × 1,000 stands in for a daily-active-users gauge.
    writeFileSync(queries, JSON.stringify({ memoryWorkingSetBytes: 'max by (pod) (container_memory_working_set_bytes{container="$workload"}) * 2', activeUsers: 'max(kube_deployment_status_replicas{deployment="worker"}) * 1000' }));
    const c = cli(['--prometheus', prom.url, '--profile-file', profileFile(), '--users', '1000', '--json', '--queries', queries]);
    expect(await c.run()).toBe(0);
    const web = JSON.parse(c.result().stdout).measurements.services.find((s: { name: string }) => s.name === WEB.name);
    expect(web.memoryP95MiB.value).toBe(800);
    expect(JSON.parse(c.result().stdout).measurements.activeUsers).toMatchObject({ value: 1000, query: 'max(kube_deployment_status_replicas{deployment="worker"}) * 1000', confidence: 'high' });
  });

  it('is listed in the help and answers --help', async () => {
    const c = cli(['--help']);
    expect(await c.run((a) => run(['calibrate', ...a], c.io))).toBe(0);
    expect(c.result().stdout).toMatch(/^Usage: tier-planner calibrate --prometheus URL/);
    const h = cli(['--help']);
    expect(await h.run((a) => run(a, h.io))).toBe(0);
    expect(h.result().stdout).toContain('tier-planner calibrate --prometheus URL --users N');
  });

  it('bad input is one line and exit 2', async () => {
    const bad = async (args: string[], message: RegExp) => {
      const c = cli(args);
      expect(await c.run((a) => run(['calibrate', ...a], c.io))).toBe(2);
      const { stderr } = c.result();
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    };
    await bad(['--users', '1000'], /--prometheus is required/);
    await bad(['--prometheus', 'ftp://x', '--users', '1000'], /--prometheus must be an http/);
    await bad(['--prometheus', prom.url, '--users', '1000', '--window', '3x'], /--window must be/);
    await bad(['--prometheus', prom.url, '--users', '1000', '--map', 'nope=api'], /--map "nope": the profile has no such service/);
    const queries = join(workDir, 'bad-queries.json');
    writeFileSync(queries, JSON.stringify({ cpu: 'x' }));
    await bad(['--prometheus', prom.url, '--users', '1000', '--queries', queries], /cpu: not a query this command sends/);
    writeFileSync(queries, JSON.stringify({ replicas: 'sum(' }));
    await bad(['--prometheus', prom.url, '--users', '1000', '--queries', queries], /refused a query \(bad_data\)/);
  });
});

/** A loopback HTTP proxy to Prometheus that holds every request `delayMs` before passing it on. */
async function stallingProxy(target: string, delayMs: number) {
  const upstream = new URL(target);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createHttpServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(body));
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('Prometheus down, slow or failing: one line, exit 1', () => {
  const failing = async (url: string, extra: string[], message: RegExp) => {
    const c = cli(['--prometheus', url, '--users', '1000', ...extra]);
    expect(await c.run((a) => run(['calibrate', ...a], c.io))).toBe(1);
    const { stderr } = c.result();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  };

  it('connection refused', async () => {
    await failing(`http://127.0.0.1:${await freeLoopbackPort()}`, [], /cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('a proxy that stalls runs into --timeout; with a longer deadline the same proxy calibrates', async () => {
    const proxy = await stallingProxy(prom.url, 800);
    try {
      await failing(proxy.url, ['--timeout', '300ms'], /did not answer within 300 ms \(raise --timeout/);
      const c = cli(['--prometheus', proxy.url, '--profile-file', profileFile(), '--users', '1000', '--window', '1d', '--json', '--timeout', '20s']);
      expect(await c.run()).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('an HTTP error from a proxy in front of Prometheus', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(503, 'Service Unavailable').end('no healthy upstream'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await failing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, [], /answered HTTP 503 Service Unavailable/);
    } finally {
      server.close();
    }
  });
});
