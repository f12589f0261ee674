// A small client for Prometheus's HTTP API (/api/v1/query_range and /api/v1/query): fetch only,
// a deadline per request on injected timers, and one clear error per way a server can fail.

/** Why a request to Prometheus failed: not there, too slow, an HTTP error, or a query Prometheus refused. */
export type PrometheusFailure = 'unreachable' | 'timeout' | 'http' | 'query';

export class PrometheusError extends Error {
  override readonly name = 'PrometheusError';
  constructor(
    readonly failure: PrometheusFailure,
    message: string,
  ) {
    super(message);
  }
}

/** One series of a range query: its labels and its finite [unix seconds, value] points. */
export interface RangeSeries {
  readonly metric: Readonly<Record<string, string>>;
  readonly points: readonly (readonly [number, number])[];
  /** Points Prometheus returned that were not finite numbers (NaN, ±Inf), left out of `points`. */
  readonly skipped: number;
}

export interface InstantSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PrometheusClientOptions {
  /** Base URL, e.g. http://127.0.0.1:9090 (a path prefix such as /prometheus is kept). */
  readonly url: string;
  /** Deadline for each request, headers and body together. */
  readonly timeoutMs: number;
  readonly timers?: Timers;
  readonly fetch?: typeof fetch;
}

export interface PrometheusClient {
  readonly url: string;
  queryRange(query: string, range: { readonly start: number; readonly end: number; readonly stepSeconds: number }): Promise<RangeSeries[]>;
  query(query: string, time: number): Promise<InstantSample[]>;
}

const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export function prometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const base = options.url.replace(/\/+$/, '');
  const timers = options.timers ?? realTimers;
  const doFetch = options.fetch ?? fetch;

  async function api(path: string, params: Record<string, string>): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const where = `Prometheus at ${base}`;
    try {
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(params).toString(),
          signal: controller.signal,
        });
      } catch (e) {
        if (timedOut) throw new PrometheusError('timeout', `${where} did not answer within ${options.timeoutMs.toLocaleString('en-US')} ms (raise --timeout if it is just slow)`);
        throw new PrometheusError('unreachable', `cannot reach ${where}: ${causeOf(e)}`);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (e) {
        if (timedOut) throw new PrometheusError('timeout', `${where} did not finish its answer within ${options.timeoutMs.toLocaleString('en-US')} ms (raise --timeout if it is just slow)`);
        throw new PrometheusError('unreachable', `${where} broke off its answer: ${causeOf(e)}`);
      }
      let body: { status?: unknown; data?: unknown; error?: unknown; errorType?: unknown } | undefined;
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = undefined;
      }
      // Prometheus answers a refused query with 400/422 and status "error": the query is at fault, not the server.
      if (body && body.status === 'error') throw new PrometheusError('query', `${where} refused a query (${String(body.errorType ?? response.status)}): ${String(body.error ?? '')}`);
      if (!response.ok) throw new PrometheusError('http', `${where} answered HTTP ${response.status} ${response.statusText} for ${path}`.trim());
      if (!body || body.status !== 'success') throw new PrometheusError('http', `${where} answered ${path} with something that is not the Prometheus API's JSON`);
      return body.data;
    } finally {
      timers.clearTimeout(timer);
    }
  }

  return {
    url: base,
    async queryRange(query, { start, end, stepSeconds }) {
      const data = (await api('/api/v1/query_range', { query, start: String(start), end: String(end), step: String(stepSeconds) })) as { resultType?: string; result?: unknown };
      if (data?.resultType !== 'matrix' || !Array.isArray(data.result)) throw new PrometheusError('query', `expected a range vector (matrix) from ${query}, got ${String(data?.resultType)}`);
      return (data.result as { metric: Record<string, string>; values?: [number, string][] }[]).map((s) => {
        const points: [number, number][] = [];
        let skipped = 0;
        for (const [t, v] of s.values ?? []) {
          const n = Number(v);
          // NaN (a gauge that reported NaN, 0/0 in a ratio) and ±Inf say nothing about the workload.
          if (Number.isFinite(n)) points.push([t, n]);
          else skipped += 1;
        }
        return { metric: s.metric ?? {}, points, skipped };
      });
    },
    async query(query, time) {
      const data = (await api('/api/v1/query', { query, time: String(time) })) as { resultType?: string; result?: unknown };
      if (data?.resultType !== 'vector' || !Array.isArray(data.result)) throw new PrometheusError('query', `expected an instant vector from ${query}, got ${String(data?.resultType)}`);
      return (data.result as { metric: Record<string, string>; value: [number, string] }[])
        .map((s) => ({ metric: s.metric ?? {}, value: Number(s.value[1]) }))
        .filter((s) => Number.isFinite(s.value));
    },
  };
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND …) in `cause`. */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}
