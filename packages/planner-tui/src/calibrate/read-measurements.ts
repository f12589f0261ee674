// Reads a profile's workload from Prometheus into the core's Measurements: range queries over the
// window, NaN points skipped, rates from rate() (which already bridges counter resets), and every
// figure that could not be measured listed in `missing` with its reason.
import type { Measurement, MeasurementConfidence, Measurements, ServiceMeasurements } from '@tier-planner/cost-model';
import type { PrometheusClient, RangeSeries } from './prometheus-client.js';
import { queryFor, selectorText, type QueryKey, type QueryTemplates, type Workload } from './queries.js';

const DAY = 86_400;
const HOUR = 3_600;
/** Prometheus refuses range queries of more than 11,000 points per series; stay well under. */
const MAX_POINTS = 10_000;
/** The smallest step: five minutes, so a rate() over one step sees several 30 s scrapes. */
const MIN_STEP = 300;
/** Range queries in flight at once: enough to hide round trips, few enough not to crowd a shared Prometheus. */
const CONCURRENCY = 8;

export interface ReadOptions {
  readonly client: PrometheusClient;
  /** The profile's service names, in profile order. */
  readonly services: readonly string[];
  /** Service name → workload; services not listed are matched by their own name. */
  readonly workloads?: Readonly<Record<string, Workload>>;
  readonly templates: QueryTemplates;
  /** Window end (unix seconds) and length (seconds). */
  readonly end: number;
  readonly windowSeconds: number;
}

/** The step a window is read at: five minutes, or coarser so one series stays under Prometheus's point limit. */
export function stepFor(windowSeconds: number): number {
  return Math.max(MIN_STEP, Math.ceil(windowSeconds / MAX_POINTS / 60) * 60);
}

export async function readMeasurements(options: ReadOptions): Promise<Measurements> {
  const { client, templates, windowSeconds } = options;
  const end = Math.floor(options.end);
  const step = stepFor(windowSeconds);
  const start = end - windowSeconds;
  const missing: { what: string; reason: string }[] = [];
  const limit = pool(CONCURRENCY);

  const range = (query: string) => limit(() => client.queryRange(query, { start, end, stepSeconds: step }));
  const workloadOf = (service: string): Workload => options.workloads?.[service] ?? { name: service };
  const q = (key: QueryKey, service?: string) => queryFor(key, templates, service, service === undefined ? undefined : workloadOf(service), step);

  const perService = await Promise.all(
    options.services.map(async (name) => {
      const workload = workloadOf(name);
      // The ingress first; a service no ingress routes to may still count its requests in a histogram.
      const ingressQuery = q('requestRate', name)!;
      let requests = { query: ingressQuery, series: await range(ingressQuery), entry: true };
      if (!hasPoints(requests.series)) {
        const fallback = q('fallbackRequestRate', name);
        if (fallback !== undefined) {
          const series = await range(fallback);
          if (hasPoints(series)) requests = { query: fallback, series, entry: false };
        }
      }
      const [cpu, memory, replicas] = await Promise.all(
        (['cpuSecondsRate', 'memoryWorkingSetBytes', 'replicas'] as const).map(async (key) => {
          const query = q(key, name)!;
          return { query, series: await range(query) };
        }),
      );
      return { name, workload, requests, cpu: cpu!, memory: memory!, replicas: replicas! };
    }),
  );

  const usersQuery = q('activeUsers');
  const users = usersQuery === undefined ? undefined : { query: usersQuery, series: await range(usersQuery) };

  // The entry request rate: services the ingress routes to (or every measured service, without an ingress).
  const measured = perService.filter((s) => hasPoints(s.requests.series));
  const entries = measured.some((s) => s.requests.entry) ? measured.filter((s) => s.requests.entry) : measured;
  const total = sumByTime(entries.map((s) => pointsOf(s.requests.series)));
  const totalQuery = entries.map((s) => s.requests.query).join(' + ');
  const hourly = hourlyMeans(total);
  const totalMean = mean(total.map((p) => p[1]));
  const peakHour = hourly.every((h) => h !== undefined) && totalMean > 0 ? argmax(hourly as number[]) : undefined;

  const global: { -readonly [K in keyof Measurements]?: Measurements[K] } = {};
  if (total.length === 0) missing.push({ what: 'requestsPerDay', reason: 'no request series for any service (nginx_ingress_controller_requests or a histogram _count by service)' });
  else if (totalMean === 0) missing.push({ what: 'requestsPerDay', reason: 'no traffic in the window (every request rate is zero)' });
  else {
    global.requestsPerDay = measurement(totalMean * DAY, `86400 * avg over window of (${totalQuery})`, total, step);
    if (peakHour === undefined) {
      const reason = `not every hour of the day has data (${hoursOf(total, step)} of data); peak/average and the daily shape need a full day`;
      missing.push({ what: 'peakToAverage', reason }, { what: 'hourlyShape', reason });
    } else {
      const levels = hourly as number[];
      global.peakToAverage = measurement(levels[peakHour]! / mean(levels), `max ÷ mean of the 24 UTC-hour averages of (${totalQuery})`, total, step);
      global.hourlyShape = measurement<readonly number[]>(levels.map((v) => v / levels[peakHour]!), `24 UTC-hour averages of (${totalQuery}), relative to the busiest`, total, step);
    }
  }
  if (users) {
    const points = pointsOf(users.series);
    if (points.length === 0) missing.push({ what: 'activeUsers', reason: emptyReason(users.series, users.query) });
    else global.activeUsers = measurement(mean(points.map((p) => p[1])), users.query, points, step);
  }

  const services = perService.map((s): ServiceMeasurements => {
    const out: { -readonly [K in keyof ServiceMeasurements]?: ServiceMeasurements[K] } = { name: s.name, selector: selectorText(s.workload) };
    const lack = (what: string, reason: string) => missing.push({ what: `services.${s.name}.${what}`, reason });
    const req = pointsOf(s.requests.series);
    const reqMean = mean(req.map((p) => p[1]));
    if (req.length === 0) lack('requests', emptyReason(s.requests.series, s.requests.query));
    else if (reqMean === 0) lack('requests', 'no traffic in the window (request rate zero throughout)');
    else {
      out.averageRps = measurement(reqMean, `avg over window of ${s.requests.query}`, req, step);
      if (peakHour !== undefined) {
        const at = atHour(req, peakHour);
        if (at.length) out.peakRps = measurement(mean(at.map((p) => p[1])), `avg at UTC hour ${peakHour} of ${s.requests.query}`, at, step);
      }
    }
    const cpu = pointsOf(s.cpu.series);
    if (cpu.length === 0) lack('cpuSecondsPerRequest', emptyReason(s.cpu.series, s.cpu.query));
    else if (req.length > 0 && reqMean > 0) {
      // Total CPU-seconds ÷ total requests over the instants both have: not a mean of per-step ratios,
      // which quiet hours would dominate.
      const reqAt = new Map(req);
      const both = cpu.filter(([t]) => reqAt.has(t));
      const served = both.reduce((sum, [t]) => sum + reqAt.get(t)!, 0);
      if (served > 0) out.cpuSecondsPerRequest = measurement(both.reduce((sum, p) => sum + p[1], 0) / served, `(${s.cpu.query}) / (${s.requests.query})`, both, step);
      else lack('cpuSecondsPerRequest', 'no requests at the instants CPU was measured');
    } else lack('cpuSecondsPerRequest', 'no traffic to divide the CPU by');
    const memory = s.memory.series.flatMap((x) => x.points.map((p) => p[1]));
    if (memory.length === 0) lack('memoryP95MiB', emptyReason(s.memory.series, s.memory.query));
    else out.memoryP95MiB = measurement(percentile(memory, 0.95) / 1_048_576, `p95 over pods and window of ${s.memory.query} ÷ 2^20`, s.memory.series.flatMap((x) => x.points), step);
    const replicas = pointsOf(s.replicas.series);
    if (replicas.length === 0) lack('replicas', emptyReason(s.replicas.series, s.replicas.query));
    else {
      out.averageReplicas = measurement(mean(replicas.map((p) => p[1])), `avg over window of ${s.replicas.query}`, replicas, step);
      const at = peakHour === undefined ? [] : atHour(replicas, peakHour);
      if (at.length) out.peakReplicas = measurement(mean(at.map((p) => p[1])), `avg at UTC hour ${peakHour} of ${s.replicas.query}`, at, step);
    }
    return out as ServiceMeasurements;
  });

  return {
    window: { start: new Date(start * 1000).toISOString(), end: new Date(end * 1000).toISOString(), stepSeconds: step },
    ...global,
    services,
    missing,
  };
}

/** Confidence from how much of a day, and of a week, the data covers. */
export function confidenceOf(points: readonly (readonly [number, number])[], step: number): { confidence: MeasurementConfidence; note: string } {
  if (points.length === 0) return { confidence: 'low', note: 'no data' };
  const seconds = spanOf(points, step);
  const covered = `${points.length.toLocaleString('en-US')} points at ${step} s over ${spanText(seconds)}`;
  if (seconds < DAY) return { confidence: 'low', note: `${covered}: a window shorter than a day, so the daily cycle is not seen` };
  if (seconds < 7 * DAY) return { confidence: 'medium', note: `${covered}: under a week, so weekly cycles are not seen` };
  return { confidence: 'high', note: covered };
}

function measurement<T = number>(value: T, query: string, points: readonly (readonly [number, number])[], step: number): Measurement<T> {
  const { confidence, note } = confidenceOf(points, step);
  return { value, query, samples: points.length, confidence, note };
}

const hasPoints = (series: readonly RangeSeries[]) => series.some((s) => s.points.length > 0);

/** Why a query gave nothing to measure: no series at all, or series of nothing but NaN. */
const emptyReason = (series: readonly RangeSeries[], query: string) =>
  series.some((s) => s.skipped > 0) ? `only NaN samples from ${query}` : `no series for ${query}`;

/** A sum() query has one series; should a template return several, their points add up per instant. */
const pointsOf = (series: readonly RangeSeries[]) => sumByTime(series.map((s) => s.points));

function sumByTime(lists: readonly (readonly (readonly [number, number])[])[]): [number, number][] {
  const byTime = new Map<number, number>();
  for (const list of lists) for (const [t, v] of list) byTime.set(t, (byTime.get(t) ?? 0) + v);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

/** The mean rate in each UTC hour of the day over the whole window; undefined for an hour with no data. */
function hourlyMeans(points: readonly (readonly [number, number])[]): (number | undefined)[] {
  const sums = new Array<number>(24).fill(0);
  const counts = new Array<number>(24).fill(0);
  for (const [t, v] of points) {
    // A rate() point at t covers the step before t: file it under the hour that step lies in.
    const h = Math.floor((((t - 1) % DAY) + DAY) % DAY / HOUR);
    sums[h]! += v;
    counts[h]! += 1;
  }
  return sums.map((s, h) => (counts[h] ? s / counts[h]! : undefined));
}

const atHour = (points: readonly (readonly [number, number])[], hour: number) => points.filter(([t]) => Math.floor((((t - 1) % DAY) + DAY) % DAY / HOUR) === hour);

const spanOf = (points: readonly (readonly [number, number])[], step: number) => points[points.length - 1]![0] - points[0]![0] + step;
const hoursOf = (points: readonly (readonly [number, number])[], step: number) => spanText(points.length ? spanOf(points, step) : 0);
const spanText = (seconds: number) => (seconds >= DAY ? `${(seconds / DAY).toLocaleString('en-US', { maximumFractionDigits: 1 })} days` : `${(seconds / HOUR).toLocaleString('en-US', { maximumFractionDigits: 1 })} h`);

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const argmax = (xs: readonly number[]) => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs at most `n` of the given tasks at once. */
function pool(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
