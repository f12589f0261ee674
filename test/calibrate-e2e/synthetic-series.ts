// Synthetic cluster metrics with known true values, as OpenMetrics text for promtool's backfill:
// a request counter per service following a daily curve, a CPU counter of exactly
// cpuSecondsPerRequest × requests, working-set gauges per pod, and replicas.

export const SCRAPE_SECONDS = 30;

/** Relative request level per UTC hour: a trough at night, the busiest hour at 15:00. */
export const DAILY_CURVE: readonly number[] = [0.3, 0.25, 0.2, 0.2, 0.25, 0.3, 0.4, 0.55, 0.7, 0.8, 0.85, 0.9, 0.9, 0.95, 0.97, 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4];

export interface SyntheticService {
  readonly name: string;
  /** Requests per second at the busiest hour (the curve scales it); 0 for a service with no traffic. */
  readonly peakRps: number;
  /** ingress-nginx (an entry service) or the service's own histogram _count. */
  readonly counter: 'ingress' | 'histogram';
  readonly cpuSecondsPerRequest: number;
  /** Each pod's working set, MiB. */
  readonly podMemoryMiB: readonly number[];
  /** One pod sits at `mib` for every `everyNthHour`th hour of the window. */
  readonly spike?: { readonly pod: number; readonly mib: number; readonly everyNthHour: number };
  /** Replicas, and more at the given UTC hours. */
  readonly replicas: number;
  readonly busyReplicas?: { readonly hours: readonly number[]; readonly replicas: number };
  /** Every `nanEvery`th replicas sample is NaN (a broken exporter), which must not count. */
  readonly nanEvery?: number;
  /** Counters restart from zero at this many seconds into the window (a pod restart). */
  readonly resetAt?: number;
  /** No samples at all in [from, to) seconds into the window: the series goes stale and comes back. */
  readonly gap?: readonly [number, number];
}

export interface SyntheticCluster {
  /** Unix seconds of the first and last sample. */
  readonly start: number;
  readonly end: number;
  readonly services: readonly SyntheticService[];
}

const hourOf = (t: number) => Math.floor((t % 86_400) / 3_600);
const rateAt = (s: SyntheticService, t: number) => s.peakRps * DAILY_CURVE[hourOf(t)]!;

/** The true mean request rate over whole days of the curve. */
export const trueAverageRps = (s: SyntheticService) => (s.peakRps * DAILY_CURVE.reduce((a, b) => a + b, 0)) / 24;
export const truePeakToAverage = () => Math.max(...DAILY_CURVE) / (DAILY_CURVE.reduce((a, b) => a + b, 0) / 24);

/** OpenMetrics text of the whole cluster, family by family, each series in time order. */
export function openMetrics(cluster: SyntheticCluster): string {
  const out: string[] = [];
  const times: number[] = [];
  for (let t = cluster.start; t <= cluster.end; t += SCRAPE_SECONDS) times.push(t);
  const live = (s: SyntheticService, t: number) => !s.gap || t - cluster.start < s.gap[0] || t - cluster.start >= s.gap[1];
  const family = (name: string, series: (() => string[])[]) => {
    out.push(`# TYPE ${name} unknown`);
    for (const lines of series) out.push(...lines());
  };
  // Counters: requests served in each scrape interval at the hour's rate, restarting at resetAt.
  const counter = (s: SyntheticService, scale: number, metric: string) => () => {
    const lines: string[] = [];
    let total = 0;
    for (const t of times) {
      if (s.resetAt !== undefined && t - cluster.start === s.resetAt) total = 0;
      else if (t > cluster.start) total += rateAt(s, t - SCRAPE_SECONDS) * SCRAPE_SECONDS * scale;
      if (live(s, t)) lines.push(`${metric} ${round(total)} ${t}`);
    }
    return lines;
  };
  const gauge = (s: SyntheticService, metric: string, value: (t: number, i: number) => number | 'NaN') => () =>
    times.flatMap((t, i) => (live(s, t) ? [`${metric} ${value(t, i)} ${t}`] : []));

  family(
    'nginx_ingress_controller_requests',
    cluster.services.filter((s) => s.counter === 'ingress').map((s) => counter(s, 1, `nginx_ingress_controller_requests{service="${s.name}",namespace="shop",status="200"}`)),
  );
  family(
    'http_request_duration_seconds_count',
    cluster.services.filter((s) => s.counter === 'histogram').map((s) => counter(s, 1, `http_request_duration_seconds_count{service="${s.name}",namespace="shop"}`)),
  );
  // CPU splits over the pods in fixed shares; the sum over pods is cpuSecondsPerRequest × requests.
  family(
    'container_cpu_usage_seconds_total',
    cluster.services.flatMap((s) => s.podMemoryMiB.map((_, p) => counter(s, (s.cpuSecondsPerRequest * (p + 1)) / triangle(s.podMemoryMiB.length), `container_cpu_usage_seconds_total{namespace="shop",pod="${s.name}-${p}",container="${s.name}"}`))),
  );
  family(
    'container_memory_working_set_bytes',
    cluster.services.flatMap((s) =>
      s.podMemoryMiB.map((mib, p) =>
        gauge(s, `container_memory_working_set_bytes{namespace="shop",pod="${s.name}-${p}",container="${s.name}"}`, (t) => {
          const spiking = s.spike && s.spike.pod === p && Math.floor((t - cluster.start) / 3_600) % s.spike.everyNthHour === 0;
          return (spiking ? s.spike!.mib : mib) * 1_048_576;
        }),
      ),
    ),
  );
  family(
    'kube_deployment_status_replicas',
    cluster.services.map((s) =>
      gauge(s, `kube_deployment_status_replicas{namespace="shop",deployment="${s.name}"}`, (t, i) => {
        if (s.nanEvery && i % s.nanEvery === 0) return 'NaN';
        return s.busyReplicas?.hours.includes(hourOf(t)) ? s.busyReplicas.replicas : s.replicas;
      }),
    ),
  );
  out.push('# EOF', '');
  return out.join('\n');
}

const triangle = (n: number) => (n * (n + 1)) / 2;
const round = (x: number) => Math.round(x * 1e6) / 1e6;
