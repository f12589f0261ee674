import { describe, expect, it } from 'vitest';
import { prometheusClient, PrometheusError, type Timers } from './prometheus-client.js';

/** Timers the test fires by hand: a deadline passes only when the test says so. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (fn) => (pending.set(++next, fn), next),
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return { timers, fireAll: () => [...pending.values()].forEach((fn) => fn()), pending };
}

const answer = (status: number, body: unknown) => async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
const range = { start: 0, end: 600, stepSeconds: 300 };

async function failure(p: Promise<unknown>): Promise<PrometheusError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PrometheusError);
  return e as PrometheusError;
}

describe('prometheusClient', () => {
  it('keeps finite points and counts NaN and ±Inf as skipped', async () => {
    const client = prometheusClient({
      url: 'http://prom:9090/',
      timeoutMs: 1_000,
      fetch: answer(200, { status: 'success', data: { resultType: 'matrix', result: [{ metric: { pod: 'a' }, values: [[300, '1.5'], [600, 'NaN'], [900, '+Inf'], [1200, '2']] }] } }),
    });
    expect(await client.queryRange('up', range)).toEqual([{ metric: { pod: 'a' }, points: [[300, 1.5], [1200, 2]], skipped: 2 }]);
  });

  it('sends the query, window and step to /api/v1/query_range', async () => {
    let seen: { url: string; body: string } | undefined;
    const client = prometheusClient({
      url: 'http://prom:9090/prefix',
      timeoutMs: 1_000,
      fetch: async (url, init) => ((seen = { url: String(url), body: String(init?.body) }), new Response(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }))),
    });
    await client.queryRange('sum(rate(x[300s]))', range);
    expect(seen!.url).toBe('http://prom:9090/prefix/api/v1/query_range');
    expect(Object.fromEntries(new URLSearchParams(seen!.body))).toEqual({ query: 'sum(rate(x[300s]))', start: '0', end: '600', step: '300' });
  });

  it('a refused query is a query failure with Prometheus\'s own words', async () => {
    const client = prometheusClient({ url: 'http://prom', timeoutMs: 1_000, fetch: answer(400, { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }) });
    const e = await failure(client.queryRange('sum(', range));
    expect(e.failure).toBe('query');
    expect(e.message).toBe('Prometheus at http://prom refused a query (bad_data): parse error at char 5');
  });

  it('an HTTP error without the API\'s JSON is an http failure', async () => {
    const client = prometheusClient({ url: 'http://prom', timeoutMs: 1_000, fetch: answer(503, 'upstream unavailable') });
    const e = await failure(client.query('up', 0));
    expect(e.failure).toBe('http');
    expect(e.message).toMatch(/answered HTTP 503/);
  });

  it('a 200 that is not the API (a login page) is an http failure too', async () => {
    const client = prometheusClient({ url: 'http://prom', timeoutMs: 1_000, fetch: answer(200, '<html>sign in</html>') });
    expect((await failure(client.query('up', 0))).message).toMatch(/not the Prometheus API's JSON/);
  });

  it('the deadline aborts a request that hangs, and is cleared after an answer', async () => {
    const { timers, fireAll, pending } = manualTimers();
    const hang: typeof fetch = (_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = prometheusClient({ url: 'http://prom', timeoutMs: 250, timers, fetch: hang });
    const p = failure(slow.queryRange('up', range));
    await Promise.resolve();
    expect(pending.size).toBe(1);
    fireAll();
    const e = await p;
    expect(e.failure).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 250 ms/);
    const quick = prometheusClient({ url: 'http://prom', timeoutMs: 250, timers, fetch: answer(200, { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, '3'] }] } }) });
    expect(await quick.query('up', 0)).toEqual([{ metric: {}, value: 3 }]);
    expect(pending.size).toBe(0);
  });

  it('a refused connection is unreachable, naming the cause', async () => {
    const refused: typeof fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const e = await failure(prometheusClient({ url: 'http://prom', timeoutMs: 1_000, fetch: refused }).query('up', 0));
    expect(e.failure).toBe('unreachable');
    expect(e.message).toBe('cannot reach Prometheus at http://prom: ECONNREFUSED');
  });
});
